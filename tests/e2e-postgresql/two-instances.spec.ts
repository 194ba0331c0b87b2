/**
 * Issue 16: two instances of the production app on one PostgreSQL database, as behind a load
 * balancer. Nothing one instance keeps in memory is needed by the other: a sign-in on A is valid
 * on B, failed sign-ins count across both, a publish through A is on B's very next response (B
 * had it cached), and the same edit sent through both at once with the same version is applied
 * once: one success, one conflict, one audit entry.
 */
import { spawnSync } from "node:child_process";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { Client } from "pg";

const DATABASE_URL = process.env.E2E_PG_DATABASE_URL!;
const [portA, portB] = process.env.E2E_INSTANCE_PORTS!.split(",").map(Number);
const A = `http://127.0.0.1:${portA}`;
const B = `http://127.0.0.1:${portB}`;
const EMAIL = "two-instances@example.org";
const LOCKED_EMAIL = "two-instances-throttle@example.org";
// Test data for this run's database only; the app itself has no default password.
const PASSWORD = "e2e only: two instances, one database";
const YEAR = 2024;

test.describe.configure({ mode: "serial" });

async function sql<T extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

function createAdmin(email: string): void {
  const created = spawnSync("node_modules/.bin/tsx", ["scripts/admin-create.ts", "--email", email, "--name", email], {
    input: PASSWORD + "\n",
    env: { ...process.env, DATABASE_URL },
    encoding: "utf8",
  });
  if (created.status !== 0) throw new Error(`admin:create failed: ${created.stderr}${created.stdout}`);
}

async function signIn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/admin/masuk`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

/** A Kalimantan Selatan land office with no result for YEAR. */
async function freeEntity(): Promise<{ id: number; slug: string; name: string }> {
  const rows = await sql<{ id: number; slug: string; name: string }>(
    `SELECT e.id, e.slug, e.name FROM "Entity" e JOIN "Province" p ON p.id = e."provinceId"
     WHERE p.code = '63' AND e.type = 'KANTOR_PERTANAHAN'
       AND NOT EXISTS (SELECT 1 FROM "Result" r WHERE r."entityId" = e.id AND r.year = $1)
     ORDER BY e.id LIMIT 1`,
    [YEAR],
  );
  if (!rows[0]) throw new Error("no free entity in the database");
  return rows[0];
}

async function entityYears(request: APIRequestContext, base: string, slug: string): Promise<{ years: number[]; cache: string | null; score: number | null }> {
  const response = await request.get(`${base}/api/v1/entities/${slug}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { data: { results: { year: number; score: number | null }[] } };
  return {
    years: body.data.results.map((r) => r.year),
    cache: response.headers()["x-rapor-cache"] ?? null,
    score: body.data.results.find((r) => r.year === YEAR)?.score ?? null,
  };
}

let session: { cookie: string } | null = null;
let target: { id: number; slug: string; name: string };
let resultId: number;

test.beforeAll(() => {
  createAdmin(EMAIL);
  createAdmin(LOCKED_EMAIL);
});

