import type { PrismaClient } from "@/lib/generated/prisma/client";
import { establishedClassification } from "@/lib/domain/classify";
import { groupCompleteness, type Completeness } from "@/lib/domain/completeness";
import { PROVINCE_GROUPS, type ProvinceGroup } from "@/lib/domain/groups";
import { summarizeGroup, type GroupSummary } from "@/lib/domain/group-summary";
import { groupLeader, type Leader } from "@/lib/domain/leaders";
import { byScoreThenName, compareNames } from "@/lib/domain/order";
import { pickPublishedScore, pickPublishedValue } from "@/lib/domain/published-facts";
import type { Zone } from "@/lib/domain/types";
import type { YearRow } from "@/lib/domain/year-view";
import { getPublicDataset, type GroupStatementRecord, type PublicDataset } from "./dataset";
import type { ProvinceQuery } from "./query";
import { chooseYear, type YearChoice } from "./years";

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

/** A province with its history: the year, date and law of the split that formed it, and the province it came from. */
export type ProvinceWithHistory = ProvinceRef & { formedIn: number | null; formedOn: string | null; formedBy: string | null; splitFrom: string | null };

/** Provinces with their history. */
export function provinceHistory(dataset: PublicDataset): ProvinceWithHistory[] {
  return dataset.provinces.map((p) => ({ code: p.code, name: p.name, slug: p.slug, formedIn: p.formedIn, formedOn: p.formedOn, formedBy: p.formedBy, splitFrom: p.splitFrom }));
}

export async function getProvinceHistory(prisma?: PrismaClient): Promise<ProvinceWithHistory[]> {
  return provinceHistory(await getPublicDataset(prisma));
}

export interface ProvinceGroupYear {
  group: ProvinceGroup;
  completeness: Completeness;
  /** Number assessed as published, when known, and the sources that state it. */
  assessed: number | null;
  assessedSources: string[];
  summary: GroupSummary<YearRow>;
  /** Who leads the group, never against a published rank (lib/domain/leaders.ts). */
  leader: Leader<YearRow>;
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
  /** Figures a source states for a whole group of the province (not results of its members). */
  statements: GroupStatementRecord[];
}

/** Where a province comes from and what was formed from it (the 2022 splits), as data. */
export interface ProvinceHistory {
  /** Formed by a split: when, by which law, from which province. */
  formed: { year: number | null; on: string | null; by: string | null; from: ProvinceRef } | null;
  /** Provinces formed from it. */
  splitInto: (ProvinceRef & { year: number | null; on: string | null; by: string | null })[];
}

/** Entities now in the province whose results of a year were assessed under another province (before a split). */
export interface AssessedUnder {
  year: number;
  province: ProvinceRef;
  entities: { name: string; slug: string }[];
}

export interface ProvinceReport {
  province: ProvinceRef & { id: number };
  years: ProvinceYear[];
  history: ProvinceHistory;
  assessedUnder: AssessedUnder[];
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
  return {
    group,
    completeness,
    assessed,
    assessedSources: dataset.facts.assessedFigure(year, provinceId, group)?.sources ?? [],
    summary: summarizeGroup(sorted, completeness, publishedAverage),
    leader: groupLeader(sorted, (row) => row.provinceRank),
    publishedAverage,
    rows: sorted,
  };
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
    const statements = (dataset.statementsByYear.get(year) ?? []).filter((st) => st.province?.id === province.id);
    if (all.length === 0 && !respondents && !period && !hasFacts && statements.length === 0) continue;
    const methodology = dataset.methodologies.get(year);
    years.push({
      year,
      methodology: methodology ? { name: methodology.name, bandsVerified: methodology.bandsVerified } : null,
      groups: PROVINCE_GROUPS.map((g) => provinceGroupYear(dataset, year, province.id, g)),
      otherRows: all.filter((r) => !(PROVINCE_GROUPS as readonly string[]).includes(r.provinceGroup)),
      respondents: respondents && /^\d+$/.test(respondents.value) ? { value: Number(respondents.value), sourceUrl: respondents.sourceUrl ?? "" } : null,
      assessmentPeriod: period ? { value: period.value, sourceUrl: period.sourceUrl ?? "" } : null,
      statements,
    });
  }
  return { province, years, history: historyOf(dataset, found), assessedUnder: assessedUnder(dataset, province.slug) };
}

