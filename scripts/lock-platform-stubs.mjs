#!/usr/bin/env node
/**
 * npm run lock:platform-stubs — after any `npm install`, run this before committing the lock.
 *
 * The registry this project installs from holds only the Linux x64 builds of native packages
 * (@next/swc-*, @swc/core-*, @tailwindcss/oxide-*, ...). npm then writes a lock without the
 * other platforms' optional packages, and `npm ci` refuses such a lock as out of sync. This
 * adds a lock entry for each missing platform package, marked optional and limited to its
 * os/cpu/libc, so npm ci accepts the lock and skips those packages on this platform (as it
 * would anyway).
 */
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const packages = lock.packages;

function platformOf(name) {
  const n = name.toLowerCase();
  const os = ["darwin", "win32", "android", "freebsd", "openbsd", "netbsd", "sunos", "aix", "openharmony", "linux"].find((o) => n.includes(o));
  const cpu = ["arm64", "x64", "ia32", "ppc64", "s390x", "riscv64", "loong64", "mips64el", "wasm32", "arm"].find((c) =>
    new RegExp(`(^|[-/])${c}($|[-])`).test(n),
  );
  if (!os && cpu !== "wasm32") return null;
  const entry = {};
  if (os) entry.os = [os];
  if (cpu) entry.cpu = [cpu];
  if (os === "linux") entry.libc = [n.includes("musl") ? "musl" : "glibc"];
  return entry;
}

let added = 0;
for (const [key, pkg] of Object.entries(packages)) {
  if (!pkg.optionalDependencies) continue;
  const base = key === "" ? "" : `${key}/`;
  for (const [dep, version] of Object.entries(pkg.optionalDependencies)) {
    const nested = `${base}node_modules/${dep}`;
    const top = `node_modules/${dep}`;
    if (packages[nested] || packages[top]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    packages[top] = { version: version.replace(/^[\^~=]/, ""), optional: true, ...platform };
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync(path, JSON.stringify(lock, null, 2) + "\n");
console.log(`lock:platform-stubs: ${added} platform-specific optional packages stubbed`);
