/**
 * Stopping the production server without cutting anyone off. On SIGTERM or SIGINT: stop
 * accepting connections, let every request in flight (an upload being read, an export being
 * written) finish, close each connection once it is idle, and exit when none is left — or when
 * the grace period ends, closing what remains. A second signal (a process group signalled at
 * once, a supervisor repeating itself) changes nothing: it is logged and the drain goes on.
 */
import type { Server, ServerResponse } from "node:http";

export interface ShutdownOptions {
  /** How long requests in flight may take to finish, in ms (RAPOR_SHUTDOWN_GRACE_MS). */
  graceMs: number;
  log: (message: string) => void;
  /** Stop background work (the warm-up timer) before draining. */
  onStop?: () => void;
  /** Called once, with 0 after a full drain, 1 when the grace period ran out. */
  exit: (code: number) => void;
}

export interface Shutdown {
  stop: (signal: string) => void;
  /** Requests whose response has not finished. */
  inFlight: () => number;
  stopping: () => boolean;
}

export function gracefulShutdown(server: Server, options: ShutdownOptions): Shutdown {
  const active = new Set<ServerResponse>();
  let stopping = false;
  let exited = false;
  const exit = (code: number) => {
    if (exited) return;
    exited = true;
    options.exit(code);
  };

  server.on("request", (_req, res: ServerResponse) => {
    active.add(res);
    // A keep-alive connection may bring one more request while draining: it is served, and
    // told to close afterwards.
    if (stopping) res.setHeader("Connection", "close");
    res.once("close", () => {
      active.delete(res);
      // Its connection is idle now: close it rather than wait for the keep-alive timeout.
      if (stopping) setImmediate(() => server.closeIdleConnections());
    });
  });

  const stop = (signal: string) => {
    if (stopping) {
      options.log(`rapor: ${signal} again; still finishing ${active.size} request(s) in flight`);
      return;
    }
    stopping = true;
    options.onStop?.();
    options.log(`rapor: ${signal}: no new connections; finishing ${active.size} request(s) in flight (at most ${Math.round(options.graceMs / 1000)} s)`);
    const deadline = setTimeout(() => {
      options.log(`rapor: grace period over; closing ${active.size} request(s) still open`);
      server.closeAllConnections();
      exit(1);
    }, options.graceMs);
    deadline.unref();
    server.close(() => {
      clearTimeout(deadline);
      options.log("rapor: every request finished; stopped");
      exit(0);
    });
    server.closeIdleConnections();
  };

  return { stop, inFlight: () => active.size, stopping: () => stopping };
}

/** RAPOR_SHUTDOWN_GRACE_MS, default 30 s. */
export function graceFromEnv(value: string | undefined): number {
  const text = value?.trim() ?? "";
  if (text === "") return 30_000;
  if (!/^[0-9]{1,9}$/.test(text)) throw new Error(`RAPOR_SHUTDOWN_GRACE_MS must be a whole number of milliseconds, not "${text}"`);
  return Number(text);
}
