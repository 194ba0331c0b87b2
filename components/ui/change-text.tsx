import { useLocale, useTranslations } from "next-intl";
import type { ScoreChange } from "@/lib/domain/change";
import { formatHundredths } from "@/lib/domain/score";
import { intlLocale } from "@/lib/i18n/routing";

/** "+7,44 sejak 2023", with a marker when the two years used different methods. */
export function ChangeText({ change }: { change: ScoreChange | null }) {
  const t = useTranslations("change");
  const locale = intlLocale(useLocale());
  if (!change || change.delta === null) return <span className="text-slate-600">—</span>;
  const sign = change.delta > 0 ? "+" : change.delta < 0 ? "−" : "±";
  return (
    <span className="whitespace-nowrap">
      <span className="font-mono tabular-nums">
        {sign}
        {formatHundredths(Math.abs(change.delta), locale)}
      </span>{" "}
      <span className="text-xs text-slate-700">{t("since", { year: change.fromYear })}</span>
      {change.methodologyChanged && (
        <span className="ml-1 block text-xs text-amber-900" title={t("methodChangedLong")}>
          ⚠ {t("methodChanged")}
        </span>
      )}
    </span>
  );
}
