import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { ENTITY_TYPES } from "@/lib/domain/types";
import { listEntities, listProvinces } from "@/lib/data/entity-writes";
import { mergeEntityAction, saveEntityAction } from "./actions";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.nav"))("entities") };
}

const input = "rounded border border-slate-400 px-2 py-1";

type EntityRow = Awaited<ReturnType<typeof listEntities>>[number];

function EntityFields({ e, provinces, typeLabel }: { e?: EntityRow; provinces: { id: number; name: string }[]; typeLabel: (type: (typeof ENTITY_TYPES)[number]) => string }) {
  return (
    <>
      <input name="name" defaultValue={e?.name} required aria-label="Nama" className={`${input} min-w-64`} />
      <select name="type" defaultValue={e?.type ?? "POLRES"} aria-label="Jenis" className={input}>
        {ENTITY_TYPES.map((type) => <option key={type} value={type}>{typeLabel(type)}</option>)}
      </select>
      <select name="provinceId" defaultValue={e?.provinceId ?? ""} aria-label="Provinsi" className={input}>
        <option value="">— (nasional)</option>
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
  const tType = await getTranslations("entityType");
  const params = await searchParams;
  const q = String(params.q ?? "").trim();
  const [entities, provinces] = await Promise.all([q ? listEntities(actor, q) : Promise.resolve([]), listProvinces()]);
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t("nav.entities")}</h1>
      {params.galat && <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">{String(params.galat)}</p>}
      {params.disimpan && <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm">{t("users.saved")}</p>}
      <form method="get" className="mb-4 flex gap-2 text-sm">
        <input name="q" defaultValue={q} placeholder={t("results.filterQuery")} aria-label={t("results.filterQuery")} className={input} />
        <button type="submit" className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">{t("results.apply")}</button>
      </form>
      <ul className="mb-8 space-y-3 text-sm">
        {entities.map((e) => (
          <li key={e.id} className="rounded border border-slate-200 p-2" data-entity={e.slug}>
            <form action={saveEntityAction} className="flex flex-wrap items-center gap-2">
              <input type="hidden" name="id" value={e.id} />
              <span className="tabular-nums text-slate-600">#{e.id}</span>
              <EntityFields e={e} provinces={provinces} typeLabel={(x) => tType(x)} />
              <button type="submit" className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">{t("users.save")}</button>
            </form>
            <p className="mt-1 text-xs text-slate-600">
              {e._count.results} hasil · alias: {e.aliases.map((a) => a.alias).join("; ") || "—"}
            </p>
          </li>
        ))}
      </ul>
      <h2 className="mb-2 text-lg font-semibold">Tambah instansi</h2>
      <form action={saveEntityAction} className="mb-8 flex flex-wrap items-center gap-2 text-sm">
        <EntityFields provinces={provinces} typeLabel={(x) => tType(x)} />
        <button type="submit" className="rounded bg-slate-900 px-3 py-1 text-white hover:bg-slate-700">{t("users.create")}</button>
      </form>
      {actor.role === "ADMIN" && (
        <>
          <h2 className="mb-2 text-lg font-semibold">Gabungkan duplikat</h2>
          <p className="mb-2 text-sm text-slate-700">Hasil instansi sumber pindah ke instansi tujuan; namanya disimpan sebagai alias; riwayat tetap tersimpan.</p>
          <form action={mergeEntityAction} className="flex flex-wrap items-center gap-2 text-sm">
            <input type="hidden" name="q" value={q} />
            <label>Sumber (#id) <input name="sourceId" inputMode="numeric" required className={`${input} w-24`} /></label>
            <label>Tujuan (#id) <input name="targetId" inputMode="numeric" required className={`${input} w-24`} /></label>
            <button type="submit" className="rounded border border-red-400 px-3 py-1 text-red-800 hover:bg-red-50">Gabungkan</button>
          </form>
        </>
      )}
    </>
  );
}
