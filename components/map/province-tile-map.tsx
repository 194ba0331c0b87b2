"use client";

import { useState } from "react";
import Link from "next/link";
import type { Zone } from "@/lib/domain/types";
import { NO_DATA_TILE, ZONE_MARK, ZONE_PALETTE } from "@/components/ui/zone-palette";
import { phoneTilePlace, TILE_LAYOUT } from "./tile-layout";

export interface TileDatum {
  slug: string;
  name: string;
  zone: Zone | null;
  /** The colour rests on part of the group only: drawn light with a dashed outline and marked "*". */
  partial: boolean;
  /** The province page on the map's year, in the page's language (made on the server: the URL
   * schemas are zod, which has no place in the browser's bundle). */
  href: string;
  /** Ready-made text for the tooltip and the accessible name ("Kalimantan Selatan: 93,64 …"). */
  description: string;
}

/**
 * 38 equal tiles, each a link to its province page on the map's year, coloured by zone and also
 * marked with the zone's letter (never colour alone). A colour resting on part of the group only
 * is drawn light with a dashed outline and marked "*", visible without hovering. Hover or
 * keyboard focus shows the tooltip.
 */
export function ProvinceTileMap({ tiles, label }: { tiles: TileDatum[]; label: string }) {
  const [active, setActive] = useState<string | null>(null);
  const activeTile = tiles.find((t) => t.slug === active) ?? null;
  return (
    <div className="relative">
      {/* Fourteen columns from the sm width up; on a phone two halves of seven (tile-layout.ts). */}
      <div className="pb-2">
        <ul aria-label={label} className="relative grid grid-cols-7 gap-1 sm:grid-cols-14">
          {tiles.map((tile) => {
            const place = TILE_LAYOUT[tile.slug];
            if (!place) return null;
            const phone = phoneTilePlace(place);
            const position = { "--col": place.col + 1, "--row": place.row + 1, "--phone-col": phone.col + 1, "--phone-row": phone.row + 1 } as React.CSSProperties;
            const colours = tile.zone ? (tile.partial ? `border-2 border-dashed ${ZONE_PALETTE[tile.zone].chip}` : ZONE_PALETTE[tile.zone].tile) : NO_DATA_TILE;
            return (
              <li
                key={tile.slug}
                style={position}
                className="aspect-square [grid-column:var(--phone-col)] [grid-row:var(--phone-row)] sm:[grid-column:var(--col)] sm:[grid-row:var(--row)]"
              >
                <Link
                  href={tile.href}
                  aria-label={tile.description}
                  data-province={tile.slug}
                  onMouseEnter={() => setActive(tile.slug)}
                  onMouseLeave={() => setActive((a) => (a === tile.slug ? null : a))}
                  onFocus={() => setActive(tile.slug)}
                  onBlur={() => setActive((a) => (a === tile.slug ? null : a))}
                  className={`flex h-full w-full flex-col items-center justify-center rounded text-[9px] font-semibold leading-tight focus:outline-none focus-visible:ring-4 focus-visible:ring-blue-600 focus-visible:ring-offset-1 sm:text-[10px] ${colours}`}
                >
                  <span>{place.short}</span>
                  <span aria-hidden="true" className="text-[9px] font-normal">
                    {tile.zone ? `${ZONE_MARK[tile.zone]}${tile.partial ? "*" : ""}` : ""}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="mt-2 min-h-[2.5rem] rounded border border-slate-200 bg-white p-2 text-sm">
        {activeTile ? activeTile.description : null}
      </div>
    </div>
  );
}
