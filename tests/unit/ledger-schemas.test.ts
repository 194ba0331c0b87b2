/** The write side's schemas for entities, methodologies, users and tokens (results: result-row and the integration tests). */
import { describe, expect, it } from "vitest";
import { entityInputSchema, entityMergeSchema } from "@/lib/ledger/schemas/entity";
import { methodologyInputSchema } from "@/lib/ledger/schemas/methodology";
import { newTokenSchema, tokenIdSchema } from "@/lib/ledger/schemas/token";
import { newUserSchema, passwordProblem, userAccessSchema } from "@/lib/ledger/schemas/user";

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => [i.path.join("."), i.message]) ?? [];

describe("entity", () => {
  it("reads the form's fields: no province is national, a bad number is named", () => {
    expect(entityInputSchema.parse({ type: "POLRES", name: " Polres Tapin ", provinceId: "63", regencyId: "" })).toEqual({
      type: "POLRES",
      name: "Polres Tapin",
      provinceId: 63,
      regencyId: null,
    });
    expect(messages(entityInputSchema.safeParse({ type: "PEMDA", name: "X", provinceId: "abc", regencyId: null }))).toEqual([
      ["type", "Jenis instansi tidak valid."],
      ["name", "Nama wajib diisi."],
      ["provinceId", "Provinsi tidak valid."],
    ]);
  });

  it("merges two different entities given by number", () => {
    expect(entityMergeSchema.parse({ sourceId: "12", targetId: 7 })).toEqual({ sourceId: 12, targetId: 7 });
    expect(messages(entityMergeSchema.safeParse({ sourceId: "7", targetId: "7" }))).toEqual([["targetId", "Pilih dua instansi yang berbeda."]]);
    expect(messages(entityMergeSchema.safeParse({ sourceId: "", targetId: Number.NaN }))).toEqual([
      ["sourceId", "Isi nomor instansi yang digabungkan."],
      ["targetId", "Isi nomor instansi tujuan."],
    ]);
  });
});

describe("methodology", () => {
  const input = (bands: { min: string; max: string }[], dimensions?: { code: string; name: string; weight: string }[]) => ({
    name: "Penilaian",
    opinionName: "",
    bandsVerified: "on",
    notes: "",
    sources: "",
    bands: bands.map((b) => ({ ...b, zone: "HIJAU", category: "", label: "Pita" })),
    dimensions,
  });

  it("takes bands covering 0–100 once, in hundredths", () => {
    const parsed = methodologyInputSchema.parse(input([{ min: "0", max: "79,99" }, { min: "80", max: "100" }]));
    expect(parsed.bands.map((b) => [b.min, b.max, b.category])).toEqual([[0, 7999, null], [8000, 10000, null]]);
    expect(parsed.bandsVerified).toBe(true);
    expect(parsed.dimensions).toBeUndefined();
  });

  it("names a gap, an overlap, a missing band once each", () => {
    expect(messages(methodologyInputSchema.safeParse(input([{ min: "0", max: "49.99" }, { min: "51", max: "100" }])))).toEqual([["bands", "Ada celah: 50,00–50,99 tidak tercakup."]]);
    expect(messages(methodologyInputSchema.safeParse(input([{ min: "0", max: "60" }, { min: "60", max: "100" }])))).toEqual([["bands", "Pita tumpang tindih di 60,00."]]);
    expect(messages(methodologyInputSchema.safeParse(input([])))).toEqual([["bands", "Paling sedikit satu pita nilai."]]);
  });

  it("refuses weights that do not add up to 100 % when every dimension has one, and a code used twice", () => {
    const bands = [{ min: "0", max: "100" }];
    const dims = (a: string, b: string, code = "proses") => [{ code: "input", name: "Input", weight: a }, { code, name: "Proses", weight: b }];
    expect(methodologyInputSchema.safeParse(input(bands, dims("40", "60"))).success).toBe(true);
    expect(messages(methodologyInputSchema.safeParse(input(bands, dims("40", "50"))))).toEqual([
      ["dimensions", "Jumlah bobot harus tepat 100 % bila semua dimensi berbobot (sekarang 90,00 %)."],
    ]);
    expect(messages(methodologyInputSchema.safeParse(input(bands, dims("40", "", "input"))))).toEqual([["dimensions.1.code", "Kode dimensi input dipakai dua kali."]]);
  });
});

describe("user", () => {
  it("normalises the email, reads the form's role and provinces, and says what is wrong", () => {
    expect(newUserSchema.parse({ email: " Editor@Example.ORG ", role: "EDITOR", provinceIds: ["63", "35"], password: "a long password" })).toEqual({
      email: "editor@example.org",
      name: "",
      role: "EDITOR",
      provinceIds: [63, 35],
      password: "a long password",
    });
    expect(messages(newUserSchema.safeParse({ email: "x@", role: "BOSS", provinceIds: ["x"], password: "short" }))).toEqual([
      ["email", "Alamat email tidak valid."],
      ["role", "Peran harus ADMIN atau EDITOR."],
      ["provinceIds.0", "Provinsi tidak valid."],
      ["password", "Kata sandi minimal 12 karakter."],
    ]);
    expect(passwordProblem("x".repeat(257))).toBe("Kata sandi terlalu panjang.");
    expect(passwordProblem("twelve chars")).toBeNull();
  });

  it("reads the active checkbox as the form sends it", () => {
    expect(userAccessSchema.parse({ role: "ADMIN", provinceIds: [], active: "on" })).toEqual({ role: "ADMIN", provinceIds: [], active: true });
    expect(userAccessSchema.parse({ role: "EDITOR", provinceIds: null, active: null })).toEqual({ role: "EDITOR", provinceIds: [], active: false });
  });
});

describe("API token", () => {
  it("needs a user, names a nameless token, and bounds the name", () => {
    expect(newTokenSchema.parse({ userId: "u1", name: "  " })).toEqual({ userId: "u1", name: "token" });
    expect(messages(newTokenSchema.safeParse({ userId: "", name: "x".repeat(101) }))).toEqual([
      ["userId", "Pilih pengguna."],
      ["name", "Nama token paling panjang 100 karakter."],
    ]);
    expect(tokenIdSchema.safeParse("12").data).toBe(12);
    expect(tokenIdSchema.safeParse("abc").success).toBe(false);
  });
});