function historyOf(dataset: PublicDataset, province: PublicDataset["provinces"][number]): ProvinceHistory {
  const ref = (p: PublicDataset["provinces"][number]): ProvinceRef => ({ code: p.code, name: p.name, slug: p.slug });
  const from = province.splitFrom ? dataset.provinces.find((p) => p.slug === province.splitFrom) : undefined;
  return {
    formed: from ? { year: province.formedIn, on: province.formedOn, by: province.formedBy, from: ref(from) } : null,
    splitInto: dataset.provinces
      .filter((p) => p.splitFrom === province.slug)
      .map((p) => ({ ...ref(p), year: p.formedIn, on: p.formedOn, by: p.formedBy })),
  };
}

/** The province's entities (as they are now) whose results were assessed under another province, per year. */
function assessedUnder(dataset: PublicDataset, slug: string): AssessedUnder[] {
  const out: AssessedUnder[] = [];
  for (const year of dataset.years) {
    const byProvince = new Map<string, AssessedUnder>();
    for (const row of dataset.rowsByYear.get(year) ?? []) {
      const now = dataset.entities.bySlug.get(row.entity.slug)?.province;
      if (now?.slug !== slug || !row.province || row.province.slug === slug) continue;
      const entry = byProvince.get(row.province.slug) ?? { year, province: provinceRefOf(dataset, row.province.slug), entities: [] };
      entry.entities.push({ name: row.entity.name, slug: row.entity.slug });
      byProvince.set(row.province.slug, entry);
    }
    for (const entry of byProvince.values()) out.push({ ...entry, entities: entry.entities.sort((a, b) => compareNames(a.name, b.name)) });
  }
  return out;
}

function provinceRefOf(dataset: PublicDataset, slug: string): ProvinceRef {
  const p = dataset.provinces.find((x) => x.slug === slug)!;
  return { code: p.code, name: p.name, slug: p.slug };
}

export async function getProvinceReport(slug: string, prisma?: PrismaClient): Promise<ProvinceReport | null> {
  return provinceView(await getPublicDataset(prisma), slug);
}

/**
 * The years of a province page and the one it shows in detail: the one asked for, else the
 * newest with a meaningful share of the province's results (lib/domain/coverage.ts).
 */
export function provinceYearChoice(report: ProvinceReport, query: ProvinceQuery): YearChoice | null {
  return chooseYear(
    report.years.map((y) => {
      const rows = y.groups.reduce((n, g) => n + g.summary.recorded, 0) + y.otherRows.length;
      const assessed = y.groups.every((g) => g.assessed !== null) ? y.groups.reduce((n, g) => n + g.assessed!, 0) : null;
      return { year: y.year, recorded: rows, assessed };
    }),
    query.tahun,
  );
}

/** The year a province page shows in detail (null without any): see provinceYearChoice. */
export function shownYear(report: ProvinceReport, query: ProvinceQuery): ProvinceYear | null {
  const choice = provinceYearChoice(report, query);
  return report.years.find((y) => y.year === choice?.year) ?? null;
}

export interface ProvinceTile {
  code: string;
  slug: string;
  name: string;
  /** The Pemda average shown: the published one for an incomplete group when a source gives
   * it, else the computed one (labelled partial when the group is incomplete). */
  average: { hundredths: number; basis: "published" | "computed" | "partial"; count: number | null } | null;
  /** How many Pemda were assessed, when a source says: what a partial average is "of". */
  assessed: number | null;
  /** The zone of the average, from the year's verified bands only (null when they are not verified). */
  zone: Zone | null;
}

/** The tile map of a year: each province (in code order) coloured by the zone of its Pemda average. */
export function provinceMapView(dataset: PublicDataset, year: number): ProvinceTile[] {
  const methodology = dataset.methodologies.get(year) ?? null;
  return dataset.provinces.map((p) => {
    const { summary, assessed } = provinceGroupYear(dataset, year, p.id, "PEMDA");
    const view = summary.average;
    const average =
      view.official?.source === "computed"
        ? { hundredths: view.official.hundredths, basis: "computed" as const, count: view.official.count }
        : view.official?.source === "published"
          ? { hundredths: view.official.hundredths, basis: "published" as const, count: null }
          : view.partial
            ? { hundredths: view.partial.hundredths, basis: "partial" as const, count: view.partial.count }
            : null;
    const zone = average ? (establishedClassification(average.hundredths, methodology)?.zone ?? null) : null;
    return { code: p.code, slug: p.slug, name: p.name, average, assessed, zone };
  });
}

export async function getProvinceTiles(year: number, prisma?: PrismaClient): Promise<ProvinceTile[]> {
  return provinceMapView(await getPublicDataset(prisma), year);
}
