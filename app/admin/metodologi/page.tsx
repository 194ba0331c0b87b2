import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { methodologyOptions } from "@/lib/ledger/result-reads";
import { methodologySnapshot } from "@/lib/ledger/methodology";
import { db } from "@/lib/db/client";
import { MethodologyForm } from "./methodology-form";
import { parseYear } from "@/lib/domain/numbers";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.nav"))("methodology") };
}

/** A year's methodology: bands must cover 0–100 without gaps or overlaps, weights add up (checked on save). */
export default async function MethodologyPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageActor({ admin: true });
  const t = await getTranslations("admin");
  const tm = await getTranslations("adminMethodology");
  const params = await searchParams;
  const years = (await methodologyOptions()).map((m) => m.year);
  const year = parseYear(params.tahun) ?? years[0];
  const snap = year ? await methodologySnapshot(db(), year) : null;
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t("nav.methodology")}</h1>
      <nav aria-label={tm("years")} className="mb-4 flex flex-wrap gap-2 text-sm">
        {years.map((y) => (
          <Link key={y} href={`/admin/metodologi?tahun=${y}`} aria-current={y === year ? "page" : undefined}
            className={`rounded border px-3 py-1 ${y === year ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300"}`}>{y}</Link>
        ))}
      </nav>
      {params.disimpan && <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm">{tm("saved")}</p>}
      {/* Keyed by content: after a save the form starts again from what is stored. */}
      {snap && year && <MethodologyForm key={`${year}:${JSON.stringify(snap)}`} year={year} snap={snap} />}
    </>
  );
}
