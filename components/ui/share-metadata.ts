import type { Metadata } from "next";

/**
 * The tags a shared link shows (Open Graph, Twitter): the page's title and its main figure as
 * the description. Next.js replaces a parent's openGraph/twitter objects rather than merging
 * them, so every page that shares gives the whole set.
 */
export function shareMetadata({ title, description, siteName, locale }: { title: string; description: string; siteName: string; locale: string }): Metadata {
  return {
    title,
    description,
    openGraph: { title, description, siteName, type: "website", locale: locale === "en" ? "en_GB" : "id_ID" },
    twitter: { card: "summary", title, description },
  };
}
