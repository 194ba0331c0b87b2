import { useTranslations } from "next-intl";
import type { Zone } from "@/lib/domain/types";

const STYLES: Record<Zone, string> = {
  HIJAU: "border-green-700 bg-green-50 text-green-900",
  KUNING: "border-yellow-600 bg-yellow-50 text-yellow-900",
  MERAH: "border-red-700 bg-red-50 text-red-900",
};
const DOTS: Record<Zone, string> = { HIJAU: "bg-green-600", KUNING: "bg-yellow-400", MERAH: "bg-red-600" };

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
  return (
    <span className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full border px-2 py-0.5 text-sm font-medium ${STYLES[zone]}`}>
      <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${DOTS[zone]}`} />
      {t(zone)}
      {caveat && <span className="text-xs font-normal">({caveat})</span>}
    </span>
  );
}
