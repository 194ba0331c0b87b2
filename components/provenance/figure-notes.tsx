import { useLocale, useTranslations } from "next-intl";
import { PRIMARY_RULE_BY_LOCALE } from "@/lib/domain/primary";
import type { Figure, FigureKey, SourceRef } from "@/lib/domain/provenance";
import { formatScore } from "@/lib/domain/score";
import { sourceAddress } from "@/lib/domain/source-address";
import type { RankRival } from "@/lib/domain/year-view";
import { intlLocale } from "@/lib/i18n/routing";
import { entityHref } from "@/lib/record/query";
import { RowLink } from "@/components/ui/row-link";
import type { SourceIndex } from "./source-index";

/**
 * What sits next to a figure: the footnote numbers of the sources that state it (or, for a
 * figure Rapor computes, a link to the methodology, never to an article), and where sources
 * differ a "sumber berbeda" mark that opens a short explanation: each value with its sources,
 * which one the table uses and why. Text, not colour alone; works without JavaScript.
 */
export function FigureRefs({ figure, index, year }: { figure: Figure<unknown>; index: SourceIndex; year: number }) {
  const t = useTranslations("provenance");
  if (figure.computed) {
    return (
      <RowLink href={`/metodologi#tahun-${year}`} className="ml-1 whitespace-nowrap text-xs font-normal text-blue-800 underline">
        {t(figure.computed === "bands" ? "computedBands" : "computedRank")}
      </RowLink>
    );
  }
  const entries = index.of(figure.statedBy);
  if (entries.length === 0) return null;
  return (
    <sup className="ml-0.5 whitespace-nowrap text-[0.7rem] font-normal">
      {entries.map((e, i) => (
        <span key={e.number}>
          {i > 0 && ","}
          <a href={e.url} rel="noopener noreferrer" className="text-blue-800 underline" aria-label={t("refLabel", { number: e.number, site: e.site })} title={e.site}>
            {e.number}
          </a>
        </span>
      ))}
    </sup>
  );
}

/** The row's sources as numbered footnotes, with a home page marked as such. */
export function SourceList({ index }: { index: SourceIndex }) {
  const t = useTranslations("provenance");
  if (index.entries.length === 0) return <span className="text-slate-600">—</span>;
  return (
    <ol className="space-y-0.5 text-xs">
      {index.entries.map((e) => (
        <li key={e.number} className="break-words">
          <span className="mr-1 tabular-nums">{e.number}</span>
          <a href={e.url} rel="noopener noreferrer" className="text-blue-800 underline">
            {e.site}
          </a>
          {e.homePageOnly && <span className="block text-slate-700">{t("homePageOnly")}</span>}
        </li>
      ))}
    </ol>
  );
}

function Mark({ children }: { children: React.ReactNode }) {
  const t = useTranslations("provenance");
  return (
    <details className="mt-1 text-xs font-normal" data-sources-differ="">
      <summary className="inline-block cursor-pointer rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">{t("differs")}</summary>
      <div className="mt-1 max-w-xs rounded border border-amber-200 bg-amber-50 p-2 text-left font-sans text-slate-900">{children}</div>
    </details>
  );
}

const sites = (refs: readonly SourceRef[]) => [...new Set(refs.map((r) => sourceAddress(r.url).site))].join(", ");

/** A figure's value in words: 95,45 · Zona hijau · kategori A · peringkat 24. */
export function useFigureText() {
  const t = useTranslations("provenance");
  const tZone = useTranslations("zone");
  const locale = intlLocale(useLocale());
  return (key: FigureKey, value: unknown): string => {
    if (key === "score") return formatScore(value as number, locale);
    if (key === "zone") return tZone(value as "HIJAU");
    if (key === "category") return t("categoryValue", { category: String(value) });
    if (key === "opinion") return String(value);
    return t("rankValue", { rank: value as number });
  };
}

/** "Sumber berbeda" next to a figure whose sources state other values. */
export function FigureConflict({ figure, field, year }: { figure: Figure<unknown>; field: FigureKey; year: number }) {
  const t = useTranslations("provenance");
  const locale = useLocale() === "en" ? "en" : "id";
  const text = useFigureText();
  if (figure.alternatives.length === 0) return null;
  const reason =
    figure.value === null
      ? t("reasonNone")
      : figure.computed === "bands"
        ? t("reasonBands", { year })
        : figure.computed === "rank"
          ? t("reasonRank")
          : PRIMARY_RULE_BY_LOCALE[locale];
  const values = [...(figure.value !== null && figure.statedBy.length > 0 ? [{ value: figure.value, statedBy: figure.statedBy }] : []), ...figure.alternatives];
  return (
    <Mark>
      <p>{t("differsOn", { figure: t(`figure.${field}`) })}</p>
      <ul className="my-1 list-disc pl-4">
        {values.map((v) => (
          <li key={String(v.value)}>
            {text(field, v.value)} — {sites(v.statedBy)}
          </li>
        ))}
      </ul>
      <p>
        {figure.value !== null && <>{t("tableUses", { value: text(field, figure.value) })} </>}
        {reason}
      </p>
    </Mark>
  );
}

/** "Sumber berbeda" next to a rank another entity is stated with too, in the same group (`year`: the rank's). */
export function RankRivals({ rivals, rank, year }: { rivals: readonly RankRival[]; rank: number | null; year: number }) {
  const t = useTranslations("provenance");
  const locale = intlLocale(useLocale());
  if (rivals.length === 0 || rank === null) return null;
  return (
    <Mark>
      <p>{t("rivals", { rank })}</p>
      <ul className="my-1 list-disc pl-4">
        {rivals.map((r) => (
          <li key={r.slug}>
            <RowLink href={entityHref(r.slug, year)} className="text-blue-800 underline">
              {r.name}
            </RowLink>{" "}
            ({r.score !== null ? formatScore(r.score, locale) : t("noScore")}
            {r.statedBy.length > 0 && <>; {sites(r.statedBy)}</>})
          </li>
        ))}
      </ul>
      <p>{t("rivalsShown")}</p>
    </Mark>
  );
}

/** "Sumber berbeda" for a row whose source another source contradicts, when the other value is not on record. */
export function DisputedNote({ disputedBy, shownElsewhere }: { disputedBy: readonly SourceRef[]; shownElsewhere: boolean }) {
  const t = useTranslations("provenance");
  if (disputedBy.length === 0 || shownElsewhere) return null;
  return (
    <Mark>
      <p>{t("disputed", { sites: sites(disputedBy) })}</p>
    </Mark>
  );
}
