import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";
import { accessDate, entityCitation, provinceCitation, rankingsCitation, type CiteContext } from "@/lib/record/citation";
import { entityView } from "@/lib/record/entities";
import { fixtureRecord } from "./fixtures";

const record = fixtureRecord();
const day = new Date("2026-11-26T03:00:00Z");

function context(locale: "id" | "en", address: string): CiteContext {
  const t = createTranslator({ locale, messages: loadMessages(locale) as never, namespace: "cite" as never });
  const intl = locale === "en" ? "en-GB" : "id-ID";
  return { locale: intl, address, accessed: accessDate(day, intl, "Asia/Jakarta"), t: t as unknown as CiteContext["t"] };
}

function cite(slug: string, year: number, locale: "id" | "en") {
  const report = entityView(record, slug)!;
  const y = report.years.find((e) => e.year === year)!;
  return entityCitation(
    { entity: report.entity, year, methodologyName: y.methodology?.name ?? null, row: y.row },
    context(locale, `https://rapor.example${locale === "en" ? "/en" : ""}/instansi/${slug}?tahun=${year}`),
  );
}

describe("entityCitation: a line to paste, from the view model, with each figure's own source", () => {
  it("cites the score, zone, category and the published national rank with its source (both languages)", () => {
    expect(cite("pemkot-banjarmasin", 2024, "id")).toBe(
      "Ombudsman RI, Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik 2024: Kota Banjarmasin 95,45 (Zona Hijau, A), peringkat 24 dari 98 kota. " +
        "Sumber: https://berita.example/2024/pemkot-banjarmasin. Via Rapor, https://rapor.example/instansi/pemkot-banjarmasin?tahun=2024, diakses 26 November 2026.",
    );
    expect(cite("pemkot-banjarmasin", 2024, "en")).toBe(
      "Ombudsman RI, Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik 2024: Kota Banjarmasin 95.45 (Green zone, A), rank 24 of 98 cities. " +
        "Source: https://berita.example/2024/pemkot-banjarmasin. Via Rapor, https://rapor.example/en/instansi/pemkot-banjarmasin?tahun=2024, accessed 26 November 2026.",
    );
  });

  it("says a rank Rapor computed is computed, and with a conflict which value it cites and what the other source states", () => {
    // 2023: both Pemkot assessed are recorded (complete group): the rank is computed; two sources differ on the score.
    expect(cite("pemkot-banjarmasin", 2023, "id")).toBe(
      "Ombudsman RI, Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik 2023: Kota Banjarmasin 88,01 (Zona Hijau, A), peringkat 2 dari 2 kota, dihitung Rapor dari hasil yang tercatat. " +
        "Sumber: https://berita.example/2023/pemkot-banjarmasin. " +
        "Sumber berbeda tentang nilai: dikutip 88,01 (berita.example); disebut juga 88,02 (media.example). " +
        "Via Rapor, https://rapor.example/instansi/pemkot-banjarmasin?tahun=2023, diakses 26 November 2026.",
    );
    expect(cite("pemkot-banjarmasin", 2023, "en")).toBe(
      "Ombudsman RI, Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik 2023: Kota Banjarmasin 88.01 (Green zone, A), rank 2 of 2 cities, computed by Rapor from the recorded results. " +
        "Source: https://berita.example/2023/pemkot-banjarmasin. " +
        "Sources differ on the score: cited 88.01 (berita.example); also stated 88.02 (media.example). " +
        "Via Rapor, https://rapor.example/en/instansi/pemkot-banjarmasin?tahun=2023, accessed 26 November 2026.",
    );
  });

  it("names the score's and the rank's sources apart when different articles state them", () => {
    const report = entityView(record, "pemkot-banjarmasin")!;
    const y = report.years.find((e) => e.year === 2024)!;
    const rankUrl = "https://peringkat.example/2024";
    const row = {
      ...y.row,
      nationalRank: { ...y.row.nationalRank, official: { source: "published" as const, rank: 24, of: 98, sourceUrl: rankUrl } },
      figures: { ...y.row.figures, nationalRank: { value: 24, statedBy: [{ sourceId: 1, url: rankUrl }], alternatives: [], computed: null } },
    };
    const input = { entity: report.entity, year: 2024, methodologyName: y.methodology?.name ?? null, row };
    expect(entityCitation(input, context("id", "https://rapor.example/instansi/pemkot-banjarmasin?tahun=2024"))).toContain(
      `peringkat 24 dari 98 kota. Sumber nilai: https://berita.example/2024/pemkot-banjarmasin; sumber peringkat: ${rankUrl}. Via Rapor`,
    );
    expect(entityCitation(input, context("en", "https://rapor.example/en/instansi/pemkot-banjarmasin?tahun=2024"))).toContain(
      `rank 24 of 98 cities. Score source: https://berita.example/2024/pemkot-banjarmasin; rank source: ${rankUrl}. Via Rapor`,
    );
  });

  it("names the other entities a source states with the same published rank", () => {
    const report = entityView(record, "pemkot-banjarmasin")!;
    const y = report.years.find((e) => e.year === 2024)!;
    const rival = { name: "Kota Banjarbaru", slug: "pemkot-banjarbaru", score: 9545, rank: 24, statedBy: [{ sourceId: 9, url: "https://lain.example/2024" }] };
    const input = { entity: report.entity, year: 2024, methodologyName: null, row: { ...y.row, rankRivals: { national: [rival], province: [] } } };
    expect(entityCitation(input, context("id", "https://rapor.example/x"))).toContain(
      "peringkat 24 dari 98 kota. Sumber: https://berita.example/2024/pemkot-banjarmasin. Sumber lain menyebut peringkat nasional 24 juga untuk Kota Banjarbaru (lain.example). Via Rapor",
    );
    expect(entityCitation(input, context("en", "https://rapor.example/x"))).toContain("Other sources state national rank 24 for Kota Banjarbaru (lain.example) too. Via Rapor");
  });

  it("leaves the rank out when no source states one and the group is not complete", () => {
    expect(cite("pemkot-banjarmasin", 2021, "id")).toBe(
      "Ombudsman RI, Penilaian Kepatuhan 2021: Kota Banjarmasin 80,00 (Zona Kuning). " +
        "Sumber: https://berita.example/2021/pemkot-banjarmasin. Via Rapor, https://rapor.example/instansi/pemkot-banjarmasin?tahun=2021, diakses 26 November 2026.",
    );
    expect(cite("pemkot-banjarmasin", 2021, "en")).not.toMatch(/rank/);
  });

  it("a result without a score cites the zone its source states", () => {
    expect(cite("pemkot-palangkaraya", 2024, "id")).toMatch(/^Ombudsman RI, Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik 2024: Kota Palangka Raya tanpa nilai \(Zona Hijau, A\)\. Sumber: https:\/\/berita\.example\/2024\/pemkot-palangkaraya\. /);
    expect(cite("pemkot-palangkaraya", 2024, "en")).toMatch(/Kota Palangka Raya no score \(Green zone, A\)\. Source: /);
  });
});

