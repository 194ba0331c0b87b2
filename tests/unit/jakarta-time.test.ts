import { describe, expect, it } from "vitest";
import { formatInZone, formatJakarta, parseJakartaLocal, toJakartaLocal } from "@/lib/domain/jakarta-time";
import { DEFAULT_RELEASE_INTERVAL_MS, releaseIntervalFromEnv } from "@/lib/server/release-scheduler";

describe("WIB times", () => {
  it("reads a datetime-local value as Asia/Jakarta (UTC+7), with or without seconds", () => {
    expect(parseJakartaLocal("2026-11-26T14:30")?.toISOString()).toBe("2026-11-26T07:30:00.000Z");
    expect(parseJakartaLocal("2026-11-26T14:30:05")?.toISOString()).toBe("2026-11-26T07:30:05.000Z");
    // Just after midnight WIB is the evening before in UTC.
    expect(parseJakartaLocal("2027-01-01T00:15")?.toISOString()).toBe("2026-12-31T17:15:00.000Z");
  });

  it("refuses malformed and impossible dates instead of rolling them over", () => {
    for (const bad of ["", "besok", "2026-02-30T10:00", "2026-11-26T25:00", "2026-13-01T10:00", "26-11-2026 10:00"]) expect(parseJakartaLocal(bad)).toBeNull();
  });

  it("writes an instant back as WIB, and shows it with the zone named", () => {
    const at = new Date("2026-11-26T07:30:05Z");
    expect(toJakartaLocal(at)).toBe("2026-11-26T14:30");
    expect(formatJakarta(at)).toMatch(/^26 Nov 2026,? 14\.30\.05 WIB$/);
  });
});

describe("the release scheduler's interval", () => {
  it("defaults to 30 s, takes a number of milliseconds, and is off on request", () => {
    expect(releaseIntervalFromEnv(undefined)).toBe(DEFAULT_RELEASE_INTERVAL_MS);
    expect(releaseIntervalFromEnv("1000")).toBe(1000);
    expect(releaseIntervalFromEnv("off")).toBeNull();
    expect(releaseIntervalFromEnv("5")).toBe(DEFAULT_RELEASE_INTERVAL_MS);
    expect(releaseIntervalFromEnv("sering")).toBe(DEFAULT_RELEASE_INTERVAL_MS);
  });
});

describe("formatInZone (the admin's own zone beside WIB)", () => {
  const at = new Date("2026-11-26T06:30:05Z"); // 13.30.05 WIB

  it("adds nothing for a zone with WIB's offset", () => {
    expect(formatInZone(at, "Asia/Jakarta")).toBeNull();
    expect(formatInZone(at, "Asia/Pontianak")).toBeNull();
  });

  it("gives the instant in WITA, WIT and a zone abroad, with the zone's name", () => {
    expect(formatInZone(at, "Asia/Makassar")).toBe("26 Nov 2026, 14.30.05 WITA");
    expect(formatInZone(at, "Asia/Jayapura")).toBe("26 Nov 2026, 15.30.05 WIT");
    expect(formatInZone(at, "Europe/Amsterdam")).toBe("26 Nov 2026, 07.30.05 GMT+1");
  });

  it("follows a zone's daylight saving time (Amsterdam in July: UTC+2)", () => {
    expect(formatInZone(new Date("2026-07-01T06:30:05Z"), "Europe/Amsterdam")).toBe("1 Jul 2026, 08.30.05 GMT+2");
  });

  it("adds nothing for an unknown zone", () => {
    expect(formatInZone(at, "Nowhere/Else")).toBeNull();
  });
});
