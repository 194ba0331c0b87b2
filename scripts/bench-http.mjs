/**
 * Waiting for a benchmarked server, shared by bench.ts and bench-web.mjs. Plain JavaScript
 * because bench-web.mjs must be (see there); types in bench-http.d.mts.
 */

/** Resolves once `url` answers below 500; throws after `timeoutMs`. */
export async function waitFor(url, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not come up`);
}

/** A server left on the port would be measured instead of the one just started. */
export async function assertPortFree(port) {
  try {
    await fetch(`http://127.0.0.1:${port}/`);
  } catch {
    return;
  }
  throw new Error(`port ${port} is in use: stop what runs there first`);
}

/** A TCP port free on loopback right now (for a server started next). */
export async function freePort() {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
