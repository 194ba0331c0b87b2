import { describe, expect, it } from "vitest";
import { parseTypeFilter, provinceGroupOf, typesOfFilter, typesOfGroup } from "@/lib/domain/groups";

describe("Pemda grouping", () => {
  it("puts Pemprov, Pemkab and Pemkot in the Pemda group and keeps other types apart", () => {
    expect(provinceGroupOf("PEMPROV")).toBe("PEMDA");
    expect(provinceGroupOf("PEMKAB")).toBe("PEMDA");
    expect(provinceGroupOf("PEMKOT")).toBe("PEMDA");
    expect(provinceGroupOf("POLRES")).toBe("POLRES");
    expect(provinceGroupOf("KANTOR_PERTANAHAN")).toBe("KANTOR_PERTANAHAN");
    // Jakarta's administrative cities are not autonomous: not Pemda.
    expect(provinceGroupOf("KOTA_ADMINISTRASI")).toBe("KOTA_ADMINISTRASI");
  });

  it("expands a group key into its types", () => {
    expect(typesOfGroup("PEMDA")).toEqual(["PEMPROV", "PEMKAB", "PEMKOT"]);
    expect(typesOfGroup("POLRES")).toEqual(["POLRES"]);
  });

  it("parses the ?jenis= filter, case-insensitively, ignoring unknown values", () => {
    expect(parseTypeFilter("pemda")).toBe("pemda");
    expect(parseTypeFilter(" POLRES ")).toBe("polres");
    expect(parseTypeFilter("kantor_pertanahan")).toBe("kantor_pertanahan");
    expect(parseTypeFilter("dinas")).toBeNull();
    expect(parseTypeFilter(undefined)).toBeNull();
    expect(parseTypeFilter("")).toBeNull();
  });

  it("maps a filter to the entity types it selects", () => {
    expect(typesOfFilter("pemda")).toEqual(["PEMPROV", "PEMKAB", "PEMKOT"]);
    expect(typesOfFilter("kantor_pertanahan")).toEqual(["KANTOR_PERTANAHAN"]);
    expect(typesOfFilter("pemkot")).toEqual(["PEMKOT"]);
  });
});
