/** Helpers shared by the start, reset and test scripts. */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { databaseProvider, databaseUrl } from "@/lib/db/url";

export const ROOT = resolve(__dirname, "..");

export function bin(name: string): string {
  return join(ROOT, "node_modules", ".bin", name);
}

/** Run a command in the repository root; exit with its code if it fails. */
export function run(command: string, args: string[], options: SpawnSyncOptions = {}): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", ...options });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

/** The environment every script runs with: DATABASE_URL always set, telemetry off. */
/** The old-space heap cap of the production server, in MiB (RAPOR_MAX_HEAP_MB; 0: V8's own limit). */
export function maxHeapMiB(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.RAPOR_MAX_HEAP_MB?.trim() || "0";
  const mib = Number(raw);
  if (!Number.isInteger(mib) || mib < 0 || (mib > 0 && mib < 128)) {
    throw new Error(`RAPOR_MAX_HEAP_MB "${raw}" must be a whole number of MiB, 128 or more (0: no cap)`);
  }
  return mib;
}

/**
 * How node runs the production server (scripts/server.ts): with tsx's loader and, when
 * RAPOR_MAX_HEAP_MB is set, a heap cap. V8 grows its heap while memory is free and keeps it;
 * capped, it collects sooner, at a cost in throughput (bench/RESULTS.md: "Server memory").
 */
export function serverArgs(env: NodeJS.ProcessEnv = process.env): string[] {
  const mib = maxHeapMiB(env);
  return [...(mib > 0 ? [`--max-old-space-size=${mib}`] : []), "--import", "tsx", "scripts/server.ts"];
}

export function scriptEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: databaseUrl(), NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

/** Make sure the folder of a file: SQLite URL exists (SQLite creates the file, not folders). */
export function ensureSqliteDir(url: string): void {
  if (!url.startsWith("file:")) return;
  const path = url.slice("file:".length).split("?")[0]!;
  mkdirSync(dirname(resolve(ROOT, path)), { recursive: true });
}

/** Apply the committed migrations to env.DATABASE_URL (see scripts/db-migrate.ts). */
export function migrate(env: NodeJS.ProcessEnv): void {
  const url = env.DATABASE_URL ?? databaseUrl();
  if (databaseProvider(url) === "postgresql") {
    run(bin("tsx"), ["scripts/db-migrate.ts"], { env });
    return;
  }
  ensureSqliteDir(url);
  run(bin("prisma"), ["migrate", "deploy"], { env });
}

const BUILD_INPUTS = ["app", "components", "lib", "messages", "public", "next.config.ts", "proxy.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

/** A fingerprint of everything the production build depends on (paths, sizes, mtimes). */
export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      if (path.endsWith(join("lib", "generated"))) return;
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    } else {
      hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  };
  for (const input of BUILD_INPUTS) visit(join(ROOT, input));
  return hash.digest("hex");
}

/** The Next.js build folder (NEXT_DIST_DIR, default .next). */
export function distDir(): string {
  return join(ROOT, process.env.NEXT_DIST_DIR ?? ".next");
}

export function buildIsCurrent(): boolean {
  const marker = join(distDir(), "rapor-source-fingerprint");
  return existsSync(join(distDir(), "BUILD_ID")) && existsSync(marker) && readFileSync(marker, "utf8") === sourceFingerprint();
}

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableEnded) return resolve();
    // A reader that went away (`| head`) ends the wait too.
    stream.once("error", () => resolve());
    // Writes are flushed in order: this empty one's callback runs once all before it are out.
    stream.write("", () => resolve());
  });
}

/**
 * Exit with `code` once everything written to stdout and stderr has been handed to the OS.
 * process.exit right after a large write to a pipe drops whatever the pipe has not taken yet:
 * `npm run -s data:export -- --format csv | wc -c` gave 65,536 bytes, exit 0.
 */
export async function exitWhenFlushed(code: number): Promise<never> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

/** Run a command-line script's main: exit with its code, or print its error as `name: message`
 * and exit 1 — in both cases once its output is flushed (exitWhenFlushed). */
export function runCli(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => exitWhenFlushed(code),
    (error: unknown) => {
      console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      return exitWhenFlushed(1);
    },
  );
}
