/**
 * A throwaway PostgreSQL server in a temporary folder, on loopback only: for the test suite on
 * PostgreSQL, the benchmark and local trials. Uses the PostgreSQL found on this machine
 * (Debian's `postgresql` package: /usr/lib/postgresql/<version>/bin, or `pg_config --bindir`,
 * or PATH). `initdb` refuses to run as root: as root, the server runs as the `postgres` user.
 *
 * Trust authentication on 127.0.0.1 and fsync off: a server for tests, never for data.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ThrowawayPostgres {
  /** postgresql://rapor@127.0.0.1:PORT/postgres (superuser `rapor`, no password). */
  url: string;
  port: number;
  dir: string;
  /** Stop the server and delete its folder. */
  stop: () => void;
}

/** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function findPostgresBin(): string | null {
  const has = (dir: string) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"));
  const fromEnv = process.env.POSTGRES_BIN;
  if (fromEnv) return has(fromEnv) ? fromEnv : null;
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => has(join(debian, v, "bin")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], "bin");
  }
  const config = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (config.status === 0 && has(config.stdout.trim())) return config.stdout.trim();
  for (const dir of (process.env.PATH ?? "").split(":")) if (dir && has(dir)) return dir;
  return null;
}

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function idOf(user: string, flag: "-u" | "-g"): number | null {
  const result = spawnSync("id", [flag, user], { encoding: "utf8" });
  return result.status === 0 ? Number(result.stdout.trim()) : null;
}

export async function startThrowawayPostgres(options: { port?: number } = {}): Promise<ThrowawayPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error("PostgreSQL is not installed (Debian: apt-get install postgresql)");
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), "rapor-pg-"));
  const data = join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = idOf("postgres", "-u");
    const gid = idOf("postgres", "-g");
    if (uid === null || gid === null) throw new Error("running as root, but there is no `postgres` user to run the server as");
    chownSync(dir, uid, gid);
  }
  const exec = (tool: string, args: string[]): SpawnSyncReturns<string> => {
    const command = asRoot ? "runuser" : join(bin, tool);
    const argv = asRoot ? ["-u", "postgres", "--", join(bin, tool), ...args] : args;
    return spawnSync(command, argv, { encoding: "utf8", cwd: dir });
  };
  const fail = (what: string, result: SpawnSyncReturns<string>): never => {
    const log = existsSync(join(dir, "log")) ? readFileSync(join(dir, "log"), "utf8") : "";
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${what} failed (exit ${result.status}): ${result.stderr}${result.stdout}${log}`);
  };

  const init = exec("initdb", ["-D", data, "-A", "trust", "-U", "rapor", "-E", "UTF8", "--no-locale", "--no-sync"]);
  if (init.status !== 0) fail("initdb", init);
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    // A test server: losing it on a crash costs nothing, waiting for the disk costs minutes.
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=200",
  ].join(" ");
  const start = exec("pg_ctl", ["-D", data, "-l", join(dir, "log"), "-w", "-t", "60", "-o", settings, "start"]);
  if (start.status !== 0) fail("pg_ctl start", start);

  let stopped = false;
  return {
    url: `postgresql://rapor@127.0.0.1:${port}/postgres`,
    port,
    dir,
    stop: () => {
      if (stopped) return;
      stopped = true;
      exec("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The same server URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
