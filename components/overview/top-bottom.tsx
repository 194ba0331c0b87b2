import { getLocale, getTranslations } from "next-intl/server";
import type { TypeOverview } from "@/lib/record/overview";
import { formatScore } from "@/lib/domain/score";
import type { YearRow } from "@/lib/domain/year-view";
import { entityHref } from "@/lib/record/query";
import { intlLocale } from "@/lib/i18n/routing";
import { FigureRefs, RankRivals } from "@/components/provenance/figure-notes";
import { rowSourceIndex } from "@/components/provenance/source-index";
import { RowLink } from "@/components/ui/row-link";
import { ZoneChip } from "@/components/ui/zone-chip";

async function List({ rows, title, locale, year, ranked }: { rows: YearRow[]; title: string; locale: string; year: number; ranked: boolean }) {
  const t = await getTranslations("provenance");
  return (
    <div className="min-w-0">
      <h4 className="mb-1 text-sm font-semibold">{title}</h4>
      <ol className="space-y-1 text-sm">
        {rows.map((row) => {
          const rank = row.nationalRank.official;
          return (
            <li key={row.resultId} className="border-b border-slate-100 py-1" data-entity={row.entity.slug}>
              <div className="flex flex-wrap items-center justify-between gap-x-2">
                <span className="min-w-0">
                  {ranked && rank && (
                    <span className="mr-1 font-semibold tabular-nums">
                      {t("rankShort", { rank: rank.rank })}
                      <FigureRefs figure={row.figures.nationalRank} index={rowSourceIndex(row)} year={year} />
                    </span>
                  )}
                  <RowLink href={entityHref(row.entity.slug, year)} className="text-blue-800 underline">
                    {row.entity.name}
                  </RowLink>
                </span>
                <span className="flex items-center gap-2">
                  {row.score !== null && <span className="font-mono tabular-nums">{formatScore(row.score, locale)}</span>}
                  <ZoneChip zone={row.zone} basis={row.zoneBasis} />
                </span>
              </div>
              <RankRivals rivals={row.rankRivals.national} rank={rank?.source === "published" ? rank.rank : null} year={year} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/**
 * Each type's leaders, never against a published rank (lib/domain/leaders.ts): the highest and
 * lowest scores of a complete type; for a type recorded in part, the members a source ranks, in
 * the source's order ("menurut sumber"); where no source ranks the type, no "highest" at all.
 */
export async function TopBottom({ types, year }: { types: TypeOverview[]; year: number }) {
  const t = await getTranslations("home");
  const tp = await getTranslations("provenance");
  const tType = await getTranslations("entityType");
  const locale = intlLocale(await getLocale());
  const shown = types.filter((row) => row.scored > 0 || row.leaders.basis !== "none");
  if (shown.length === 0) return <p className="text-sm">{t("noScores")}</p>;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      {shown.map((row) => {
        const of = row.assessed !== null ? tp("ofAssessed", { assessed: row.assessed }) : "";
        return (
          <section key={row.type} aria-labelledby={`tb-${row.type}`} className="min-w-0 rounded border border-slate-200 p-3" data-type={row.type}>
            <h3 id={`tb-${row.type}`} className="font-semibold">
              {tType(row.type)}
            </h3>
            {row.leaders.basis === "computed" && (
              <>
                <p className="mb-2 text-xs text-slate-700">{t("topComplete", { count: row.scored })}</p>
                <div className="grid gap-3 sm:grid-cols-2">
                  <List rows={row.leaders.top} title={t("top")} locale={locale} year={year} ranked={false} />
                  {row.leaders.bottom.length > 0 && <List rows={row.leaders.bottom} title={t("bottom")} locale={locale} year={year} ranked={false} />}
                </div>
              </>
            )}
            {row.leaders.basis === "published" && (
              <>
                <p className="mb-2 text-xs text-slate-700">{tp("leadersPublished", { scored: row.scored, of })}</p>
                <List rows={row.leaders.top} title={tp("topPublished")} locale={locale} year={year} ranked />
              </>
            )}
            {row.leaders.basis === "none" && <p className="text-xs text-slate-700">{tp("leadersNone", { scored: row.scored, of })}</p>}
          </section>
        );
      })}
    </div>
  );
}
