/**
 * After a write, the first reader of any public page waits for the public record to be rebuilt
 * (about 0.5–0.9 s with all of Indonesia over a decade; bench/RESULTS.md). The server watches
 * the data revision and, when it moves, asks for a few pages itself, so the rebuild has
 * usually happened before a reader arrives.
 *
 * One warm-up at a time; a revision that moves again during one is picked up by the next check.
 * A failed request is logged and the next change tries again: warming up is an optimisation,
 * never a reason to stop serving.
 */
export interface WarmUpOptions {
  readRevision: () => number | null | Promise<number | null>;
  /** Fetch one path through the server (the response is read and discarded). */
  request: (path: string) => Promise<void>;
  paths: readonly string[];
  intervalMs: number;
  log?: (message: string) => void;
}

export interface WarmUp {
  /** One check: warm up if the revision moved since the last one. Resolves when done. */
  check: () => Promise<void>;
  stop: () => void;
}

export function startWarmUp(options: WarmUpOptions): WarmUp {
  // The revision at start is taken as already warm: the first reader after a restart pays,
  // as before, rather than every restart rendering pages nobody asked for yet.
  let warmed: number | null = null;
  const started = Promise.resolve(options.readRevision()).then((revision) => void (warmed = revision));
  let running: Promise<void> | null = null;

  const check = (): Promise<void> => {
    if (running) return running;
    running = (async () => {
      try {
        await started;
        const revision = await options.readRevision();
        if (revision === null || revision === warmed) return;
        for (const path of options.paths) {
          try {
            await options.request(path);
          } catch (error) {
            options.log?.(`rapor: warm-up of ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        warmed = revision;
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const timer = setInterval(() => void check(), options.intervalMs);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
