import { getLocale, getTranslations } from "next-intl/server";
import type { GroupStatementRecord } from "@/lib/record/dataset";
import type { EntityYear } from "@/lib/record/entities";
import { PRIMARY_RULE_BY_LOCALE } from "@/lib/domain/primary";
import { FIGURE_KEYS } from "@/lib/domain/provenance";
import { formatScore } from "@/lib/domain/score";
import { sourceAddress } from "@/lib/domain/source-address";
import { intlLocale } from "@/lib/i18n/routing";
import { provinceHref } from "@/lib/record/query";
import { DisputedNote, FigureConflict, RankRivals } from "@/components/provenance/figure-notes";
import { StatementText } from "@/components/province/province-provenance";
import { RowLink } from "@/components/ui/row-link";

/**
 * Every published source of every year: what each states, the primary one marked, the facts
 * readers need to weigh it (a year inferred from the publication date, a list position used as
 * the rank, an article address not known) in the reader's words — never the curators' notes —
 * and, where sources differ, each difference explained.
 */
export async function EntitySources({ years }: { years: EntityYear[] }) {
  const t = await getTranslations("entity");
  const tp = await getTranslations("provenance");
  const tZone = await getTranslations("zone");
  const tType = await getTranslations("entityType");
  const appLocale = (await getLocale()) === "en" ? "en" : "id";
  const locale = intlLocale(appLocale);
  return (
    <section aria-labelledby="sumber" className="mb-10">
      <h2 id="sumber" className="mb-2 text-lg font-semibold">{t("sources")}</h2>
      {[...years].reverse().map((y) => {
        const conflicts = FIGURE_KEYS.filter((key) => y.row.figures[key].alternatives.length > 0);
        const rivals = y.row.rankRivals;
        return (
          <div key={y.year} className="mb-4" data-sources-year={y.year}>
            <h3 className="text-sm font-semibold">
              {y.year}
              {y.row.sourcesDiffer && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-normal text-amber-900">{t("sourcesDisagree")}</span>}
            </h3>
            <ul className="ml-4 list-disc space-y-1 text-sm">
              {y.sources.map((s) => {
                const address = sourceAddress(s.sourceUrl);
                const facts = [
                  s.yearInferred ? tp("fact.yearInferred") : null,
                  s.rankFromList ? tp("fact.rankFromList") : null,
                  s.provinceRankWithinType ? tp("fact.provinceRankWithinType", { type: tType(y.row.entity.type) }) : null,
                  s.disputed ? tp("fact.disputed") : null,
                ].filter((f): f is string => f !== null);
                return (
                  <li key={s.id} className="break-words">
                    <a href={s.sourceUrl} className="text-blue-800 underline" rel="noopener noreferrer">
                      {address.site}
                    </a>
                    {address.homePageOnly && <span className="text-xs"> ({tp("homePageOnly")})</span>}
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
                    {facts.length > 0 && <span className="block text-xs text-slate-700">{facts.join("; ")}</span>}
                  </li>
                );
              })}
            </ul>
            {(conflicts.length > 0 || rivals.national.length > 0 || rivals.province.length > 0 || y.row.disputedBy.length > 0) && (
              <div className="ml-4 mt-1 space-y-1">
                {conflicts.map((key) => (
                  <FigureConflict key={key} figure={y.row.figures[key]} field={key} year={y.year} />
                ))}
                <RankRivals rivals={rivals.national} rank={y.row.publishedNationalRank} year={y.year} />
                <RankRivals rivals={rivals.province} rank={y.row.publishedProvinceRank} year={y.year} />
                <DisputedNote disputedBy={y.row.disputedBy} shownElsewhere={conflicts.length > 0} />
              </div>
            )}
          </div>
        );
      })}
      <p className="text-xs text-slate-700">{PRIMARY_RULE_BY_LOCALE[appLocale]}</p>
    </section>
  );
}

/** Figures sources state for a whole group the entity belongs to, without naming it: shown apart from its results. */
export async function EntityStatements({ statements }: { statements: readonly GroupStatementRecord[] }) {
  const tp = await getTranslations("provenance");
  const tGroup = await getTranslations("statementGroup");
  return (
    <section aria-labelledby="pernyataan-kelompok" className="mb-10" data-group-statements="">
      <h2 id="pernyataan-kelompok" className="mb-2 text-lg font-semibold">{tp("entityStatementsTitle")}</h2>
      <ul className="ml-4 list-disc space-y-2 text-sm">
        {statements.map((st) => (
          <li key={st.id}>
            <span className="font-semibold">{st.year}</span>
            {st.province && (
              <>
                {" · "}
                <RowLink href={provinceHref(st.province.slug, st.year)} className="text-blue-800 underline">
                  {st.province.name}
                </RowLink>
              </>
            )}
            {": "}
            <StatementText statement={st} groupName={tGroup.has(st.entityGroup) ? tGroup(st.entityGroup) : st.entityGroup} />
          </li>
        ))}
      </ul>
    </section>
  );
}
