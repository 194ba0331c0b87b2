/**
 * Issue 15 (12) with the real `npm start` on the production build: SIGTERM to the whole process
 * group while an upload is still arriving lets the upload finish and be answered, refuses new
 * connections, and then every process exits; SIGTERM to npm alone stops the server too (it used
 * to keep running). Each run starts its own server on a free port, on the e2e database.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { freePort } from "../../scripts/bench-http.mjs";

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./tests/.tmp/e2e.db";
const EMAIL = "e2e-shutdown@example.org";
const PASSWORD = "e2e only: shutdown staple battery";
const HEADER = "year,entity_type,entity_name,province,score,zone,category,opinion,national_rank,province_rank,source_url,notes";

interface Started {
  npm: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start` in its own process group, on a free port; resolves once it is ready. */
async function npmStart(): Promise<Started> {
  const npm = spawn("npm", ["start"], {
    detached: true,
    env: { ...process.env, DATABASE_URL, PORT: String(await freePort()), RAPOR_WARM_UP: "off", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  npm.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  npm.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ready = /ready on http:\/\/localhost:(\d+)/.exec(output);
    if (ready) return { npm, port: Number(ready[1]), output: () => output, exited };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  process.kill(-npm.pid!, "SIGKILL");
  throw new Error(`npm start did not get ready:\n${output}`);
}

/** Every process of the group has exited (no process left with that group id). */
function groupGone(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return false;
  } catch {
    return true;
  }
}

/** Sign in on the sign-in page (a server action: not subject to the per-IP limit of the HTTP endpoint). */
async function signIn(page: Page, port: number): Promise<string> {
  const base = `http://localhost:${port}`;
  await page.goto(`${base}/admin/masuk`);
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/admin\/hasil$/);
  return (await page.context().cookies(base)).map((c) => `${c.name}=${c.value}`).join("; ");
}

test.beforeAll(() => {
  const created = spawnSync("node_modules/.bin/tsx", ["scripts/admin-create.ts", "--email", EMAIL, "--name", "E2E Shutdown"], {
    input: PASSWORD + "\n",
    env: { ...process.env, DATABASE_URL },
    encoding: "utf8",
  });
  if (created.status !== 0 && !created.stderr.includes("sudah terdaftar")) throw new Error(`admin:create failed: ${created.stderr}${created.stdout}`);
});

test("SIGTERM to the process group lets an upload in flight finish, then everything exits", async ({ page }) => {
  test.setTimeout(240_000);
  const server = await npmStart();
  const pgid = server.npm.pid!;
  try {
    const cookie = await signIn(page, server.port);
    const boundary = "----rapor-shutdown";
    const csv = `${HEADER}\n2025,PEMKAB,Tanah Laut,KALIMANTAN SELATAN,88.10,,,,,,https://sumber.example/a,\n`;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\npreview\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lambat.csv"\r\nContent-Type: text/csv\r\n\r\n`;
    const tail = `\r\n--${boundary}--\r\n`;
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port: server.port,
          path: "/admin/impor/unggah",
          method: "POST",
          headers: { cookie, origin: `http://localhost:${server.port}`, host: `localhost:${server.port}`, "content-type": `multipart/form-data; boundary=${boundary}` },
        },
        (res) => {
          let body = "";
          res.on("data", (d: Buffer) => (body += d.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      // The upload arrives over two seconds; the signal comes in the middle of it.
      req.write(head);
      setTimeout(() => {
        process.kill(-pgid, "SIGTERM");
        setTimeout(() => {
          req.write(csv);
          req.end(tail);
        }, 2000);
      }, 300);
    });
    const upload = await answer;
    expect(upload.status).toBe(200);
    const last = JSON.parse(upload.body.trim().split("\n").at(-1)!) as { type: string; state: { stage: string; fileName: string } };
    expect(last).toMatchObject({ type: "done", state: { stage: "preview", fileName: "lambat.csv" } });
    // No new connection once draining, and then every process of the group exits.
    await expect(fetch(`http://127.0.0.1:${server.port}/api/health`)).rejects.toThrow();
    await expect.poll(() => groupGone(pgid), { timeout: 30_000 }).toBe(true);
    expect(server.output()).toMatch(/rapor: SIGTERM: no new connections; finishing [1-9]\d* request\(s\) in flight/);
    expect(server.output()).toContain("rapor: every request finished; stopped");
  } finally {
    if (!groupGone(pgid)) process.kill(-pgid, "SIGKILL");
  }
});

test("SIGTERM to npm alone stops the server", async () => {
  test.setTimeout(240_000);
  const server = await npmStart();
  const pgid = server.npm.pid!;
  try {
    expect((await fetch(`http://127.0.0.1:${server.port}/api/health`)).status).toBe(200);
    server.npm.kill("SIGTERM");
    await expect.poll(() => groupGone(pgid), { timeout: 30_000 }).toBe(true);
    await expect(fetch(`http://127.0.0.1:${server.port}/api/health`)).rejects.toThrow();
  } finally {
    if (!groupGone(pgid)) process.kill(-pgid, "SIGKILL");
  }
});
