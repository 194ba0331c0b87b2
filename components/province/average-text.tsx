import { useLocale, useTranslations } from "next-intl";
import type { ProvinceGroupYear } from "@/lib/record/provinces";
import { formatScore } from "@/lib/domain/score";
import { intlLocale } from "@/lib/i18n/routing";
import { RowLink } from "@/components/ui/row-link";

/**
 * A group's average stated honestly: the computed mean as the average only when the group is
 * complete; otherwise the published average (with its source) and the mean of the recorded
 * results labelled with its coverage ("rata-rata 3 hasil yang tercatat, dari 13 dinilai").
 */
export function AverageText({ group, compact = false }: { group: ProvinceGroupYear; compact?: boolean }) {
  const t = useTranslations("province");
  const tp = useTranslations("provenance");
  const locale = intlLocale(useLocale());
  const { average } = group.summary;
  const recorded = group.summary.recorded - group.summary.unscored;
  // The number assessed is a published figure: it links to a source that states it.
  const coverage =
    group.assessed === null
      ? t("coverageUnknown", { recorded })
      : group.assessedSources.length > 0
        ? tp.rich("coverageOfSourced", {
            recorded,
            assessed: group.assessed,
            src: (chunks) => (
              <a href={group.assessedSources[0]} className="text-blue-800 underline" rel="noopener noreferrer">
                {chunks}
              </a>
            ),
          })
        : t("coverageOf", { recorded, assessed: group.assessed });
  // An average Rapor computes rests on the methodology, not on an article.
  const computed = (
    <>
      {" "}
      <RowLink href="/metodologi" className="text-xs text-blue-800 underline">
        {tp("computedAverage")}
      </RowLink>
    </>
  );
  const parts: React.ReactNode[] = [];
  if (average.official?.source === "computed") {
    parts.push(
      <span key="c">
        <strong className="font-mono tabular-nums">{formatScore(average.official.hundredths, locale)}</strong> — {t("computedComplete", { count: average.official.count })}
        {computed}
      </span>,
    );
    if (average.publishedDiffers) {
      parts.push(
        <span key="d" className="block text-xs">
          {t("publishedDiffers", { score: formatScore(average.publishedDiffers.hundredths, locale) })}
        </span>,
      );
    }
  } else if (average.official?.source === "published") {
    parts.push(
      <span key="p">
        <strong className="font-mono tabular-nums">{formatScore(average.official.hundredths, locale)}</strong>{" "}
        {average.official.sourceUrl ? (
          <a href={average.official.sourceUrl} className="text-blue-800 underline" rel="noopener noreferrer">{t("publishedAverage")}</a>
        ) : (
          t("publishedAverage")
        )}
      </span>,
    );
  }
  if (average.partial) {
    parts.push(
      <span key="r" className={`block ${average.official ? "text-xs text-slate-700" : ""}`}>
        <span className="font-mono tabular-nums">{formatScore(average.partial.hundredths, locale)}</span> — {t("partialAverage", { count: average.partial.count })}
        {!compact && <>; {coverage}</>}
        {!compact && computed}
      </span>,
    );
  }
  if (parts.length === 0) return <span className="text-slate-600">{compact ? "—" : t("noAverage")}</span>;
  return <>{parts}</>;
}
