import { useTranslations } from "next-intl";
import type { RankView } from "@/lib/domain/completeness";

/** A rank stated honestly: computed only for a complete group, else the source's, with the
 * position among recorded results labelled by its coverage. `among` names the group a source
 * ranks within when it is narrower than the table's ("di antara Pemerintah Kabupaten"). */
export function RankCell({ rank, among }: { rank: RankView; among?: string | null }) {
  const t = useTranslations("ranking");
  const { official, partial } = rank;
  return (
    <div className="space-y-0.5">
      {official?.source === "computed" && (
        <div className="font-semibold">
          {t("rankOf", { rank: official.rank, of: official.of })}
          {official.tied && <span className="ml-1 text-xs font-normal">({t("tied")})</span>}
        </div>
      )}
      {official?.source === "published" && (
        <div className="font-semibold">
          {official.of !== null
            ? t("rankPublishedOf", { rank: official.rank, of: official.of })
            : t("rankPublished", { rank: official.rank })}
          {among && <span className="block text-xs font-normal">{among}</span>}
        </div>
      )}
      {partial && (
        <div className="text-xs text-slate-700">
          {t("rankPartial", { rank: partial.rank, of: partial.of })}
          {partial.tied && ` (${t("tied")})`}
        </div>
      )}
      {!official && !partial && <div className="text-xs text-slate-700">{t("noScore")}</div>}
    </div>
  );
}
