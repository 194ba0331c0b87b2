/**
 * Issue 15 (12): stopping the server drains what is in flight. On the first signal the server
 * stops accepting, an upload still arriving and a download still leaving both complete, a second
 * signal changes nothing, and the process exits once they are done — or at the deadline.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { gracefulShutdown } from "@/lib/server/shutdown";

interface Harness {
  port: number;
  exits: number[];
  logs: string[];
  stop: (signal: string) => void;
  exited: Promise<number>;
}

async function start(graceMs: number): Promise<Harness> {
  const server = http.createServer((req, res) => {
    if (req.url === "/upload") {
      // Read the whole (slow) upload, then answer with its size.
      let bytes = 0;
      req.on("data", (chunk: Buffer) => (bytes += chunk.length));
      req.on("end", () => res.end(JSON.stringify({ bytes })));
      return;
    }
    if (req.url === "/download") {
      // A download written over a second and a half.
      let sent = 0;
      res.writeHead(200, { "content-type": "text/csv" });
      const timer = setInterval(() => {
        res.write(`${"x".repeat(1000)}\n`);
        if (++sent === 15) {
          clearInterval(timer);
          res.end();
        }
      }, 100);
      return;
    }
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const exits: number[] = [];
  const logs: string[] = [];
  let done: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (done = resolve));
  const shutdown = gracefulShutdown(server, {
    graceMs,
    log: (m) => logs.push(m),
    exit: (code) => {
      exits.push(code);
      done(code);
    },
  });
  return { port: (server.address() as AddressInfo).port, exits, logs, stop: shutdown.stop, exited };
}

/** An upload that sends its body over `ms`, from a raw socket-level request. */
function slowUpload(port: number, ms: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ port, host: "127.0.0.1", path: "/upload", method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" } }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    const parts = 10;
    let i = 0;
    const timer = setInterval(() => {
      req.write(Buffer.alloc(10_000, 0x61));
      if (++i === parts) {
        clearInterval(timer);
        req.end();
      }
    }, ms / parts);
  });
}

describe("graceful shutdown", () => {
  it("finishes an upload and a download in flight, ignores a second signal, then exits 0", async () => {
    const h = await start(10_000);
    const upload = slowUpload(h.port, 1500);
    const download = fetch(`http://127.0.0.1:${h.port}/download`).then(async (r) => (await r.text()).length);
    await new Promise((resolve) => setTimeout(resolve, 300));
    h.stop("SIGTERM");
    h.stop("SIGTERM"); // the process group's signal arriving again
    // No new connections once stopping.
    await expect(fetch(`http://127.0.0.1:${h.port}/`)).rejects.toThrow();
    expect(h.exits).toEqual([]);
    expect(await upload).toEqual({ status: 200, body: JSON.stringify({ bytes: 100_000 }) });
    expect(await download).toBe(15 * 1001);
    expect(await h.exited).toBe(0);
    expect(h.exits).toEqual([0]);
    expect(h.logs.some((l) => /SIGTERM again; still finishing/.test(l))).toBe(true);
  });

  it("closes what is left at the deadline and exits 1", async () => {
    const h = await start(300);
    const download = fetch(`http://127.0.0.1:${h.port}/download`).then((r) => r.text()).catch(() => "cut");
    await new Promise((resolve) => setTimeout(resolve, 100));
    h.stop("SIGTERM");
    expect(await h.exited).toBe(1);
    expect(await download).toBe("cut");
  });
});
