import { entityKey } from "./normalize";
import type { EntityType } from "./types";

/** What matching needs to know of an entity. */
export interface MatchableEntity {
  id: number;
  type: EntityType;
  provinceId: number | null;
  /** Matching keys of its name and aliases (entityKey of each). */
  keys: readonly string[];
}

export interface EntityIndex {
  byTypeKey: Map<string, MatchableEntity[]>;
}

export function buildEntityIndex(entities: readonly MatchableEntity[]): EntityIndex {
  const byTypeKey = new Map<string, MatchableEntity[]>();
  for (const entity of entities) {
    for (const key of new Set(entity.keys)) {
      const k = `${entity.type}|${key}`;
      const list = byTypeKey.get(k);
      if (list) list.push(entity);
      else byTypeKey.set(k, [entity]);
    }
  }
  return { byTypeKey };
}

export function addToIndex(index: EntityIndex, entity: MatchableEntity): void {
  for (const key of new Set(entity.keys)) {
    const k = `${entity.type}|${key}`;
    const list = index.byTypeKey.get(k);
    if (list) list.push(entity);
    else index.byTypeKey.set(k, [entity]);
  }
}

export type MatchResult =
  | { kind: "match"; entity: MatchableEntity }
  | { kind: "none" }
  | { kind: "ambiguous"; candidates: MatchableEntity[] };

/**
 * Find the entity a source row names. The province narrows the candidates: an entity
 * matches a row's province if it is in it now or was in it (acceptedProvinceIds holds the
 * row's province and, for years before a split, the provinces formed from it).
 */
export function matchEntity(
  index: EntityIndex,
  type: EntityType,
  name: string,
  acceptedProvinceIds: readonly number[] | null,
): MatchResult {
  const candidates = index.byTypeKey.get(`${type}|${entityKey(type, name)}`) ?? [];
  const inProvince =
    acceptedProvinceIds === null
      ? candidates
      : candidates.filter((c) => c.provinceId === null || acceptedProvinceIds.includes(c.provinceId));
  if (inProvince.length === 1) return { kind: "match", entity: inProvince[0]! };
  if (inProvince.length === 0) return { kind: "none" };
  return { kind: "ambiguous", candidates: inProvince };
}

/** What a province split needs to know of a province. */
export interface SplittableProvince {
  id: number;
  splitFromId: number | null;
  formedIn: number | null;
}

/**
 * The provinces a source row's province stands for in its year: itself and, for a year up to a
 * split, the provinces formed from it, whose areas it then held. The year of the split counts:
 * the 2022 assessment was made across the year on 34 provinces, so a 2022 row may name Mimika
 * under Papua (Papua Tengah was formed on 25 July 2022) as its source does.
 */
export function acceptedProvinces(provinces: readonly SplittableProvince[], province: SplittableProvince, year: number): number[] {
  return [
    province.id,
    ...provinces.filter((p) => p.splitFromId === province.id && p.formedIn !== null && year <= p.formedIn).map((p) => p.id),
  ];
}