test("a sign-in on one instance is valid on the other", async ({ page }) => {
  await page.goto(`${B}/admin/hasil`);
  await expect(page).toHaveURL(`${B}/admin/masuk`);
  await signIn(page, A, EMAIL, PASSWORD);
  await expect(page).toHaveURL(`${A}/admin/hasil`);
  // Cookies belong to the host, not the port: as behind one balancer, B gets the same cookie.
  await page.goto(`${B}/admin/hasil`);
  await expect(page).toHaveURL(`${B}/admin/hasil`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hasil penilaian");
  const cookies = await page.context().cookies(B);
  session = { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") };
  expect(session.cookie).toContain("session_token");
});

test("failed sign-ins count on both instances together", async ({ page }) => {
  for (let i = 0; i < 5; i++) {
    await signIn(page, i % 2 === 0 ? A : B, LOCKED_EMAIL, `wrong password ${i}`);
    await expect(page.locator(`main [role="alert"]`)).toHaveText("Email atau kata sandi salah.");
  }
  // Three failures went to A and two to B: the lock holds on both, even for the right password.
  for (const base of [A, B]) {
    await signIn(page, base, LOCKED_EMAIL, PASSWORD);
    await expect(page.locator(`main [role="alert"]`)).toContainText("Terlalu banyak percobaan gagal.");
  }
});

test("a publish through one instance is on the other's very next response", async ({ page, request }) => {
  target = await freeEntity();
  const headers = { cookie: session!.cookie };
  // B has the entity cached.
  await entityYears(request, B, target.slug);
  const cached = await entityYears(request, B, target.slug);
  expect(cached.cache).toBe("hit");
  expect(cached.years).not.toContain(YEAR);

  // A draft entered through A: not public on B, though B notices the write (a new revision).
  const created = await request.post(`${A}/api/v1/results`, {
    headers,
    data: { entityId: target.id, year: YEAR, score: "83,40", sourceUrl: "https://ombudsman.go.id/contoh-dua-instansi" },
  });
  expect(created.status(), await created.text()).toBe(201);
  resultId = ((await created.json()) as { id: number }).id;
  const afterDraft = await entityYears(request, B, target.slug);
  expect(afterDraft.cache).toBe("miss");
  expect(afterDraft.years).not.toContain(YEAR);
  await entityYears(request, B, target.slug); // cached again

  // Published through A's admin page (a server action on A).
  await signIn(page, A, EMAIL, PASSWORD);
  await expect(page).toHaveURL(`${A}/admin/hasil`);
  await page.goto(`${A}/admin/publikasi`);
  const row = page.locator(`section[data-year="${YEAR}"] tr[data-type="KANTOR_PERTANAHAN"]`);
  await row.getByRole("button", { name: "Terbitkan" }).click();
  await expect(page.locator(`main [role="status"]`)).toContainText("hasil diperbarui");

  // B's very next answer has it, in the API and on the public page.
  const afterPublish = await entityYears(request, B, target.slug);
  expect(afterPublish.years).toContain(YEAR);
  expect(afterPublish.score).toBe(83.4);
  await page.goto(`${B}/instansi/${target.slug}`);
  await expect(page.locator(`tr[data-year="${YEAR}"]`)).toContainText("83,40");
});

test("the same edit through both instances with the same version: one success, one conflict, one audit entry", async ({ request }) => {
  const headers = { cookie: session!.cookie };
  for (const [round, scores] of [
    ["first", ["84,10", "85,20"]],
    ["second", ["86,30", "87,40"]],
    ["third", ["88,50", "89,60"]],
  ] as const) {
    const { version } = (await sql<{ version: number }>(`SELECT version FROM "Result" WHERE id = $1`, [resultId]))[0]!;
    const auditBefore = await sql<{ id: number }>(`SELECT id FROM "AuditLog" WHERE "targetType" = 'RESULT' AND "targetId" = $1`, [String(resultId)]);
    // Sent together, one through each instance.
    const [viaA, viaB] = await Promise.all([
      request.patch(`${A}/api/v1/results/${resultId}`, { headers, data: { score: scores[0], version } }),
      request.patch(`${B}/api/v1/results/${resultId}`, { headers, data: { score: scores[1], version } }),
    ]);
    const statuses = [viaA.status(), viaB.status()];
    expect(statuses.sort(), round).toEqual([200, 409]);
    const [winner, loser] = viaA.status() === 200 ? [viaA, viaB] : [viaB, viaA];
    const winningScore = viaA.status() === 200 ? scores[0] : scores[1];
    const losingScore = viaA.status() === 200 ? scores[1] : scores[0];
    expect(((await winner.json()) as { version: number }).version).toBe(version + 1);
    const conflict = (await loser.json()) as { error: string; message: string; currentVersion: number };
    expect(conflict.error).toBe("stale");
    expect(conflict.message).toContain("sudah diubah orang lain");

    // The result holds the winner's value; the audit trail has exactly one new entry, the
    // winner's change from `version`, and the refused edit left nothing.
    const hundredths = (text: string) => Math.round(Number(text.replace(",", ".")) * 100);
    const [stored] = await sql<{ score: number; version: number }>(`SELECT score, version FROM "Result" WHERE id = $1`, [resultId]);
    expect(stored).toEqual({ score: hundredths(winningScore), version: version + 1 });
    const added = await sql<{ action: string; before: string; after: string }>(
      `SELECT action, before, after FROM "AuditLog" WHERE "targetType" = 'RESULT' AND "targetId" = $1 AND NOT (id = ANY($2::int[])) ORDER BY id`,
      [String(resultId), auditBefore.map((r) => r.id)],
    );
    expect(added).toHaveLength(1);
    expect(added[0]!.action).toBe("UPDATE");
    expect(JSON.parse(added[0]!.after)).toMatchObject({ score: hundredths(winningScore) });
    expect(JSON.stringify(added)).not.toContain(String(hundredths(losingScore)));
  }

  // Both instances answer the value stored last.
  const [last] = await sql<{ score: number }>(`SELECT score FROM "Result" WHERE id = $1`, [resultId]);
  for (const base of [A, B]) expect((await entityYears(request, base, target.slug)).score).toBe(last!.score / 100);
});
