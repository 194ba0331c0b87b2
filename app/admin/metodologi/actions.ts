"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { updateMethodology } from "@/lib/data/methodology-writes";

/** Save a year's methodology; band rows left empty are ignored. */
export async function saveMethodologyAction(formData: FormData): Promise<void> {
  const year = Number(formData.get("year"));
  const col = (name: string) => formData.getAll(name).map(String);
  const [mins, maxs, zones, categories, labels] = ["min", "max", "zone", "category", "label"].map(col);
  const bands = mins!
    .map((min, i) => ({ min, max: maxs![i] ?? "", zone: zones![i] ?? "", category: categories![i] ?? "", label: labels![i] ?? "" }))
    .filter((b) => b.min.trim() !== "" || b.max.trim() !== "" || b.label.trim() !== "");
  const outcome = await updateMethodology(await currentActor(), year, {
    name: String(formData.get("name") ?? ""),
    opinionName: String(formData.get("opinionName") ?? ""),
    bandsVerified: formData.get("bandsVerified") === "on",
    notes: String(formData.get("notes") ?? ""),
    sources: String(formData.get("sources") ?? ""),
    bands,
  });
  if (!outcome.ok) {
    const detail = outcome.status === 422 ? Object.values(outcome.fieldErrors).concat(outcome.issues.filter((i) => i.path[0] === "bands").map((i) => i.message)) : [outcome.message];
    redirect(`/admin/metodologi?tahun=${year}&galat=${encodeURIComponent([...new Set(detail)].join(" "))}`);
  }
  revalidatePath("/", "layout");
  redirect(`/admin/metodologi?tahun=${year}&disimpan=1`);
}
