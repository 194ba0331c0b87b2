/**
 * Public reads on a read replica (DATABASE_REPLICA_URL, PostgreSQL only), without ever showing
 * something older than a publish already seen.
 *
 * Writes and the data revision always go to the primary. Every revision read from the primary
 * is noted here; the replica serves public reads only while its own DataRevision is at least the
 * highest revision this process has seen on the primary. So a page rendered (and cached) under
 * revision R is read from a database holding R or later: while the replica lags behind a publish,
 * public reads go to the primary, and return to the replica once it has replayed the change.
 * The revision decides, not a guess at the replica's lag.
 */
import { createPrismaClient, db, type PrismaClient } from "@/lib/db/client";
import { databaseProvider } from "@/lib/db/url";

interface ReplicaState {
  url: string | null;
  client: PrismaClient | null;
  /** Highest DataRevision read from the primary by this process. */
  primaryRevision: number;
  /** DataRevision last read from the replica (-1: not yet). */
  replicaRevision: number;
  checking: Promise<void> | null;
  /** Public reads served by the replica and by the primary (for the benchmark and tests). */
  served: { replica: number; primary: number };
}

// On globalThis: the server script and the Next.js bundle load this module separately, and
// must share what they have seen.
const globalForReplica = globalThis as unknown as { raporReplica?: ReplicaState };

/** DATABASE_REPLICA_URL, checked: a PostgreSQL replica of a PostgreSQL primary, or none. */
export function replicaUrl(): string | null {
  const url = process.env.DATABASE_REPLICA_URL?.trim() || null;
  if (!url) return null;
  if (databaseProvider(url) !== "postgresql") throw new Error("DATABASE_REPLICA_URL must be a postgresql:// URL (a replica of the PostgreSQL primary)");
  if (databaseProvider() !== "postgresql") throw new Error("DATABASE_REPLICA_URL is set, but DATABASE_URL is not PostgreSQL: a replica needs a PostgreSQL primary");
  return url;
}

function state(): ReplicaState {
  const url = replicaUrl();
  let current = globalForReplica.raporReplica;
  if (!current || current.url !== url) {
    current = { url, client: null, primaryRevision: -1, replicaRevision: -1, checking: null, served: { replica: 0, primary: 0 } };
    globalForReplica.raporReplica = current;
  }
  return current;
}

/** Every read of the primary's revision reports it here. */
export function notePrimaryRevision(revision: number | null): void {
  if (revision === null) return;
  const s = state();
  if (revision > s.primaryRevision) s.primaryRevision = revision;
}

function refreshReplicaRevision(s: ReplicaState): Promise<void> {
  s.checking ??= (async () => {
    try {
      s.client ??= createPrismaClient(s.url!);
      const row = await s.client.dataRevision.findUnique({ where: { id: 1 }, select: { value: true } });
      s.replicaRevision = row?.value ?? -1;
    } catch (error) {
      s.replicaRevision = -1;
      console.error(`rapor: cannot read the replica's revision, reading the primary: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      s.checking = null;
    }
  })();
  return s.checking;
}

/**
 * The client for public reads: the replica when one is configured and it holds every change
 * seen on the primary, else the primary. When the replica is behind, this read goes to the
 * primary and the replica's revision is read again in the background.
 */
export function publicDb(): PrismaClient {
  const s = state();
  if (!s.url) return db();
  if (s.primaryRevision >= 0 && s.replicaRevision >= s.primaryRevision && s.client) {
    s.served.replica++;
    return s.client;
  }
  void refreshReplicaRevision(s);
  s.served.primary++;
  return db();
}

/**
 * Like publicDb, for a read that must hold `revision`: waits for one fresh look at the replica
 * when it is not known to be there yet (the public record, built once per revision).
 */
export async function publicDbAt(revision: number): Promise<PrismaClient> {
  const s = state();
  notePrimaryRevision(revision);
  if (!s.url) return db();
  if (s.replicaRevision < revision || !s.client) await refreshReplicaRevision(s);
  return publicDb();
}

/** How many public reads each side served, in this process. */
export function publicReadCounts(): { replica: number; primary: number } {
  return { ...state().served };
}
