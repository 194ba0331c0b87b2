import { describe, expect, it } from "vitest";
import { PHONE_TILE_COLUMNS, phoneTilePlace, TILE_COLUMNS, TILE_LAYOUT } from "@/components/map/tile-layout";

describe("the tile map's layouts", () => {
  const places = Object.values(TILE_LAYOUT);

  it("has the 38 provinces, one square each, on the wide layout", () => {
    expect(places).toHaveLength(38);
    expect(new Set(places.map((p) => `${p.col},${p.row}`)).size).toBe(38);
    expect(Math.max(...places.map((p) => p.col))).toBeLessThan(TILE_COLUMNS);
  });

  it("on a phone: two halves of seven columns, the east below the west, no two tiles on one square", () => {
    const phone = places.map(phoneTilePlace);
    expect(new Set(phone.map((p) => `${p.col},${p.row}`)).size).toBe(38);
    expect(Math.max(...phone.map((p) => p.col))).toBeLessThan(PHONE_TILE_COLUMNS);
    const west = places.filter((p) => p.col < PHONE_TILE_COLUMNS).map(phoneTilePlace);
    const east = places.filter((p) => p.col >= PHONE_TILE_COLUMNS).map(phoneTilePlace);
    expect(Math.min(...east.map((p) => p.row))).toBeGreaterThan(Math.max(...west.map((p) => p.row)));
    expect(phoneTilePlace(TILE_LAYOUT["papua-selatan"]!)).toEqual({ col: 6, row: 11 });
  });
});
