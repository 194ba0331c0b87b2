import { getTranslations } from "next-intl/server";
import { intlLocale } from "@/lib/i18n/routing";
import { accessDate, entityCitation, provinceCitation, rankingsCitation, type CiteContext, type CiteTranslate } from "@/lib/record/citation";
import type { EntityReport } from "@/lib/record/entities";
import type { ProvinceTile, ProvinceYear } from "@/lib/record/provinces";
import { entityHref, provinceHref } from "@/lib/record/query";
import { pageAddress } from "./page-address";

/**
 * The "Salin tautan" address and the "Kutip" line of each view, on the server. The access date is
 * the day on Indonesia's western calendar (WIB) when the page is rendered; the browser replaces
 * it with the reader's day (components/cite/copy-button.tsx), since a page may be served from
 * the response cache of an earlier day.
 */
export interface PageCitation {
  address: string;
  citation: { text: string; template: string } | null;
}

const HOME_TIME_ZONE = "Asia/Jakarta";

async function contexts(locale: string, address: string): Promise<{ now: CiteContext; template: CiteContext }> {
  const t = (await getTranslations("cite")) as unknown as CiteTranslate;
  const intl = intlLocale(locale);
  return {
    now: { locale: intl, address, accessed: accessDate(new Date(), intl, HOME_TIME_ZONE), t },
    template: { locale: intl, address, accessed: "{date}", t },
  };
}

/** An entity: the year asked for, else its latest result. The citation's address shows that year. */
export async function entityPageCitation(report: EntityReport, year: number | null, locale: string): Promise<PageCitation> {
  const address = await pageAddress(entityHref(report.entity.slug, year), locale);
  const cited = report.years.find((y) => y.year === year) ?? report.years.at(-1);
  if (!cited) return { address, citation: null };
  const { now, template } = await contexts(locale, await pageAddress(entityHref(report.entity.slug, cited.year), locale));
  const input = { entity: report.entity, year: cited.year, methodologyName: cited.methodology?.name ?? null, row: cited.row };
  return { address, citation: { text: entityCitation(input, now), template: entityCitation(input, template) } };
}

/** A province on the year shown: its Pemda average as the map states it. */
export async function provincePageCitation(province: { name: string; slug: string }, shown: ProvinceYear | null, tile: ProvinceTile | undefined, locale: string): Promise<PageCitation> {
  const address = await pageAddress(provinceHref(province.slug, shown?.year ?? null), locale);
  if (!shown) return { address, citation: null };
  const pemda = shown.groups.find((g) => g.group === "PEMDA");
  const official = pemda?.summary.average.official;
  const sourceUrl = official?.source === "published" ? official.sourceUrl : null;
  const { now, template } = await contexts(locale, address);
  const input = {
    province,
    year: shown.year,
    methodologyName: shown.methodology?.name ?? null,
    average: tile?.average ? { ...tile.average, sourceUrl } : null,
    zone: tile?.zone ?? null,
  };
  return { address, citation: { text: provinceCitation(input, now), template: provinceCitation(input, template) } };
}

/** A rankings view: its canonical address (year, filters, sort, page) and its filters in words. */
export async function rankingsPageCitation(canonical: string, input: { year: number; methodologyName: string | null; scope: string; count: number }, locale: string): Promise<PageCitation> {
  const address = await pageAddress(canonical, locale);
  const { now, template } = await contexts(locale, address);
  return { address, citation: { text: rankingsCitation(input, now), template: rankingsCitation(input, template) } };
}
