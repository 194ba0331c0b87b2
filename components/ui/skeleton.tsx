import { getTranslations } from "next-intl/server";

/** Loading placeholder: grey blocks and a status text for screen readers. */
export async function Skeleton() {
  const t = await getTranslations("states");
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <span className="sr-only">{t("loading")}</span>
      <div className="h-8 w-2/3 rounded bg-slate-200" />
      <div className="h-4 w-1/2 rounded bg-slate-200" />
      <div className="h-48 w-full rounded bg-slate-100" />
      <div className="h-48 w-full rounded bg-slate-100" />
    </div>
  );
}
