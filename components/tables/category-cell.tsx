import { useTranslations } from "next-intl";
import type { RankingRow } from "@/lib/domain/ranking-view";

/** Category (A–E) and label or opinion, with any disagreement between source and bands. */
export function CategoryCell({ row }: { row: Pick<RankingRow, "category" | "label" | "disagreements" | "publishedOpinion"> }) {
  const t = useTranslations("ranking");
  const tZone = useTranslations("zone");
  return (
    <>
      {row.category && <span className="mr-1 font-semibold">{row.category}</span>}
      {row.label}
      {row.publishedOpinion && row.publishedOpinion !== row.label && (
        <span className="block text-xs text-slate-700">
          {t("opinion")}: {row.publishedOpinion}
        </span>
      )}
      {row.disagreements.map((d) => (
        <div key={d.field} className="mt-1 text-xs text-amber-900">
          ⚠{" "}
          {t("disagreement", {
            published: d.field === "zone" ? tZone(d.published) : d.published,
            computed: d.field === "zone" ? tZone(d.computed) : d.computed,
          })}
        </div>
      ))}
    </>
  );
}
