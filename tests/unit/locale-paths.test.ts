import { describe, expect, it } from "vitest";
import { localizePath, splitLocale } from "@/lib/i18n/paths";

describe("localizePath", () => {
  it("leaves Indonesian unprefixed and puts English under /en", () => {
    expect(localizePath("/peringkat?tahun=2024", "id")).toBe("/peringkat?tahun=2024");
    expect(localizePath("/peringkat?tahun=2024", "en")).toBe("/en/peringkat?tahun=2024");
    expect(localizePath("/", "en")).toBe("/en");
    expect(localizePath("/?tahun=2024", "en")).toBe("/en?tahun=2024");
    expect(localizePath("/#peta", "en")).toBe("/en#peta");
    expect(localizePath("/", "id")).toBe("/");
  });

  it("does not touch external or relative links", () => {
    expect(localizePath("https://ombudsman.go.id", "en")).toBe("https://ombudsman.go.id");
    expect(localizePath("#tahun-2024", "en")).toBe("#tahun-2024");
  });
});

describe("splitLocale", () => {
  it("recovers the app path and the locale", () => {
    expect(splitLocale("/en/provinsi/jawa-timur")).toEqual({ path: "/provinsi/jawa-timur", locale: "en" });
    expect(splitLocale("/en")).toEqual({ path: "/", locale: "en" });
    expect(splitLocale("/provinsi/jawa-timur")).toEqual({ path: "/provinsi/jawa-timur", locale: "id" });
    expect(splitLocale("/english-page")).toEqual({ path: "/english-page", locale: "id" });
    expect(splitLocale("/")).toEqual({ path: "/", locale: "id" });
  });

  it("is the inverse of localizePath", () => {
    for (const path of ["/", "/peringkat", "/instansi/pemkot-banjarmasin"]) {
      for (const locale of ["id", "en"]) expect(splitLocale(localizePath(path, locale))).toEqual({ path, locale });
    }
  });
});
