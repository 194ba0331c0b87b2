import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { ImportForm } from "./import-form";
import { MAPPABLE_FIELDS } from "./import-run";

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
      {/* File downloads from a route handler, not pages: plain links, no client navigation. */}
      <ul className="mb-6 space-y-1 text-sm">
        <li>
          <a href="/admin/impor/templat?format=xlsx" download className="text-blue-800 underline">
            {t("templateXlsx")}
          </a>
        </li>
        <li>
          <a href="/admin/impor/templat?format=csv" download className="text-blue-800 underline">
            {t("templateCsvId")}
          </a>
        </li>
        <li>
          <a href="/admin/impor/templat" download className="text-blue-800 underline">
            {t("templateTechnical")}
          </a>
        </li>
      </ul>
      <ImportForm isAdmin={actor.role === "ADMIN"} fields={MAPPABLE_FIELDS} />
    </>
  );
}
