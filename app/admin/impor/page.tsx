import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { ImportForm } from "./import-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminImport"))("title") };
}

/** Bulk import: upload, dry run with every row's outcome, then an all-or-nothing commit. */
export default async function ImportPage() {
  const actor = await requirePageActor();
  const t = await getTranslations("adminImport");
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-2 max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      <p className="mb-6 text-sm">
        {/* A file download from a route handler, not a page: a plain link, no client navigation. */}
        <a href="/admin/impor/templat" download className="text-blue-800 underline">
          {t("template")}
        </a>
      </p>
      <ImportForm isAdmin={actor.role === "ADMIN"} />
    </>
  );
}
