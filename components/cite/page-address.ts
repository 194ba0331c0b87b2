import { headers } from "next/headers";
import { localizePath } from "@/lib/i18n/paths";

/**
 * The absolute address of a public view, for "Salin tautan" and citations: the origin the
 * operator names in RAPOR_PUBLIC_ORIGIN (e.g. "https://rapor.example"), else the request's host
 * with the scheme a proxy reports (http unless it says https). The response cache keys pages by
 * host, so a page never carries another host's address.
 */
export async function pageAddress(path: string, locale: string): Promise<string> {
  return `${await publicOrigin()}${localizePath(path, locale)}`;
}

async function publicOrigin(): Promise<string> {
  const configured = process.env.RAPOR_PUBLIC_ORIGIN?.trim().replace(/\/+$/, "");
  if (configured) return configured;
  const h = await headers();
  const host = h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${host}`;
}
