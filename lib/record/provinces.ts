import type { PrismaClient } from "@/lib/generated/prisma/client";
import { classifyScore } from "@/lib/domain/classify";
import { groupCompleteness, type Completeness } from "@/lib/domain/completeness";
import { PROVINCE_GROUPS, type ProvinceGroup } from "@/lib/domain/groups";
import { summarizeGroup, type GroupSummary } from "@/lib/domain/group-summary";
import { byScoreThenName } from "@/lib/domain/order";
import { pickPublishedScore, pickPublishedValue } from "@/lib/domain/published-facts";
import type { Zone } from "@/lib/domain/types";
import type { YearRow } from "@/lib/domain/year-view";
import { getPublicDataset, type PublicDataset } from "./dataset";
import type { ProvinceQuery } from "./query";

export interface ProvinceRef {
  code: string;
  name: string;
  slug: string;
}

/** All 38 provinces, in code order. */
export function provinceList(dataset: PublicDataset): ProvinceRef[] {
  return dataset.provinces.map((p) => ({ code: p.code, name: p.name, slug: p.slug }));
}

export async function getProvinces(prisma?: PrismaClient): Promise<ProvinceRef[]> {
  return provinceList(await getPublicDataset(prisma));
}

/** Provinces with their history: the year a split formed them and the province they came from. */
export function provinceHistory(dataset: PublicDataset): (ProvinceRef & { formedIn: number | null; splitFrom: string | null })[] {
  return dataset.provinces.map((p) => ({ code: p.code, name: p.name, slug: p.slug, formedIn: p.formedIn, splitFrom: p.splitFrom }));
}

export async function getProvinceHistory(prisma?: PrismaClient): Promise<(ProvinceRef & { formedIn: number | null; splitFrom: string | null })[]> {
  return provinceHistory(await getPublicDataset(prisma));
}

export interface ProvinceGroupYear {
  group: ProvinceGroup;
  completeness: Completeness;
  /** Number assessed as published, when known. */
  assessed: number | null;
  summary: GroupSummary<YearRow>;
  /** Published average beside the computed one, when a source gives it. */
  publishedAverage: { hundredths: number; sourceUrl: string | null } | null;
  /** Ranked within the province and group (rows carry their provinceRank). */
  rows: YearRow[];
}

export interface ProvinceYear {
  year: number;
  methodology: { name: string; bandsVerified: boolean } | null;
  groups: ProvinceGroupYear[];
  /** Results of other types (administrative cities, Polda, ...) recorded in the province. */
  otherRows: YearRow[];
  respondents: { value: number; sourceUrl: string } | null;
  assessmentPeriod: { value: string; sourceUrl: string } | null;
}

export interface ProvinceReport {
  province: ProvinceRef & { id: number };
  years: ProvinceYear[];
}

function provinceGroupYear(
  dataset: PublicDataset,
  year: number,
  provinceId: number,
  group: ProvinceGroup,
): ProvinceGroupYear {
  const rows = (dataset.rowsByYear.get(year) ?? []).filter(
    (r) => r.province?.id === provinceId && r.provinceGroup === group,
  );
  const assessed = dataset.facts.assessed(year, provinceId, group);
  // Every row of the group shares its completeness; with no rows, derive it the same way.
  const completeness =
    rows[0]?.provinceCompleteness ?? groupCompleteness({ scoredCount: 0, publishedAssessedCount: assessed, markedComplete: false });
  const published = pickPublishedScore(dataset.facts.get(year, provinceId, group, "average_score"));
  const publishedAverage = published ? { hundredths: published.value, sourceUrl: published.sourceUrl } : null;
  const sorted = [...rows].sort(byScoreThenName);
  return { group, completeness, assessed, summary: summarizeGroup(sorted, completeness, publishedAverage), publishedAverage, rows: sorted };
}

/** Everything the province page shows, per year (newest first); null for an unknown slug. */
export function provinceView(dataset: PublicDataset, slug: string): ProvinceReport | null {
  const found = dataset.provinces.find((p) => p.slug === slug);
  if (!found) return null;
  const province = { id: found.id, code: found.code, name: found.name, slug: found.slug };
  const years: ProvinceYear[] = [];
  for (const year of dataset.years) {
    const all = (dataset.rowsByYear.get(year) ?? []).filter((r) => r.province?.id === province.id);
    const respondents = pickPublishedValue(dataset.facts.get(year, province.id, "ALL", "respondents"));
    const period = pickPublishedValue(dataset.facts.get(year, province.id, "ALL", "assessment_period"));
    const hasFacts = PROVINCE_GROUPS.some((g) => dataset.facts.assessed(year, province.id, g) !== null);
    if (all.length === 0 && !respondents && !period && !hasFacts) continue;
    const methodology = dataset.methodologies.get(year);
    years.push({
      year,
      methodology: methodology ? { name: methodology.name, bandsVerified: methodology.bandsVerified } : null,
      groups: PROVINCE_GROUPS.map((g) => provinceGroupYear(dataset, year, province.id, g)),
      otherRows: all.filter((r) => !(PROVINCE_GROUPS as readonly string[]).includes(r.provinceGroup)),
      respondents: respondents && /^\d+$/.test(respondents.value) ? { value: Number(respondents.value), sourceUrl: respondents.sourceUrl ?? "" } : null,
      assessmentPeriod: period ? { value: period.value, sourceUrl: period.sourceUrl ?? "" } : null,
    });
  }
  return { province, years };
}

export async function getProvinceReport(slug: string, prisma?: PrismaClient): Promise<ProvinceReport | null> {
  return provinceView(await getPublicDataset(prisma), slug);
}

/** The year a province page shows in detail: the one asked for, else the newest (null without any). */
export function shownYear(report: ProvinceReport, query: ProvinceQuery): ProvinceYear | null {
  return report.years.find((y) => y.year === query.tahun) ?? report.years[0] ?? null;
}

export interface ProvinceTile {
  code: string;
  slug: string;
  name: string;
  /** The Pemda average shown: the published one for an incomplete group when a source gives
   * it, else the computed one (labelled partial when the group is incomplete). */
  average: { hundredths: number; basis: "published" | "computed" | "partial"; count: number | null } | null;
  zone: Zone | null;
}

/** The tile map of a year: each province (in code order) coloured by the zone of its Pemda average. */
export function provinceMapView(dataset: PublicDataset, year: number): ProvinceTile[] {
  const methodology = dataset.methodologies.get(year) ?? null;
  return dataset.provinces.map((p) => {
    const { summary } = provinceGroupYear(dataset, year, p.id, "PEMDA");
    const view = summary.average;
    const average =
      view.official?.source === "computed"
        ? { hundredths: view.official.hundredths, basis: "computed" as const, count: view.official.count }
        : view.official?.source === "published"
          ? { hundredths: view.official.hundredths, basis: "published" as const, count: null }
          : view.partial
            ? { hundredths: view.partial.hundredths, basis: "partial" as const, count: view.partial.count }
            : null;
    const zone = average ? (classifyScore(average.hundredths, methodology)?.zone ?? null) : null;
    return { code: p.code, slug: p.slug, name: p.name, average, zone };
  });
}

export async function getProvinceTiles(year: number, prisma?: PrismaClient): Promise<ProvinceTile[]> {
  return provinceMapView(await getPublicDataset(prisma), year);
}
