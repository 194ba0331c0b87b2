import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { ENTITY_TYPES } from "@/lib/domain/types";
import { listEntities, listProvinces } from "@/lib/ledger/entities";
import { mergeEntityAction, saveEntityAction } from "./actions";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.nav"))("entities") };
}

const input = "rounded border border-slate-400 px-2 py-1";

type EntityRow = Awaited<ReturnType<typeof listEntities>>[number];

interface FieldLabels {
  name: string;
  type: string;
  province: string;
  national: string;
  typeLabel: (type: (typeof ENTITY_TYPES)[number]) => string;
}

function EntityFields({ e, provinces, labels }: { e?: EntityRow; provinces: { id: number; name: string }[]; labels: FieldLabels }) {
  return (
    <>
      <input name="name" defaultValue={e?.name} required aria-label={labels.name} className={`${input} min-w-64`} />
      <select name="type" defaultValue={e?.type ?? "POLRES"} aria-label={labels.type} className={input}>
        {ENTITY_TYPES.map((type) => <option key={type} value={type}>{labels.typeLabel(type)}</option>)}
      </select>
      <select name="provinceId" defaultValue={e?.provinceId ?? ""} aria-label={labels.province} className={input}>
        <option value="">{labels.national}</option>
        {provinces.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
      <input type="hidden" name="regencyId" value={e?.regencyId ?? ""} />
    </>
  );
}

/** Entities: search, edit (rename keeps an alias; province change), create, merge duplicates. */
export default async function EntitiesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor();
  const t = await getTranslations("admin");
  const te = await getTranslations("adminEntities");
  const tType = await getTranslations("entityType");
  const params = await searchParams;
  const q = String(params.q ?? "").trim();
  const [entities, provinces] = await Promise.all([q ? listEntities(actor, q) : Promise.resolve([]), listProvinces()]);
  const labels: FieldLabels = { name: te("name"), type: te("type"), province: te("province"), national: te("national"), typeLabel: (x) => tType(x) };
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t("nav.entities")}</h1>
      {params.galat && <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">{String(params.galat)}</p>}
      {params.disimpan && <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm">{te("saved")}</p>}
      <form method="get" role="search" className="mb-2 flex gap-2 text-sm">
        <input type="search" name="q" defaultValue={q} placeholder={te("search")} aria-label={te("search")} className={`${input} min-w-72`} />
        <button type="submit" className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">{te("searchSubmit")}</button>
      </form>
      <p className="mb-4 text-sm text-slate-700">{q && entities.length === 0 ? te("empty") : !q ? te("searchHint") : null}</p>
      <ul className="mb-8 space-y-3 text-sm">
        {entities.map((e) => (
          <li key={e.id} className="rounded border border-slate-200 p-2" data-entity={e.slug}>
            <form action={saveEntityAction} className="flex flex-wrap items-center gap-2">
              <input type="hidden" name="id" value={e.id} />
              <span className="tabular-nums text-slate-600">#{e.id}</span>
              <EntityFields e={e} provinces={provinces} labels={labels} />
              <button type="submit" className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">{te("save")}</button>
            </form>
            <p className="mt-1 text-xs text-slate-600" data-testid="entity-summary">
              {te("summary", { count: e._count.results, aliases: e.aliases.map((a) => a.alias).join("; ") || te("noAliases") })}
            </p>
          </li>
        ))}
      </ul>
      <h2 className="mb-2 text-lg font-semibold">{te("createTitle")}</h2>
      <form action={saveEntityAction} className="mb-8 flex flex-wrap items-center gap-2 text-sm" aria-label={te("createTitle")}>
        <EntityFields provinces={provinces} labels={labels} />
        <button type="submit" className="rounded bg-slate-900 px-3 py-1 text-white hover:bg-slate-700">{te("createSubmit")}</button>
      </form>
      {actor.role === "ADMIN" && (
        <>
          <h2 className="mb-2 text-lg font-semibold">{te("mergeTitle")}</h2>
          <p className="mb-2 text-sm text-slate-700">{te("mergeHint")}</p>
          <form action={mergeEntityAction} className="flex flex-wrap items-center gap-2 text-sm" aria-label={te("mergeTitle")}>
            <input type="hidden" name="q" value={q} />
            <label>{te("mergeSource")} <input name="sourceId" inputMode="numeric" required className={`${input} w-24`} /></label>
            <label>{te("mergeTarget")} <input name="targetId" inputMode="numeric" required className={`${input} w-24`} /></label>
            <button type="submit" className="rounded border border-red-400 px-3 py-1 text-red-800 hover:bg-red-50">{te("mergeSubmit")}</button>
          </form>
        </>
      )}
    </>
  );
}
