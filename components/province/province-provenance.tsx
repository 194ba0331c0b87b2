import { useLocale, useTranslations } from "next-intl";
import type { GroupStatementRecord } from "@/lib/record/dataset";
import type { ProvinceGroupYear, ProvinceReport } from "@/lib/record/provinces";
import { formatScore } from "@/lib/domain/score";
import { sourceAddress } from "@/lib/domain/source-address";
import type { YearRow } from "@/lib/domain/year-view";
import { intlLocale } from "@/lib/i18n/routing";
import { entityHref, provinceHref } from "@/lib/record/query";
import { FigureRefs, RankRivals } from "@/components/provenance/figure-notes";
import { rowSourceIndex } from "@/components/provenance/source-index";
import { RankCell } from "@/components/tables/rank-cell";
import { Link } from "@/components/ui/locale-link";
import { RowLink } from "@/components/ui/row-link";

/** A date as readers write it ("25 Juli 2022"). */
function useDate() {
  const locale = intlLocale(useLocale());
  return (iso: string) => new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}

/**
 * Where the province comes from (the 2022 splits, with the law and date), which provinces were
 * formed from it, and which of its entities were assessed under the former province.
 */
export function ProvinceHistoryNote({ report }: { report: ProvinceReport }) {
  const t = useTranslations("provenance");
  const date = useDate();
  const { formed, splitInto } = report.history;
  if (!formed && splitInto.length === 0 && report.assessedUnder.length === 0) return null;
  return (
    <div className="mb-4 space-y-1 text-sm text-slate-800" data-province-history="">
      {formed && (
        <p>
          {t.rich("formedFrom", {
            from: formed.from.name,
            law: formed.by ?? "—",
            date: formed.on ? date(formed.on) : String(formed.year ?? ""),
            link: (chunks) => (
              <Link href={provinceHref(formed.from.slug)} className="text-blue-800 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      )}
      {splitInto.length > 0 && (
        <p>
          {t("splitInto")}{" "}
          {splitInto.map((p, i) => (
            <span key={p.slug}>
              {i > 0 && "; "}
              <Link href={provinceHref(p.slug)} className="text-blue-800 underline">{p.name}</Link>
              {p.by && <> ({p.by}{p.on ? `, ${date(p.on)}` : ""})</>}
            </span>
          ))}
          .
        </p>
      )}
      {report.assessedUnder.map((u) => (
        <p key={`${u.year}-${u.province.slug}`} data-assessed-under={u.year}>
          {t.rich("assessedUnder", {
            year: u.year,
            province: u.province.name,
            link: (chunks) => (
              <Link href={provinceHref(u.province.slug, u.year)} className="text-blue-800 underline">
                {chunks}
              </Link>
            ),
          })}{" "}
          {u.entities.map((e, i) => (
            <span key={e.slug}>
              {i > 0 && ", "}
              <Link href={entityHref(e.slug, u.year)} className="text-blue-800 underline">{e.name}</Link>
            </span>
          ))}
          .
        </p>
      ))}
    </div>
  );
}

function LeaderRow({ row, year, showRank }: { row: YearRow; year: number; showRank: boolean }) {
  const locale = intlLocale(useLocale());
  const rank = row.provinceRank!;
  return (
    <span className="block">
      <RowLink href={entityHref(row.entity.slug, year)} className="text-blue-800 underline">
        {row.entity.name}
      </RowLink>
      {row.score !== null && <> ({formatScore(row.score, locale)})</>}
      {rank.official?.source === "published" &&
        (showRank ? (
          <span className="ml-1 text-xs">
            <RankCell rank={{ ...rank, partial: null }} />
            <FigureRefs figure={row.figures.provinceRank} index={rowSourceIndex(row)} year={year} />
          </span>
        ) : (
          <FigureRefs figure={row.figures.provinceRank} index={rowSourceIndex(row)} year={year} />
        ))}
      <RankRivals rivals={row.rankRivals.province} rank={rank.official?.source === "published" ? rank.official.rank : null} year={year} />
    </span>
  );
}

/**
 * Who leads the group, never against a published rank (lib/domain/leaders.ts): "Nilai tertinggi"
 * only for a complete group; a source's first, said as such; else no highest is named.
 */
export function GroupLeader({ group, year }: { group: ProvinceGroupYear; year: number }) {
  const t = useTranslations("provenance");
  const tProvince = useTranslations("province");
  const { leader, summary } = group;
  const scored = summary.recorded - summary.unscored;
  if (leader.kind === "computed") {
    return (
      <>
        <dt className="font-medium">{tProvince("best")}</dt>
        <dd data-leader="computed">
          {leader.rows.map((row) => (
            <LeaderRow key={row.resultId} row={row} year={year} showRank={false} />
          ))}
          {leader.rows.length > 1 && <> ({tProvince("tied")})</>}
        </dd>
      </>
    );
  }
  if (leader.kind === "published") {
    return (
      <>
        <dt className="font-medium">{t("firstPublished")}</dt>
        <dd data-leader="published">
          {leader.rows.map((row) => (
            <LeaderRow key={row.resultId} row={row} year={year} showRank={false} />
          ))}
        </dd>
      </>
    );
  }
  return (
    <>
      <dt className="font-medium">{t("first")}</dt>
      <dd data-leader="unknown">
        {scored === 0 ? (
          tProvince("noScores")
        ) : (
          <>
            <span className="block">
              {group.assessed !== null ? t("firstUnknownOf", { scored, assessed: group.assessed }) : t("firstUnknown", { scored })}
            </span>
            {leader.nearest.map((row) => (
              <LeaderRow key={row.resultId} row={row} year={year} showRank />
            ))}
          </>
        )}
      </dd>
    </>
  );
}

/** Figures a source states for a whole group of the province, with the members as recorded: not their results. */
export function GroupStatements({ statements }: { statements: readonly GroupStatementRecord[] }) {
  const t = useTranslations("provenance");
  const tGroup = useTranslations("statementGroup");
  return (
    <section className="mb-6 rounded border border-slate-200 bg-slate-50 p-3 text-sm" data-group-statements="">
      <h3 className="mb-1 font-semibold">{t("statementsTitle")}</h3>
      <ul className="space-y-2">
        {statements.map((st) => (
          <li key={st.id}>
            <StatementText statement={st} groupName={tGroup.has(st.entityGroup) ? tGroup(st.entityGroup) : st.entityGroup} />
            <span className="block text-xs text-slate-700">
              {t("statementMembers", { count: st.members.length })}{" "}
              {st.members.map((m, i) => (
                <span key={m.slug}>
                  {i > 0 && ", "}
                  <RowLink href={entityHref(m.slug)} className="text-blue-800 underline">
                    {m.name}
                  </RowLink>
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Menurut sumber, seluruh Pemda: zona hijau, Kualitas Tertinggi", with the source and its facts. */
export function StatementText({ statement, groupName }: { statement: GroupStatementRecord; groupName: string }) {
  const t = useTranslations("provenance");
  const tZone = useTranslations("zone");
  const figures = [
    statement.zone ? tZone(statement.zone) : null,
    statement.category ? t("categoryValue", { category: statement.category }) : null,
    statement.opinion,
  ].filter((f): f is string => f !== null);
  const address = sourceAddress(statement.sourceUrl);
  return (
    <span>
      {t("statement", { group: groupName, figures: figures.join(", ") })}{" "}
      <a href={statement.sourceUrl} rel="noopener noreferrer" className="text-blue-800 underline">
        {address.site}
      </a>
      {address.homePageOnly && <> ({t("homePageOnly")})</>}
      {statement.yearInferred && <> · {t("fact.yearInferred")}</>}
      <span className="block text-xs text-slate-700">{t("statementNotResults")}</span>
    </span>
  );
}
