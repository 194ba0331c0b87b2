import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundView } from "@/components/ui/not-found-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notFound");
  return { title: t("title"), robots: { index: false } };
}

/**
 * Any other public path: the 404 page rendered here rather than with notFound(), whose page
 * reaches the browser as an empty shell that only JavaScript fills in (vercel/next.js#62228).
 * The proxy sets the 404 status of these paths (lib/security/paths.ts: isPublicRoute).
 */
export default function CatchAll() {
  return <NotFoundView />;
}
