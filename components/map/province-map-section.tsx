import { getLocale, getTranslations } from "next-intl/server";
import type { ProvinceTile } from "@/lib/record/provinces";
import { provinceMapTable } from "@/lib/record/summary-tables";
import { provinceHref, summaryDownload } from "@/lib/record/query";
import { formatScore } from "@/lib/domain/score";
import { ZONES } from "@/lib/domain/types";
import { localizePath } from "@/lib/i18n/paths";
import { intlLocale } from "@/lib/i18n/routing";
import { DownloadLinks } from "@/components/tables/download-links";
import { NO_DATA_TILE, ZONE_MARK, ZONE_PALETTE } from "@/components/ui/zone-palette";
import { ProvinceTileMap } from "./province-tile-map";

/**
 * The tile map with its legend and the same figures as a table (the rows its download holds).
 * Every colour says what it rests on: the average's basis and how many results of how many
 * assessed; a colour from part of the group is drawn differently and marked. In a year whose
 * bands are not verified no tile is coloured: a zone would be invented.
 */
export async function ProvinceMapSection({ tiles, year, bandsVerified }: { tiles: ProvinceTile[]; year: number; bandsVerified: boolean }) {
  const t = await getTranslations("map");
  const tZone = await getTranslations("zone");
  const appLocale = await getLocale();
  const locale = intlLocale(appLocale);
  const describe = (tile: ProvinceTile) => {
    if (!tile.average) return t("tileNoData", { name: tile.name });
    const score = formatScore(tile.average.hundredths, locale);
    const basis =
      tile.average.basis === "published"
        ? tile.assessed !== null
          ? t("basisPublishedOf", { assessed: tile.assessed })
          : t("basisPublished")
        : tile.average.basis === "partial"
          ? tile.assessed !== null
            ? t("basisPartialOf", { count: tile.average.count ?? 0, assessed: tile.assessed })
            : t("basisPartial", { count: tile.average.count ?? 0 })
          : t("basisComplete", { count: tile.average.count ?? 0 });
    return tile.zone ? t("tile", { name: tile.name, score, zone: tZone(tile.zone), basis }) : t("tileNoZone", { name: tile.name, score, basis, year });
  };
  const table = provinceMapTable(year, tiles);
  const partial = tiles.filter((tile) => tile.zone && tile.average?.basis === "partial").length;
  return (
    <section aria-labelledby="peta" className="mb-10">
      <h2 id="peta" className="mb-1 text-lg font-semibold">
        {t("title", { year })}
      </h2>
      <p className="mb-3 text-sm text-slate-700">
        {t("intro", { count: table.items.length })}
        {!bandsVerified && <> {t("unverified", { year, count: table.items.length })}</>}
        {partial > 0 && <> {t("partialCount", { count: partial })}</>}
      </p>
      <ProvinceTileMap
        label={t("label", { year })}
        tiles={tiles.map((tile) => ({ slug: tile.slug, name: tile.name, zone: tile.zone, partial: tile.average?.basis === "partial", href: localizePath(provinceHref(tile.slug, year), appLocale), description: describe(tile) }))}
      />
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={t("legend")}>
        {ZONES.map((zone) => (
          <li key={zone} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm ${ZONE_PALETTE[zone].dot}`} /> {ZONE_MARK[zone]} = {tZone(zone)}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm border-2 border-dashed ${ZONE_PALETTE.HIJAU.chip}`} /> * = {t("legendPartial")}
        </li>
        <li className="flex items-center gap-1.5"><span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm ${NO_DATA_TILE}`} /> {bandsVerified ? t("noData") : t("noZone")}</li>
      </ul>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm font-medium text-blue-800 underline">{t("showTable")}</summary>
        <div className="mt-2 overflow-x-auto">
          <DownloadLinks href={summaryDownload({ tabel: "peta-provinsi", tahun: year })} context={t("label", { year })} />
          <table className="w-full border-collapse sm:min-w-[480px] text-left text-sm">
            <caption className="sr-only">{t("label", { year })}</caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="py-1 pr-3">{t("colProvince")}</th>
                <th scope="col" className="py-1 pr-3">{t("colDescription")}</th>
              </tr>
            </thead>
            <tbody>
              {table.items.map((tile) => (
                <tr key={tile.slug} className="border-b border-slate-200">
                  <th scope="row" className="py-1 pr-3 font-medium">{tile.name}</th>
                  <td className="py-1 pr-3">{describe(tile)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
