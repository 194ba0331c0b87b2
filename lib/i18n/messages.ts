import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Messages live in one JSON file per feature under messages/<locale>/ (common.json,
 * ranking.json, admin.json, ...): each file holds top-level namespaces, merged here. Features
 * add a file instead of editing a shared one.
 */
export function loadMessages(locale: string, dir = join(process.cwd(), "messages")): Record<string, unknown> {
  const folder = join(dir, locale);
  const merged: Record<string, unknown> = {};
  for (const file of readdirSync(folder).filter((f) => f.endsWith(".json")).sort()) {
    const content = JSON.parse(readFileSync(join(folder, file), "utf8")) as Record<string, unknown>;
    for (const [namespace, value] of Object.entries(content)) {
      if (namespace in merged) throw new Error(`messages/${locale}/${file}: namespace "${namespace}" is defined twice`);
      merged[namespace] = value;
    }
  }
  return merged;
}
