import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startWarmUp, type WarmUp } from "@/lib/server/warm-up";

describe("startWarmUp", () => {
  let revision: number | null;
  let requested: string[];
  let warmUp: WarmUp | null;
  beforeEach(() => {
    revision = 7;
    requested = [];
    warmUp = null;
  });
  afterEach(() => warmUp?.stop());

  const start = (request: (path: string) => Promise<void> = async (path) => void requested.push(path), log?: (m: string) => void) =>
    (warmUp = startWarmUp({ readRevision: () => revision, request, paths: ["/", "/peringkat"], intervalMs: 1000, log }));

  it("does nothing while the revision stays where it was at start", async () => {
    const w = start();
    await w.check();
    await w.check();
    expect(requested).toEqual([]);
  });

  it("asks for every path once when the revision moves, then waits for the next move", async () => {
    const w = start();
    revision = 8;
    await w.check();
    expect(requested).toEqual(["/", "/peringkat"]);
    await w.check();
    expect(requested).toEqual(["/", "/peringkat"]);
    revision = 9;
    await w.check();
    expect(requested).toEqual(["/", "/peringkat", "/", "/peringkat"]);
  });

  it("runs one warm-up at a time: a check during one joins it", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const w = start(async (path) => {
      requested.push(path);
      await gate;
    });
    revision = 8;
    const first = w.check();
    const second = w.check();
    expect(second).toBe(first);
    release();
    await first;
    expect(requested).toEqual(["/", "/peringkat"]);
  });

  it("logs a failed path, goes on with the others, and keeps checking", async () => {
    const logged: string[] = [];
    const w = start(async (path) => {
      requested.push(path);
      if (path === "/") throw new Error("HTTP 500");
    }, (m) => logged.push(m));
    revision = 8;
    await w.check();
    expect(requested).toEqual(["/", "/peringkat"]);
    expect(logged).toEqual(["rapor: warm-up of / failed: HTTP 500"]);
    revision = 9;
    await w.check();
    expect(requested).toHaveLength(4);
  });

  it("does not warm up when the revision cannot be read", async () => {
    const w = start();
    revision = null;
    await w.check();
    expect(requested).toEqual([]);
  });

  it("checks on its own every interval", async () => {
    vi.useFakeTimers();
    try {
      start();
      revision = 8;
      await vi.advanceTimersByTimeAsync(999);
      expect(requested).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(requested).toEqual(["/", "/peringkat"]);
    } finally {
      warmUp?.stop();
      vi.useRealTimers();
    }
  });
});
