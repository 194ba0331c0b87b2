/**
 * Public reads on a read replica never show less than a change already seen on the primary:
 * the revision decides which database answers (lib/db/replica.ts). The "replica" here is a
 * second database loaded with the same data and marked (one province renamed), whose revision
 * the test sets to play a replica that has, or has not yet, replayed the primary's changes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresRevisionReader } from "@/lib/db/revision-postgres";
import { publicDb, publicDbAt, publicReadCounts } from "@/lib/db/replica";
import { seedDatabase } from "@/lib/ledger/seed";
import { getPublicDataset } from "@/lib/record/dataset";
import { getProvinces } from "@/lib/record/provinces";
import { createTempDatabase, testPostgresServer, type TempDatabase } from "../helpers/temp-db";

const MARK = "Kalimantan Selatan (replika)";

describe.skipIf(!testPostgresServer())("public reads with DATABASE_REPLICA_URL (PostgreSQL)", () => {
  let primary: TempDatabase;
  let replica: TempDatabase;
  const saved = { url: process.env.DATABASE_URL, replica: process.env.DATABASE_REPLICA_URL };

  const revisionOf = async (tdb: TempDatabase) => (await tdb.prisma.dataRevision.findUniqueOrThrow({ where: { id: 1 } })).value;
  const setReplicaRevision = (value: number) => replica.prisma.dataRevision.update({ where: { id: 1 }, data: { value } });
  const kalsel = async () => (await getProvinces()).find((p) => p.code === "63")!.name;

  beforeAll(async () => {
    primary = createTempDatabase("replica-primary");
    replica = createTempDatabase("replica-copy");
    await seedDatabase(primary.prisma);
    await seedDatabase(replica.prisma);
    await replica.prisma.province.update({ where: { code: "63" }, data: { name: MARK } });
    process.env.DATABASE_URL = primary.url;
    process.env.DATABASE_REPLICA_URL = replica.url;
    delete (globalThis as { raporPrisma?: unknown }).raporPrisma;
    delete (globalThis as { raporReplica?: unknown }).raporReplica;
  }, 180_000);

  afterAll(async () => {
    const state = (globalThis as { raporReplica?: { client: { $disconnect: () => Promise<void> } | null } }).raporReplica;
    await state?.client?.$disconnect();
    delete (globalThis as { raporReplica?: unknown }).raporReplica;
    const client = (globalThis as { raporPrisma?: { $disconnect: () => Promise<void> } }).raporPrisma;
    await client?.$disconnect();
    delete (globalThis as { raporPrisma?: unknown }).raporPrisma;
    process.env.DATABASE_URL = saved.url;
    if (saved.replica === undefined) delete process.env.DATABASE_REPLICA_URL;
    else process.env.DATABASE_REPLICA_URL = saved.replica;
    await primary.dispose();
    await replica.dispose();
  });

  it("reads the replica once it holds the revision seen on the primary", async () => {
    const readRevision = createPostgresRevisionReader(primary.url);
    const seen = (await readRevision())!;
    await setReplicaRevision(seen);
    await publicDbAt(seen);
    expect(await kalsel()).toBe(MARK);
  });

  it("reads the primary while the replica is behind a change, then the replica again once it caught up", async () => {
    const readRevision = createPostgresRevisionReader(primary.url);
    const before = publicReadCounts();
    const banjarmasin = async () => (await getPublicDataset()).entities.bySlug.get("pemkot-banjarmasin")!.name;
    const rename = (db: TempDatabase, name: string) => db.prisma.entity.update({ where: { slug: "pemkot-banjarmasin" }, data: { name } });

    // A change on the primary (an entity renamed: every year is rebuilt), not yet on the replica.
    await rename(primary, "Kota Banjarmasin (satu)");
    const seen = (await readRevision())!;
    expect(seen).toBeGreaterThan(await revisionOf(replica));
    // Public reads go to the primary: its names, and the change.
    expect(await banjarmasin()).toBe("Kota Banjarmasin (satu)");
    expect(await kalsel()).toBe("Kalimantan Selatan");
    expect(publicReadCounts().primary).toBeGreaterThan(before.primary);

    // The next change, which the replica has replayed by the time it is read: back to the replica.
    await rename(primary, "Kota Banjarmasin (dua)");
    await rename(replica, "Kota Banjarmasin (dua)");
    await setReplicaRevision((await readRevision())!);
    expect(await banjarmasin()).toBe("Kota Banjarmasin (dua)");
    expect(await kalsel()).toBe(MARK);
    expect(publicReadCounts().replica).toBeGreaterThan(before.replica);
  });

  it("refuses a replica URL that is not PostgreSQL", () => {
    process.env.DATABASE_REPLICA_URL = "file:./data/replica.db";
    try {
      expect(() => publicDb()).toThrow(/DATABASE_REPLICA_URL must be a postgresql:\/\/ URL/);
    } finally {
      process.env.DATABASE_REPLICA_URL = replica.url;
    }
  });
});
