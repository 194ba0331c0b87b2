import { describe, expect, it } from "vitest";
import { notFoundPageUrl } from "@/lib/server/not-found-page";

describe("notFoundPageUrl: where an unknown entity or province is answered from", () => {
  it("sends an entity or province address one segment deeper, keeping its language and query", () => {
    expect(notFoundPageUrl("/instansi/tidak-ada")).toBe("/instansi/tidak-ada/tidak-ditemukan");
    expect(notFoundPageUrl("/en/provinsi/atlantis?tahun=2024")).toBe("/en/provinsi/atlantis/tidak-ditemukan?tahun=2024");
    expect(notFoundPageUrl("/provinsi/atlantis/")).toBe("/provinsi/atlantis/tidak-ditemukan");
  });

  it("leaves every other address to the app", () => {
    for (const url of ["/", "/peringkat?tahun=2024", "/instansi", "/instansi/a/b", "/api/v1/entities/x", "/id/instansi/x", "/enx/instansi/x", "/instansi/%FF", "/instansi/%25", "/en/instansi/%ED%A0%80", "/instansi/a%2Fb"]) {
      expect(notFoundPageUrl(url), url).toBeNull();
    }
  });
});
