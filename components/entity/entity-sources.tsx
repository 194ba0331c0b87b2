import { getLocale, getTranslations } from "next-intl/server";
import type { EntityYear } from "@/lib/record/entities";
import { formatScore } from "@/lib/domain/score";
import { intlLocale } from "@/lib/i18n/routing";

/** Every published source of every year, with the primary one marked and disagreements shown. */
export async function EntitySources({ years }: { years: EntityYear[] }) {
  const t = await getTranslations("entity");
  const tZone = await getTranslations("zone");
  const locale = intlLocale(await getLocale());
  return (
    <section aria-labelledby="sumber" className="mb-10">
      <h2 id="sumber" className="mb-2 text-lg font-semibold">{t("sources")}</h2>
      {[...years].reverse().map((y) => {
        const scores = new Set(y.sources.map((s) => s.score).filter((s) => s !== null));
        return (
          <div key={y.year} className="mb-4">
            <h3 className="text-sm font-semibold">
              {y.year}
              {scores.size > 1 && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-normal text-amber-900">{t("sourcesDisagree")}</span>}
            </h3>
            <ul className="ml-4 list-disc space-y-1 text-sm">
              {y.sources.map((s) => (
                <li key={s.id} className="break-words">
                  <a href={s.sourceUrl} className="text-blue-800 underline" rel="noopener noreferrer">
                    {hostOf(s.sourceUrl)}
                  </a>
                  {": "}
                  {[
                    s.score !== null ? formatScore(s.score, locale) : null,
                    s.zone ? tZone(s.zone) : null,
                    s.category ? `${t("category")} ${s.category}` : null,
                    s.opinion,
                    s.nationalRank !== null ? t("sourceNationalRank", { rank: s.nationalRank }) : null,
                    s.provinceRank !== null ? t("sourceProvinceRank", { rank: s.provinceRank }) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ") || t("sourceNoFigures")}
                  {s.isPrimary && <span className="ml-1 text-xs font-semibold">({t("primary")})</span>}
                  {s.notes && <span className="block text-xs text-slate-700">{s.notes}</span>}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <p className="text-xs text-slate-700">{t("primaryRule")}</p>
    </section>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}
