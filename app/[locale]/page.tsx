import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NationalRankingTable } from "@/components/tables/national-ranking-table";
import { getNationalRanking, getPublishedYears } from "@/lib/data/rankings";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations("ranking");
  const years = await getPublishedYears();
  if (years.length === 0) return <p>{t("noData")}</p>;
  const requested = Number((await searchParams).tahun);
  const year = years.includes(requested) ? requested : years[0]!;
  const ranking = await getNationalRanking(year);
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t("title", { year })}</h1>
      <nav aria-label={t("yearNav")} className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {years.map((y) => (
            <li key={y}>
              <Link
                href={`/?tahun=${y}`}
                aria-current={y === year ? "page" : undefined}
                className={`inline-block rounded border px-3 py-1 text-sm ${
                  y === year ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 hover:bg-slate-100"
                }`}
              >
                {y}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="mb-6 text-sm text-slate-700">
        {ranking.methodology ? t("methodology", { year, name: ranking.methodology.name }) : t("noMethodology")}
        {ranking.methodology && !ranking.methodology.bandsVerified && <> {t("methodologyUnverified")}</>}
      </p>
      {ranking.groups.length === 0 && <p>{t("empty", { year })}</p>}
      {ranking.groups.map((group) => (
        <NationalRankingTable key={group.type} group={group} year={year} />
      ))}
    </>
  );
}
