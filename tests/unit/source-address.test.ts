import { describe, expect, it } from "vitest";
import { sourceAddress } from "@/lib/domain/source-address";

describe("what a source's address tells", () => {
  it("a site's home page only: the article's address is unknown", () => {
    expect(sourceAddress("https://kalselhits.com/")).toEqual({ site: "kalselhits.com", homePageOnly: true });
    expect(sourceAddress("https://www.kalselhits.com")).toEqual({ site: "kalselhits.com", homePageOnly: true });
  });

  it("an article, including one addressed by a query", () => {
    expect(sourceAddress("https://interaksi.co/penilaian-2024").homePageOnly).toBe(false);
    expect(sourceAddress("https://info86news.com/?p=13124")).toEqual({ site: "info86news.com", homePageOnly: false });
  });

  it("text that is not an address is shown as it is", () => {
    expect(sourceAddress("arsip cetak")).toEqual({ site: "arsip cetak", homePageOnly: false });
  });
});
