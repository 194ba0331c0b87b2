/**
 * Issue 12: folders under lib/ import in one direction only — the pure rules at the bottom, the
 * database module above them, the read side (record) and the write side (ledger) side by side
 * and never importing each other, then sessions, the server, and the thin adapters on top.
 * A new import against that order fails here with the file and the import named.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..", "..");
const LIB = join(ROOT, "lib");

/** A folder may import only folders of a lower rank (same rank: not each other). */
const RANK: Record<string, number> = {
  domain: 0,
  db: 1,
  security: 1,
  i18n: 1,
  record: 2,
  ledger: 2,
  auth: 3,
  server: 4,
  export: 5,
  api: 6,
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*["']@\/lib\/([a-z-]+)\//g)].map((m) => m[1]!);
}

describe("lib/ layers", () => {
  const all = files(LIB);

  it("knows every folder under lib/", () => {
    const folders = readdirSync(LIB).filter((n) => n !== "generated" && statSync(join(LIB, n)).isDirectory());
    expect(folders.filter((f) => !(f in RANK))).toEqual([]);
  });

  it("imports only downwards: no folder imports one of its own rank or above", () => {
    const wrong: string[] = [];
    for (const file of all) {
      const from = relative(LIB, file).split("/")[0]!;
      for (const to of imports(file)) {
        if (to === from || to === "generated") continue;
        if (from === "domain" || !(RANK[to]! < RANK[from]!)) wrong.push(`${relative(ROOT, file)} imports lib/${to}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
