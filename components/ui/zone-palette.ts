import type { Zone } from "@/lib/domain/types";

/**
 * The zone colours, one set for every chip, map tile, legend, trend bar and chart band. Colour is
 * never alone: the zone's name (or its letter on a tile) is always shown with it. Contrast: white
 * on the green and red (5:1 and more), dark text on the yellow; chips write dark ink on the tint.
 *
 * Each colour is given twice on purpose: as hex for SVG and the chart library, and as Tailwind
 * classes for HTML (Tailwind only generates classes it finds written out whole). A unit test
 * checks that the classes name the same hex values.
 */
export const ZONE_PALETTE: Record<Zone, { strong: string; tint: string; ink: string; onStrong: string; chip: string; dot: string; tile: string }> = {
  HIJAU: {
    strong: "#15803d",
    tint: "#dcfce7",
    ink: "#14532d",
    onStrong: "#ffffff",
    chip: "border-[#15803d] bg-[#dcfce7] text-[#14532d]",
    dot: "bg-[#15803d]",
    tile: "bg-[#15803d] text-[#ffffff]",
  },
  KUNING: {
    strong: "#facc15",
    tint: "#fef9c3",
    ink: "#713f12",
    onStrong: "#0f172a",
    chip: "border-[#facc15] bg-[#fef9c3] text-[#713f12]",
    dot: "bg-[#facc15]",
    tile: "bg-[#facc15] text-[#0f172a]",
  },
  MERAH: {
    strong: "#b91c1c",
    tint: "#fee2e2",
    ink: "#7f1d1d",
    onStrong: "#ffffff",
    chip: "border-[#b91c1c] bg-[#fee2e2] text-[#7f1d1d]",
    dot: "bg-[#b91c1c]",
    tile: "bg-[#b91c1c] text-[#ffffff]",
  },
};

/** A zone's letter on a map tile and in the legend. */
export const ZONE_MARK: Record<Zone, string> = { HIJAU: "H", KUNING: "K", MERAH: "M" };

/** A province without data on the map and in the legend: no colour, a dashed outline. */
export const NO_DATA_TILE = "bg-slate-100 text-slate-700 border border-dashed border-slate-400";
