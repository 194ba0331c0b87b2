/**
 * Code that runs in the browser must not pull zod in: zod tests whether it may compile code
 * with `Function("")`, which the Content Security Policy (no 'unsafe-eval') reports as a
 * violation on every page that loads it. The URL schemas (lib/record/query.ts) are zod, so a
 * client component gets its links made on the server. This follows every "use client" file's
 * imports through the repository and fails on a path to zod, naming it.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return ["node_modules", "generated", ".next"].includes(name) ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? join(ROOT, spec.slice(2)) : spec.startsWith(".") ? resolve(dirname(from), spec) : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  // Type-only imports vanish from the bundle.
  return [...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm)].map((m) => m[1]!);
}

describe("client bundles", () => {
  it("no client component reaches zod through its imports", () => {
    const clients = [...sourceFiles(join(ROOT, "app")), ...sourceFiles(join(ROOT, "components"))].filter((f) =>
      /^\s*["']use client["']/.test(readFileSync(f, "utf8")),
    );
    expect(clients.length).toBeGreaterThan(3);
    const paths: string[] = [];
    for (const client of clients) {
      const seen = new Set<string>();
      const walk = (file: string, trail: string[]): void => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const spec of importsOf(file)) {
          if (spec === "zod" || spec.startsWith("zod/")) {
            paths.push([...trail, "zod"].join(" → "));
            continue;
          }
          // Server actions are called by reference, not bundled.
          const target = resolveImport(file, spec);
          if (target && !/^\s*["']use server["']/.test(readFileSync(target, "utf8"))) walk(target, [...trail, relative(ROOT, target)]);
        }
      };
      walk(client, [relative(ROOT, client)]);
    }
    expect(paths).toEqual([]);
  });
});
