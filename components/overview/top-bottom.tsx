import { getLocale, getTranslations } from "next-intl/server";
import type { TypeOverview } from "@/lib/record/overview";
import { formatScore } from "@/lib/domain/score";
import type { YearRow } from "@/lib/domain/year-view";
import { entityHref } from "@/lib/record/query";
import { intlLocale } from "@/lib/i18n/routing";
import { RowLink } from "@/components/ui/row-link";
import { ZoneChip } from "@/components/ui/zone-chip";

async function List({ rows, title, locale, year }: { rows: YearRow[]; title: string; locale: string; year: number }) {
  return (
    <div className="min-w-0">
      <h4 className="mb-1 text-sm font-semibold">{title}</h4>
      <ol className="space-y-1 text-sm">
        {rows.map((row) => (
          <li key={row.resultId} className="flex flex-wrap items-center justify-between gap-x-2 border-b border-slate-100 py-1">
            <RowLink href={entityHref(row.entity.slug, year)} className="min-w-0 text-blue-800 underline">
              {row.entity.name}
            </RowLink>
            <span className="flex items-center gap-2">
              <span className="font-mono tabular-nums">{formatScore(row.score!, locale)}</span>
              <ZoneChip zone={row.zone} basis={row.zoneBasis} verified={row.zoneVerified} />
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Highest and lowest five recorded scores per type: "of the recorded results" unless complete. */
export async function TopBottom({ types, year }: { types: TypeOverview[]; year: number }) {
  const t = await getTranslations("home");
  const tType = await getTranslations("entityType");
  const locale = intlLocale(await getLocale());
  const shown = types.filter((row) => row.top.length > 0);
  if (shown.length === 0) return <p className="text-sm">{t("noScores")}</p>;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      {shown.map((row) => (
        <section key={row.type} aria-labelledby={`tb-${row.type}`} className="min-w-0 rounded border border-slate-200 p-3">
          <h3 id={`tb-${row.type}`} className="font-semibold">
            {tType(row.type)}
          </h3>
          <p className="mb-2 text-xs text-slate-700">
            {row.complete
              ? t("topComplete", { count: row.scored })
              : row.assessed !== null
                ? t("topPartial", { count: row.scored, assessed: row.assessed })
                : t("topPartialUnknown", { count: row.scored })}
          </p>
          <div className="grid gap-3 sm:grid-cols-2">
            <List rows={row.top} title={t("top")} locale={locale} year={year} />
            {row.bottom.length > 0 && <List rows={row.bottom} title={t("bottom")} locale={locale} year={year} />}
          </div>
        </section>
      ))}
    </div>
  );
}
