import { useTranslations } from "next-intl";
import type { YearChoice, YearOption } from "@/lib/record/years";
import { Link } from "@/components/ui/locale-link";
import { YearNav } from "./year-nav";

/**
 * The year links of a view, and why the view shows the year it shows: when the address names
 * none, the newest year with a meaningful share of results (lib/domain/coverage.ts), said on the
 * page ("Menampilkan 2024: ..."), with each newer year one click away and labelled with its coverage.
 */
export function YearChoiceNav({ choice, label, href }: { choice: YearChoice; label: string; href: (year: number) => string }) {
  const t = useTranslations("provenance");
  const skipped = new Set(choice.newerSkipped.map((o) => o.year));
  const coverage = (o: YearOption) =>
    o.assessed !== null ? t("yearCoverageOf", { recorded: o.recorded, assessed: o.assessed }) : t("yearCoverage", { recorded: o.recorded });
  const byYear = new Map(choice.options.map((o) => [o.year, o]));
  return (
    <>
      <YearNav
        label={label}
        years={choice.options.map((o) => o.year)}
        current={choice.year}
        href={href}
        detail={(y) => (skipped.has(y) ? coverage(byYear.get(y)!) : null)}
      />
      {!choice.asked && choice.newerSkipped.length > 0 && (
        <p className="-mt-2 mb-4 text-sm text-slate-700" data-year-choice="">
          {t("yearShown", { year: choice.year, recorded: byYear.get(choice.year)!.recorded, best: choice.best.year, bestRecorded: choice.best.recorded })}{" "}
          {choice.newerSkipped.map((o, i) => (
            <span key={o.year}>
              {i > 0 && " "}
              {t("yearNewer", { year: o.year, coverage: coverage(o) })}{" "}
              <Link href={href(o.year)} className="text-blue-800 underline">
                {t("yearShow", { year: o.year })}
              </Link>
              .
            </span>
          ))}
        </p>
      )}
    </>
  );
}
