/**
 * db:copy (lib/db/copy.ts) names the tables it copies: a model added to the schema must be
 * added there too (or to NOT_COPIED, with a reason), else a move would silently leave it behind.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { COPIED_TABLES, NOT_COPIED } from "@/lib/db/copy";

const schema = readFileSync(join(resolve(__dirname, "..", ".."), "prisma", "schema.prisma"), "utf8");
const models = [...schema.matchAll(/^model (\w+) \{([^}]*)\}/gm)].map((m) => ({ name: m[1]!, body: m[2]! }));

describe("the tables db:copy copies", () => {
  it("are every model of the schema but those it says it leaves", () => {
    expect([...COPIED_TABLES.map((t) => t.model), ...NOT_COPIED].sort()).toEqual(models.map((m) => m.name).sort());
  });

  it("move the id sequence of exactly the models with an autoincrement id", () => {
    const serial = models.filter((m) => /\bid\s+Int\s+@id @default\(autoincrement\(\)\)/.test(m.body)).map((m) => m.name);
    expect(COPIED_TABLES.filter((t) => t.serialId).map((t) => t.model).sort()).toEqual(serial.sort());
  });

  it("come after the tables they refer to", () => {
    const order = COPIED_TABLES.map((t) => t.model);
    let checked = 0;
    for (const m of models.filter((x) => order.includes(x.name))) {
      for (const ref of m.body.matchAll(/^\s+\w+\s+(\w+)\??\s+@relation\([^)]*fields:/gm)) {
        const parent = ref[1]!;
        if (parent === m.name) continue; // a self-reference, written after the rows
        expect(order.indexOf(parent), `${m.name} after ${parent}`).toBeLessThan(order.indexOf(m.name));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });
});
