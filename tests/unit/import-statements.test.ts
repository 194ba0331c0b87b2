/** The import plan with the fact columns: group statements, repeated rows merged (the seed), the province of the year. */
import { describe, expect, it } from "vitest";
import { checkResultRow } from "@/lib/ledger/schemas/result-row";
import { statementKey } from "@/lib/ledger/import/context";
import { planImport } from "@/lib/ledger/import/plan";
import { statementGroup } from "@/lib/ledger/import/plan-statements";
import { ENTITY, PROVINCE, importContext, row } from "./import-context";
import { METHODOLOGY_2023 } from "./fixtures";

const URL = "https://ombudsman.go.id/kalsel-2024";
const kalsel = { year: "2024", province: "KALIMANTAN SELATAN", source_url: URL };

describe("the fact columns of a row", () => {
  it("read 'ya' or empty (and a few spellings of each), and refuse anything else by name", () => {
    const checked = checkResultRow(row(2, { ...kalsel, entity_type: "PEMKOT", entity_name: "Banjarmasin", score: "95.45", national_rank: "24", year_inferred: "Ya", rank_from_list: "x", disputed: "tidak" }).values);
    expect(checked.issues).toEqual([]);
    expect(checked.cells).toMatchObject({ year_inferred: true, rank_from_list: true, disputed: false, group_statement: false });
    const bad = checkResultRow(row(2, { ...kalsel, entity_type: "PEMKOT", entity_name: "Banjarmasin", score: "95.45", disputed: "mungkin" }).values);
    expect(bad.issues).toEqual([{ column: "disputed", message: 'disputed "mungkin" harus "ya" atau kosong.' }]);
  });

  it("refuse a fact the row cannot carry: a list rank without a rank, a group statement with one entity's score", () => {
    const noRank = checkResultRow(row(2, { ...kalsel, entity_type: "PEMKOT", entity_name: "Banjarmasin", score: "95.45", rank_from_list: "ya" }).values);
    expect(noRank.issues.map((i) => i.column)).toEqual(["rank_from_list"]);
    const scored = checkResultRow(row(2, { ...kalsel, entity_type: "PEMKOT", entity_name: "Banjarmasin", score: "95.45", group_statement: "ya" }).values);
    expect(scored.issues.map((i) => i.column)).toEqual(["group_statement"]);
  });
});

describe("group statements", () => {
  it("become one statement per source and figures, its members the entities named — not results", () => {
    const plan = planImport(
      [
        row(2, { ...kalsel, entity_type: "PEMKOT", entity_name: "Banjarmasin", zone: "HIJAU", opinion: "Kualitas Tertinggi", group_statement: "ya" }),
        row(3, { ...kalsel, entity_type: "PEMKAB", entity_name: "Tanah Laut", zone: "HIJAU", opinion: "Kualitas Tertinggi", group_statement: "ya" }),
        row(4, { ...kalsel, entity_type: "PEMKAB", entity_name: "Tanah Laut", score: "80", source_url: "https://x.test/tala" }),
      ],
      importContext(),
    );
    expect(plan.committable).toBe(true);
    expect(plan.groups.map((g) => [g.entityName, g.lines])).toEqual([["Kabupaten Tanah Laut", [4]]]);
    expect(plan.statements).toEqual([
      {
        action: "create",
        key: { year: 2024, provinceId: PROVINCE.KALSEL, entityGroup: "PEMDA", sourceUrl: URL, zone: "HIJAU", category: null, opinion: "Kualitas Tertinggi" },
        lines: [2, 3],
        members: [{ kind: "existing", id: ENTITY.BANJARMASIN }, { kind: "existing", id: ENTITY.TANAH_LAUT }],
        newMembers: [{ kind: "existing", id: ENTITY.BANJARMASIN }, { kind: "existing", id: ENTITY.TANAH_LAUT }],
        existingId: null,
        yearInferred: false,
        notes: "",
      },
    ]);
    expect([...plan.rowStatus]).toEqual([[4, "create"], [2, "create"], [3, "create"]]);
  });

  it("adds only new members to a stored statement, and leaves it as it is when nothing is new", () => {
    const key = { year: 2024, provinceId: PROVINCE.KALSEL, entityGroup: "PEMKOT", sourceUrl: URL, zone: "HIJAU" as const, category: null, opinion: null };
    const ctx = importContext({ statements: new Map([[statementKey(key), { id: 7, memberIds: new Set([ENTITY.BANJARMASIN]) }]]) });
    const same = planImport([row(2, { ...kalsel, entity_type: "PEMKOT", entity_name: "Banjarmasin", zone: "HIJAU", group_statement: "ya" })], ctx);
    expect(same.statements.map((s) => [s.action, s.existingId, s.newMembers])).toEqual([["unchanged", 7, []]]);
  });

  it("are about the members' type, else their province group, else all", () => {
    expect(statementGroup(["PEMKOT", "PEMKOT"])).toBe("PEMKOT");
    expect(statementGroup(["PEMKAB", "PEMKOT", "PEMPROV"])).toBe("PEMDA");
    expect(statementGroup(["PEMKAB", "POLRES"])).toBe("ALL");
  });
});

describe("repeated rows", () => {
  const rows = [
    row(2, { ...kalsel, entity_type: "PEMKOT", entity_name: "Banjarmasin", score: "95.45", notes: "a" }),
    row(3, { ...kalsel, entity_type: "PEMKOT", entity_name: "Kota Banjarmasin", score: "95.45", notes: "b", disputed: "ya" }),
  ];

  it("are refused in an upload", () => {
    expect(planImport(rows, importContext()).issues.map((i) => [i.line, i.message])).toEqual([[3, "Duplikat baris 2: instansi, tahun, sumber dan nilai yang sama."]]);
  });

  it("are merged into one source when the importer is told so (the seed): every line kept, facts added", () => {
    const plan = planImport(rows, importContext({ mergeRepeatedRows: true }));
    expect(plan.committable).toBe(true);
    expect(plan.groups[0]!.sources).toEqual([expect.objectContaining({ line: 2, alsoLines: [3], notes: "a / b", disputed: true })]);
    expect(plan.groups[0]!.hasConflict).toBe(true);
    // Kota Banjarmasin 2024 is stored: both lines update it, as one source.
    expect([...plan.rowStatus]).toEqual([[2, "update"], [3, "update"]]);
  });
});

describe("the province of the assessment year", () => {
  const ctx = importContext({ methodologies: new Map([[2022, { ...METHODOLOGY_2023, year: 2022 }], [2023, METHODOLOGY_2023]]) });
  const merauke = (year: string, province: string) => row(2, { year, entity_type: "PEMKAB", entity_name: "Merauke", province, score: "70", source_url: URL });

  it("accepts a 2022 row naming a Papua Selatan entity under Papua (the year of the split), and stores Papua", () => {
    const plan = planImport([merauke("2022", "PAPUA")], ctx);
    expect(plan.committable).toBe(true);
    expect(plan.groups[0]!.fields.provinceId).toBe(PROVINCE.PAPUA);
    // Under its own province in the year of the split too.
    expect(planImport([merauke("2022", "PAPUA SELATAN")], ctx).groups[0]!.fields.provinceId).toBe(PROVINCE.PAPUA_SELATAN);
  });

  it("refuses Papua for the year after the split, naming the province of that year", () => {
    expect(planImport([merauke("2023", "PAPUA")], ctx).issues.map((i) => i.message)).toEqual(["Kabupaten Merauke berada di Papua Selatan, bukan di Papua."]);
  });
});
