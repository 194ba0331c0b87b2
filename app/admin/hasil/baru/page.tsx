import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { entityOptions, methodologyOptions } from "@/lib/ledger/result-reads";
import { ResultForm } from "../../_components/result-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.form"))("newTitle") };
}

export default async function NewResultPage() {
  const actor = await requirePageActor();
  const t = await getTranslations("admin.form");
  const [entities, methodologies] = await Promise.all([entityOptions(actor), methodologyOptions()]);
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t("newTitle")}</h1>
      <ResultForm
        entities={entities}
        methodologies={methodologies}
        initial={{
          entityId: "",
          year: String(methodologies[0]?.year ?? ""),
          score: "",
          dimensionScores: {},
          publishedZone: "",
          publishedCategory: "",
          publishedOpinion: "",
          sourceUrl: "",
          notes: "",
        }}
      />
    </>
  );
}
