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
  // The folder is read at run time: keep the build's file tracer from globbing the project.
  for (const file of readdirSync(/* turbopackIgnore: true */ folder).filter((f) => f.endsWith(".json")).sort()) {
    const path = join(folder, file);
    const content = JSON.parse(readFileSync(/* turbopackIgnore: true */ path, "utf8")) as Record<string, unknown>;
    for (const [namespace, value] of Object.entries(content)) {
      if (namespace in merged) throw new Error(`messages/${locale}/${file}: namespace "${namespace}" is defined twice`);
      merged[namespace] = value;
    }
  }
  return merged;
}
