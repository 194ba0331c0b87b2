import { getTranslations } from "next-intl/server";
import { formatScore } from "@/lib/domain/score";
import type { ShownResult } from "@/lib/ledger/revision-reads";

/** A result's figures as the public reads them: "91,66 · Zona hijau · A" (or "—"). */
export async function ShownValues({ shown }: { shown: ShownResult | null }) {
  const tZone = await getTranslations("zone");
  if (!shown) return <span className="text-slate-600">—</span>;
  const parts = [
    shown.score === null ? null : formatScore(shown.score),
    shown.zone ? tZone(shown.zone) : null,
    shown.category,
    shown.opinion,
  ].filter((p): p is string => Boolean(p));
  return <span>{parts.length ? parts.join(" · ") : "—"}</span>;
}
