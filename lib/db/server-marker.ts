/**
 * A small file beside the database while a production server uses it (`rapor.db-server.json`:
 * pid, port, start time). `npm run restore` refuses to replace a database a live server has open.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";

export interface ServerMarker {
  pid: number;
  port: number;
  startedAt: string;
}

export function serverMarkerPath(databaseFile: string): string {
  return `${databaseFile}-server.json`;
}

export function writeServerMarker(databaseFile: string, marker: ServerMarker): void {
  writeFileSync(serverMarkerPath(databaseFile), JSON.stringify(marker) + "\n");
}

/** Remove the marker, if it is still this process's. */
export function removeServerMarker(databaseFile: string, pid = process.pid): void {
  if (readServerMarker(databaseFile)?.pid === pid) rmSync(serverMarkerPath(databaseFile), { force: true });
}

export function readServerMarker(databaseFile: string): ServerMarker | null {
  const path = serverMarkerPath(databaseFile);
  if (!existsSync(path)) return null;
  try {
    const value = JSON.parse(readFileSync(path, "utf8")) as Partial<ServerMarker>;
    return typeof value.pid === "number" && typeof value.port === "number" ? (value as ServerMarker) : null;
  } catch {
    return null;
  }
}

/** The server that marked this database, if its process is still alive. */
export function liveServerOf(databaseFile: string): ServerMarker | null {
  const marker = readServerMarker(databaseFile);
  if (!marker) return null;
  try {
    process.kill(marker.pid, 0);
    return marker;
  } catch (error) {
    // EPERM: alive, but another user's process.
    return (error as NodeJS.ErrnoException).code === "EPERM" ? marker : null;
  }
}
