/**
 * The server's timer for scheduled releases: every interval it asks the ledger to carry out the
 * releases that are due (lib/ledger/releases.ts, `runDueReleases`), whether or not anyone is
 * signed in. Every instance runs one; the ledger claims each release in the database, so a
 * release goes public exactly once. The data revision the publication raises updates the caches
 * (lib/server/after-write.ts).
 *
 * RAPOR_RELEASE_INTERVAL_MS sets the interval (default 30 000 ms; tests use a short one);
 * "off" runs none in this instance.
 */

export const DEFAULT_RELEASE_INTERVAL_MS = 30_000;

/** The interval from the environment; null when the scheduler is off. Bad values fall back to the default. */
export function releaseIntervalFromEnv(value: string | undefined): number | null {
  const text = (value ?? "").trim().toLowerCase();
  if (text === "off") return null;
  if (text === "") return DEFAULT_RELEASE_INTERVAL_MS;
  const ms = Number(text);
  return Number.isInteger(ms) && ms >= 100 ? ms : DEFAULT_RELEASE_INTERVAL_MS;
}

export interface ReleaseScheduler {
  /** One pass now (the timer's own passes never overlap). */
  tick(): Promise<void>;
  stop(): void;
}

export function startReleaseScheduler(options: {
  intervalMs: number;
  runDue: () => Promise<number[]>;
  log: (message: string) => void;
}): ReleaseScheduler {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = (): Promise<void> => {
    if (running) return running;
    running = options
      .runDue()
      .then((ids) => {
        if (ids.length) options.log(`rapor: scheduled release${ids.length > 1 ? "s" : ""} ${ids.map((id) => `#${id}`).join(", ")} published`);
      })
      .catch((error: unknown) => options.log(`rapor: release scheduler: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void tick();
  }, options.intervalMs);
  timer.unref();
  return {
    tick,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
