import { describe, expect, it } from "vitest";
import { describeEntry, type Lookup } from "@/lib/ledger/history-view";

const lookup: Lookup = {
  entity: (id) => (id === 7 ? "Kota Banjarmasin" : `#${id}`),
  province: (id) => (id === 63 ? "Kalimantan Selatan" : null),
  methodology: () => null,
  current: () => undefined,
};

const snapshot = (score: number, status = "PUBLISHED", extra: Record<string, unknown> = {}) => ({
  entityId: 7,
  year: 2024,
  provinceId: 63,
  score,
  publishedZone: null,
  publishedCategory: null,
  publishedOpinion: null,
  status,
  publishedAt: null,
  deletedAt: null,
  sourceUrl: "https://sumber.example/",
  notes: "",
  ...extra,
});

describe("a history entry as people read it", () => {
  it("a result's change: only the fields that differ, by their shown names, with the status change", () => {
    const detail = describeEntry(
      { targetType: "RESULT", targetId: "1", action: "PUBLISH", before: JSON.stringify(snapshot(8312, "DRAFT")), after: JSON.stringify(snapshot(7312, "PUBLISHED", { publishedZone: "HIJAU" })) },
      lookup,
    );
    expect(detail.kind).toBe("fields");
    if (detail.kind !== "fields") return;
    expect(detail.status).toEqual({ before: "DRAFT", after: "PUBLISHED" });
    expect(detail.changes.map((c) => c.field)).toEqual(["score", "zone"]);
    expect(detail.changes[0]).toMatchObject({ before: 8312, after: 7312 });
    expect(detail.changes[1]).toMatchObject({ before: null, after: "HIJAU" });
  });

  it("a release: one entry with a row per result, public before (or none, for a draft) → after", () => {
    const after = {
      release: { id: 3, name: "Kalsel 2025" },
      direction: "publish",
      skipped: [{ resultId: 9, reason: "x" }],
      rows: [
        { resultId: 1, entity: "Kabupaten Banjar", year: 2025, revision: false, version: 3, before: snapshot(8325, "DRAFT"), after: snapshot(8325, "PUBLISHED") },
        { resultId: 2, entity: "Kota Banjarmasin", year: 2024, revision: true, version: 5, before: snapshot(9545), after: snapshot(9000) },
      ],
    };
    const detail = describeEntry({ targetType: "RELEASE", targetId: "3", action: "PUBLISH", before: null, after: JSON.stringify(after) }, lookup);
    expect(detail.kind).toBe("rows");
    if (detail.kind !== "rows") return;
    expect(detail.skipped).toBe(1);
    expect(detail.rows.map((r) => [r.name, r.change, r.before?.score ?? null, r.after?.score])).toEqual([
      ["Kabupaten Banjar 2025", "published", null, 8325],
      ["Kota Banjarmasin 2024", "revisionPublished", 9545, 9000],
    ]);
  });

  it("other rows keep their raw fields", () => {
    const detail = describeEntry({ targetType: "USER", targetId: "u", action: "UPDATE", before: JSON.stringify({ role: "EDITOR" }), after: JSON.stringify({ role: "ADMIN" }) }, lookup);
    expect(detail).toEqual({ kind: "raw", changes: [{ field: "role", before: "EDITOR", after: "ADMIN" }] });
  });
});
