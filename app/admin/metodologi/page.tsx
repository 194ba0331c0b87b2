import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { hundredthsToDecimalString } from "@/lib/domain/score";
import { CATEGORIES, ZONES } from "@/lib/domain/types";
import { methodologyOptions } from "@/lib/data/admin-results";
import { methodologySnapshot } from "@/lib/data/methodology-writes";
import { db } from "@/lib/data/db";
import { saveMethodologyAction } from "./actions";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.nav"))("methodology") };
}

const input = "rounded border border-slate-400 px-2 py-1";

/** A year's methodology: bands must cover 0–100 without gaps or overlaps (checked on save). */
export default async function MethodologyPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageActor({ admin: true });
  const t = await getTranslations("admin");
  const params = await searchParams;
  const years = (await methodologyOptions()).map((m) => m.year);
  const year = Number(params.tahun) || years[0];
  const snap = year ? await methodologySnapshot(db(), year) : null;
  const rows = snap ? [...snap.bands, { min: -1, max: -1, zone: "", category: null, label: "" }] : [];
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t("nav.methodology")}</h1>
      <nav className="mb-4 flex flex-wrap gap-2 text-sm">
        {years.map((y) => (
          <Link key={y} href={`/admin/metodologi?tahun=${y}`} aria-current={y === year ? "page" : undefined}
            className={`rounded border px-3 py-1 ${y === year ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300"}`}>{y}</Link>
        ))}
      </nav>
      {params.galat && <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">{String(params.galat)}</p>}
      {params.disimpan && <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm">{t("users.saved")}</p>}
      {snap && (
        <form action={saveMethodologyAction} className="max-w-4xl space-y-4 text-sm">
          <input type="hidden" name="year" value={year} />
          <label className="flex flex-col">Nama<input name="name" defaultValue={snap.name} className={input} /></label>
          <label className="flex flex-col">Opini<input name="opinionName" defaultValue={snap.opinionName ?? ""} className={input} /></label>
          <label className="flex items-center gap-2"><input type="checkbox" name="bandsVerified" defaultChecked={snap.bandsVerified} /> Pita nilai terverifikasi</label>
          <table className="w-full border-collapse">
            <thead><tr className="text-left"><th>Min</th><th>Maks</th><th>Zona</th><th>Kategori</th><th>Label</th></tr></thead>
            <tbody>
              {rows.map((b, i) => (
                <tr key={i}>
                  <td><input name="min" aria-label={`Min ${i + 1}`} defaultValue={b.min < 0 ? "" : hundredthsToDecimalString(b.min)} className={`${input} w-24`} /></td>
                  <td><input name="max" aria-label={`Maks ${i + 1}`} defaultValue={b.max < 0 ? "" : hundredthsToDecimalString(b.max)} className={`${input} w-24`} /></td>
                  <td><select name="zone" aria-label={`Zona ${i + 1}`} defaultValue={b.zone} className={input}><option value="">—</option>{ZONES.map((z) => <option key={z}>{z}</option>)}</select></td>
                  <td><select name="category" aria-label={`Kategori ${i + 1}`} defaultValue={b.category ?? ""} className={input}><option value="">—</option>{CATEGORIES.map((c) => <option key={c}>{c}</option>)}</select></td>
                  <td><input name="label" aria-label={`Label ${i + 1}`} defaultValue={b.label} className={`${input} w-full`} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <label className="flex flex-col">Catatan<textarea name="notes" defaultValue={snap.notes} rows={3} className={input} /></label>
          <label className="flex flex-col">Sumber (satu URL per baris)<textarea name="sources" defaultValue={snap.sources} rows={3} className={input} /></label>
          <button type="submit" className="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700">{t("users.save")}</button>
        </form>
      )}
    </>
  );
}
