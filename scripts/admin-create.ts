/**
 * npm run admin:create -- --email E [--name N] [--role ADMIN|EDITOR] [--province CODE ...]
 * Create a user on DATABASE_URL. The password is prompted (hidden) on a terminal, or read from
 * the first line of stdin otherwise: there is no default password.
 */
import { createInterface } from "node:readline";
import { createPrismaClient } from "@/lib/db/client";
import { roleSchema } from "@/lib/ledger/schemas/user";
import { createUserWithPassword } from "@/lib/ledger/users";
import { migrate, scriptEnv } from "./lib";

function parseArgs(argv: string[]): { email?: string; name?: string; role: string; provinces: string[] } {
  const args = { role: "ADMIN", provinces: [] as string[] } as { email?: string; name?: string; role: string; provinces: string[] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!value) continue;
    if (flag === "--email") args.email = value;
    else if (flag === "--name") args.name = value;
    else if (flag === "--role") args.role = value.toUpperCase();
    else if (flag === "--province") args.provinces.push(value);
    else continue;
    i++;
  }
  return args;
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return "";
  }
  // On a terminal: prompt twice, echoing nothing.
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(prompt);
      const stdin = process.stdin;
      stdin.setRawMode(true);
      stdin.resume();
      let text = "";
      const onData = (chunk: Buffer) => {
        for (const ch of chunk.toString("utf8")) {
          if (ch === "\r" || ch === "\n") {
            stdin.setRawMode(false);
            stdin.pause();
            stdin.off("data", onData);
            process.stdout.write("\n");
            resolve(text);
            return;
          }
          if (ch === "\u0003") process.exit(130);
          if (ch === "\u007f") text = text.slice(0, -1);
          else text += ch;
        }
      };
      stdin.on("data", onData);
    });
  const first = await ask("Password: ");
  const second = await ask("Repeat password: ");
  if (first !== second) throw new Error("the passwords differ");
  return first;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.email) throw new Error("usage: npm run admin:create -- --email E [--role ADMIN|EDITOR] [--province 63 ...]");
  // Checked before the password is asked for; the rest by the same schema as the users page.
  const role = roleSchema.safeParse(args.role);
  if (!role.success) throw new Error(`--role: ${role.error.issues[0]!.message}`);
  const env = scriptEnv();
  process.env.DATABASE_URL = env.DATABASE_URL;
  migrate(env);
  const password = await readPassword();
  const prisma = createPrismaClient(env.DATABASE_URL);
  try {
    const provinces = await prisma.province.findMany({ where: { code: { in: args.provinces } } });
    if (provinces.length !== args.provinces.length) throw new Error(`unknown province code in ${args.provinces.join(", ")}`);
    const created = await createUserWithPassword(
      { email: args.email, name: args.name, role: role.data, provinceIds: provinces.map((p) => p.id), password },
      prisma,
    );
    if (!created.ok) throw new Error(created.message);
    console.log(`rapor: created ${args.role} ${args.email.toLowerCase()}`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`rapor: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
