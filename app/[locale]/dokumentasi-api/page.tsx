import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { PROVINCE_GROUPS } from "@/lib/domain/groups";
import { CATEGORIES, ENTITY_TYPES, ZONES } from "@/lib/domain/types";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiDocs");
  return { title: t("metaTitle") };
}

interface Operation {
  summary: string;
  operationId: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string; example?: string; schema?: { enum?: string[]; type?: string } }[];
  responses: Record<string, { description: string }>;
}

/** An example request: the required parameters with their examples. */
function exampleHref(path: string, op: Operation): string {
  const params = new URLSearchParams();
  for (const p of op.parameters ?? []) if (p.required && p.in === "query" && p.example !== undefined) params.set(p.name, p.example);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The public read API, rendered from the same OpenAPI document that /api/v1/openapi.json serves. */
export default async function ApiDocsPage() {
  const [t, tType, tBook] = await Promise.all([getTranslations("apiDocs"), getTranslations("entityType"), getTranslations("workbook")]);
  const doc = buildOpenApiDocument() as { paths: Record<string, { get: Operation }> };
  // Every code a CSV or JSON download carries, with the label an XLSX shows for it.
  const codes: { columns: string; code: string; meaning: string }[] = [
    ...ENTITY_TYPES.map((type) => ({ columns: "entity_type", code: type, meaning: tType(type) })),
    ...ZONES.map((zone) => ({ columns: "zone, published_zone", code: zone, meaning: tBook(`values.zone.${zone}`) })),
    ...CATEGORIES.map((category) => ({ columns: "category, published_category", code: category, meaning: t("categoryMeaning", { category }) })),
    ...(["computed", "published", "partial", "recorded"] as const).map((basis) => ({
      columns: basis === "partial" || basis === "recorded" ? "basis" : "*_rank_basis, basis, average_basis",
      code: basis,
      meaning: tBook(`values.basis.${basis}`),
    })),
    ...PROVINCE_GROUPS.map((group) => ({ columns: "group", code: group, meaning: tBook(`values.group.${group}`) })),
    ...(["yes", "no"] as const).map((v) => ({ columns: "complete, sources_differ", code: v, meaning: tBook(`values.yesNo.${v}`) })),
  ];
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-2 max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      <p className="mb-6 text-sm">
        <a href="/api/v1/openapi.json" className="text-blue-800 underline">
          {t("openapiLink")}
        </a>
      </p>
      <section aria-labelledby="kode" className="mb-8 border-t border-slate-200 pt-4">
        <h2 id="kode" className="text-lg font-semibold">{t("codesTitle")}</h2>
        <p className="mb-2 max-w-3xl text-sm text-slate-700">{t("codesIntro")}</p>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse sm:min-w-[480px] text-left text-sm">
            <caption className="sr-only">{t("codesTitle")}</caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="py-1 pr-3">{t("codesColumn")}</th>
                <th scope="col" className="py-1 pr-3">{t("codesCode")}</th>
                <th scope="col" className="py-1">{t("codesMeaning")}</th>
              </tr>
            </thead>
            <tbody>
              {codes.map((c) => (
                <tr key={`${c.columns}:${c.code}`} className="border-b border-slate-200 align-top">
                  <td className="py-1 pr-3 font-mono text-xs">{c.columns}</td>
                  <th scope="row" className="py-1 pr-3 font-mono font-normal">{c.code}</th>
                  <td className="py-1">{c.meaning}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {Object.entries(doc.paths).map(([path, { get }]) => (
        <section key={path} aria-labelledby={`api-${path}`} className="mb-8 border-t border-slate-200 pt-4">
          <h2 id={`api-${path}`} className="font-mono text-lg font-semibold break-all">
            GET {path}
          </h2>
          <p className="text-sm text-slate-700">{t.has(`ops.${get.operationId}`) ? t(`ops.${get.operationId}`) : get.summary}</p>
          {get.parameters && get.parameters.length > 0 && (
            <div className="mt-2 overflow-x-auto">
              <table className="w-full border-collapse sm:min-w-[480px] text-left text-sm">
                <caption className="mb-1 text-left text-sm font-semibold">{t("parameters")}</caption>
                <thead>
                  <tr className="border-b-2 border-slate-300">
                    <th scope="col" className="py-1 pr-3">{t("name")}</th>
                    <th scope="col" className="py-1 pr-3">{t("where")}</th>
                    <th scope="col" className="py-1">{t("description")}</th>
                  </tr>
                </thead>
                <tbody>
                  {get.parameters.map((p) => (
                    <tr key={p.name} className="border-b border-slate-200 align-top">
                      <th scope="row" className="py-1 pr-3 font-mono font-normal">{p.name}</th>
                      <td className="py-1 pr-3">{p.in}</td>
                      <td className="py-1">
                        {p.description ?? ""}
                        {p.schema?.enum && <span className="block text-xs text-slate-700">{p.schema.enum.join(", ")}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="mt-2 text-sm">
            {t("responses")}:{" "}
            {Object.entries(get.responses)
              .map(([status, r]) => `${status} ${r.description}`)
              .join(" · ")}
          </p>
          {!path.includes("{") && (
            <p className="mt-1 text-sm">
              <a href={exampleHref(path, get)} className="text-blue-800 underline">
                {t("tryIt")}
              </a>
            </p>
          )}
        </section>
      ))}
    </>
  );
}
