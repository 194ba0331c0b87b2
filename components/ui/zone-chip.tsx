import { useTranslations } from "next-intl";
import type { Zone } from "@/lib/domain/types";
import { ZONE_PALETTE } from "./zone-palette";

/** Zone as colour and text (never colour alone), with its basis when it needs a caveat. */
export function ZoneChip({
  zone,
  basis,
  verified,
}: {
  zone: Zone | null;
  basis: "computed" | "published" | null;
  verified: boolean;
}) {
  const t = useTranslations("zone");
  if (!zone) return <span className="text-slate-500">—</span>;
  const caveat = !verified ? t("unverified") : basis === "published" ? t("published") : null;
  const colours = ZONE_PALETTE[zone];
  return (
    <span className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full border px-2 py-0.5 text-sm font-medium ${colours.chip}`}>
      <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${colours.dot}`} />
      {t(zone)}
      {caveat && <span className="text-xs font-normal">({caveat})</span>}
    </span>
  );
}
