import { useTranslations } from "next-intl";
import type { ZoneBasis } from "@/lib/domain/ranking-view";
import type { Zone } from "@/lib/domain/types";
import { ZONE_PALETTE } from "./zone-palette";

/**
 * Zone as colour and text (never colour alone), with its basis when it needs a caveat: "menurut
 * sumber" for a zone a source states; "tidak ditetapkan" (not established) for a scored result of
 * a year whose bands are not verified, where no source states a zone.
 */
export function ZoneChip({ zone, basis }: { zone: Zone | null; basis: ZoneBasis | null }) {
  const t = useTranslations("zone");
  if (!zone) {
    return basis === "not-established" ? <span className="text-sm text-slate-700">{t("notEstablished")}</span> : <span className="text-slate-500">—</span>;
  }
  const caveat = basis === "published" ? t("published") : null;
  const colours = ZONE_PALETTE[zone];
  return (
    <span className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full border px-2 py-0.5 text-sm font-medium ${colours.chip}`}>
      <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${colours.dot}`} />
      {t(zone)}
      {caveat && <span className="text-xs font-normal">({caveat})</span>}
    </span>
  );
}