describe("provinceCitation and rankingsCitation", () => {
  it("a province's Pemda average says what it rests on", () => {
    const input = { province: { name: "Kalimantan Selatan" }, year: 2024, methodologyName: null, zone: "HIJAU" as const };
    expect(provinceCitation({ ...input, average: { hundredths: 9364, basis: "published", count: null, sourceUrl: "https://ombudsman.go.id/kalsel" } }, context("id", "https://rapor.example/provinsi/kalimantan-selatan?tahun=2024"))).toBe(
      "Ombudsman RI, Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik 2024: Provinsi Kalimantan Selatan, rata-rata Pemda 93,64 (Zona Hijau), menurut sumber. Sumber: https://ombudsman.go.id/kalsel. " +
        "Via Rapor, https://rapor.example/provinsi/kalimantan-selatan?tahun=2024, diakses 26 November 2026.",
    );
    expect(provinceCitation({ ...input, average: { hundredths: 9508, basis: "partial", count: 4, sourceUrl: null } }, context("en", "https://rapor.example/en/provinsi/kalimantan-selatan?tahun=2024"))).toBe(
      "Ombudsman RI, Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik 2024: Kalimantan Selatan province, Pemda average 95.08 (Green zone), average of 4 recorded results only. " +
        "Via Rapor, https://rapor.example/en/provinsi/kalimantan-selatan?tahun=2024, accessed 26 November 2026.",
    );
  });

  it("a rankings view names its filters and count, and where the sources are", () => {
    expect(rankingsCitation({ year: 2024, methodologyName: "Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik", scope: "Pemerintah Kota", count: 19 }, context("id", "https://rapor.example/peringkat?tahun=2024&jenis=pemkot"))).toBe(
      "Ombudsman RI, Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik 2024: peringkat Pemerintah Kota, 19 hasil. Sumber setiap hasil tercantum pada tabel. " +
        "Via Rapor, https://rapor.example/peringkat?tahun=2024&jenis=pemkot, diakses 26 November 2026.",
    );
  });

  it("the access date is the day on the given calendar", () => {
    expect(accessDate(new Date("2026-11-26T18:00:00Z"), "id-ID", "Asia/Jakarta")).toBe("27 November 2026");
    expect(accessDate(new Date("2026-11-26T18:00:00Z"), "en-GB", "UTC")).toBe("26 November 2026");
  });
});
