import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { formatJakarta } from "@/lib/domain/jakarta-time";
import { OwnZoneTime } from "../_components/own-zone-time";
import { parseId, parseYear } from "@/lib/domain/numbers";
import { ENTITY_TYPES } from "@/lib/domain/types";
import { isAdmin } from "@/lib/ledger/access";
import { listReleases, releaseCandidates, releaseFormOptions } from "@/lib/ledger/release-reads";
import { separateApproverRequired } from "@/lib/ledger/releases";
import { createReleaseAction } from "./actions";
import { ReleaseRows } from "./release-rows";
import { WhenFields } from "./when-fields";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminRelease"))("title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function ReleasesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor();
  const t = await getTranslations("adminRelease");
  const tType = await getTranslations("entityType");
  const params = await searchParams;
  const admin = isAdmin(actor);
  const { years, provinces } = await releaseFormOptions(actor);
  const year = parseYear(one(params.tahun));
  const type = ENTITY_TYPES.find((x) => x === one(params.jenis)) ?? null;
  const provinceId = parseId(one(params.provinsi));
  const [candidates, releases] = await Promise.all([year ? releaseCandidates(actor, { year, entityType: type, provinceId }) : Promise.resolve(null), listReleases(actor)]);
  const provinceName = provinces.find((p) => p.id === provinceId)?.name;
  const suggestedName = [provinceName, type ? tType(type) : null, year].filter(Boolean).join(" ");
  const separate = separateApproverRequired();
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-1 max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      <p className="mb-4 max-w-3xl text-sm text-slate-700">{t("editorIntro")}</p>
      {params.galat && <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">{one(params.pesan)}</p>}

      <section aria-labelledby="pilih" className="mb-6">
        <h2 id="pilih" className="mb-2 text-lg font-semibold">{t("selectTitle")}</h2>
        <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
          <label className="flex flex-col">
            {t("year")}
            <select name="tahun" defaultValue={year ?? years[0] ?? ""} className="rounded border border-slate-400 px-2 py-1">
              {years.map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </label>
          <label className="flex flex-col">
            {t("type")}
            <select name="jenis" defaultValue={type ?? ""} className="rounded border border-slate-400 px-2 py-1">
              <option value="">{t("all")}</option>
              {ENTITY_TYPES.map((x) => <option key={x} value={x}>{tType(x)}</option>)}
            </select>
          </label>
          <label className="flex flex-col">
            {t("province")}
            <select name="provinsi" defaultValue={provinceId ?? ""} className="rounded border border-slate-400 px-2 py-1">
              {admin && <option value="">{t("all")}</option>}
              {provinces.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </label>
          <button type="submit" className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">{t("show")}</button>
        </form>
      </section>

      {candidates && (
        <section aria-labelledby="periksa" className="mb-8 max-w-4xl">
          <h2 id="periksa" className="mb-2 text-lg font-semibold">{t("candidatesTitle", { count: candidates.length })}</h2>
          {candidates.length === 0 ? (
            <p className="text-sm">{t("noCandidates")}</p>
          ) : (
            <form action={createReleaseAction} className="space-y-4">
              <input type="hidden" name="tahun" value={year ?? ""} />
              {type && <input type="hidden" name="jenis" value={type} />}
              {provinceId && <input type="hidden" name="provinsi" value={provinceId} />}
              <ReleaseRows rows={candidates} pick caption={t("candidatesTitle", { count: candidates.length })} />
              <fieldset className="space-y-3 rounded border border-slate-300 p-3 text-sm">
                <legend className="px-1 text-base font-semibold">{t("confirmTitle")}</legend>
                <label className="flex max-w-md flex-col">
                  {t("name")}
                  <input name="nama" required maxLength={120} defaultValue={suggestedName} className="rounded border border-slate-400 px-2 py-1" />
                </label>
                <WhenFields admin={admin} separate={separate} defaultMode={admin && !separate ? "now" : "submit"} />
                <button type="submit" className="rounded border border-green-700 bg-green-50 px-3 py-1 font-medium text-green-900 hover:bg-green-100">{t("create")}</button>
              </fieldset>
            </form>
          )}
        </section>
      )}

      <section aria-labelledby="daftar-rilis">
        <h2 id="daftar-rilis" className="mb-2 text-lg font-semibold">{t("listTitle")}</h2>
        {releases.length === 0 ? (
          <p className="text-sm">{t("none")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 border-y border-slate-200 text-sm" data-testid="release-list">
            {releases.map((r) => (
              <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2" data-release-id={r.id} data-status={r.status}>
                <span>
                  <Link href={`/admin/rilis/${r.id}`} className="font-medium underline">{r.name}</Link>{" "}
                  <span className="text-slate-700">· {r.count} {t("count").toLowerCase()} · {t("submittedBy")} {r.submittedBy}</span>
                </span>
                <span>
                  <strong>{t(`statuses.${r.status}`)}</strong>
                  {r.status === "SCHEDULED" && r.scheduledAt && <span> · {formatJakarta(r.scheduledAt)}<OwnZoneTime iso={r.scheduledAt.toISOString()} label={t("ownZone")} /></span>}
                  {r.status === "PUBLISHED" && r.publishedAt && <span> · {formatJakarta(r.publishedAt)}</span>}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
