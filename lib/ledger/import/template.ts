/**
 * The Indonesian import template: Indonesian headers the mapping step recognises (headers.ts),
 * one decimal style (the comma: "91,66", in a ";"-separated CSV as Excel writes it in Indonesia),
 * and the allowed values listed — in the XLSX a second sheet "Petunjuk" and a drop-down list
 * (data validation) on the type, province, zone and category columns.
 */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { CATEGORIES, ENTITY_TYPES, ZONES } from "@/lib/domain/types";
import { ENTITY_TYPE_WORDS } from "@/lib/ledger/schemas/entity-type-words";

export const TEMPLATE_HEADER = [
  "No",
  "Tahun",
  "Jenis Instansi",
  "Nama Instansi",
  "Provinsi",
  "Nilai",
  "Zona",
  "Kategori",
  "Opini",
  "Peringkat Nasional",
  "Peringkat Provinsi",
  "Tautan Sumber",
  "Catatan",
] as const;

const EXAMPLES: readonly (readonly string[])[] = [
  ["1", "2024", "Pemerintah Kota", "Kota Banjarmasin", "Kalimantan Selatan", "95,45", "Hijau", "A", "Kualitas Tertinggi", "24", "1", "https://contoh.go.id/berita-hasil-penilaian", "contoh: hapus baris ini"],
  ["2", "2025", "Polres", "Polres Balangan", "Kalimantan Selatan", "91,66", "", "", "Sangat Baik", "", "2", "https://contoh.go.id/berita-polres", "contoh: hapus baris ini"],
];

const ZONE_WORDS: Record<string, string> = { HIJAU: "Hijau", KUNING: "Kuning", MERAH: "Merah" };

/** What each column takes, for the "Petunjuk" sheet and the import page. */
export const TEMPLATE_GUIDE: readonly (readonly [string, string])[] = [
  ["No", "Nomor urut; boleh ada atau tidak, diabaikan saat impor."],
  ["Tahun", "Tahun penilaian, empat angka (2024)."],
  ["Jenis Instansi", `Salah satu: ${ENTITY_TYPES.map((t) => ENTITY_TYPE_WORDS[t]).join(", ")}.`],
  ["Nama Instansi", "Nama seperti di sumber (Kota Banjarmasin, Polres Balangan, Kantor Pertanahan Kabupaten Banjar)."],
  ["Provinsi", "Nama provinsi (Kalimantan Selatan); kosong untuk kementerian dan lembaga."],
  ["Nilai", "0 sampai 100, paling banyak dua angka di belakang koma, dengan koma desimal: 91,66."],
  ["Zona", `Bila sumber menyebutkannya: ${ZONES.map((z) => ZONE_WORDS[z]).join(", ")}.`],
  ["Kategori", `Bila sumber menyebutkannya: ${CATEGORIES.join(", ")}.`],
  ["Opini", "Opini atau predikat sebagaimana ditulis sumber (Kualitas Tertinggi, Sangat Baik)."],
  ["Peringkat Nasional", "Bilangan bulat positif, bila sumber menyebutkannya."],
  ["Peringkat Provinsi", "Bilangan bulat positif, bila sumber menyebutkannya."],
  ["Tautan Sumber", "Alamat lengkap (https://…) berita atau dokumen sumber. Bila semua baris bersumber sama, kosongkan dan isi kolom tautan di layar impor."],
  ["Catatan", "Catatan untuk admin; tidak tampil di halaman publik."],
];

export function templateCsv(): string {
  return "\uFEFF" + stringify([[...TEMPLATE_HEADER], ...EXAMPLES], { delimiter: ";" });
}

const VALIDATED_ROWS = 1000;

export async function templateXlsx(provinces: readonly string[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Hasil");
  sheet.addRow([...TEMPLATE_HEADER]).font = { bold: true };
  for (const example of EXAMPLES) sheet.addRow([...example]);
  sheet.columns.forEach((column, i) => {
    column.width = [6, 8, 22, 36, 24, 9, 10, 10, 24, 12, 12, 44, 30][i] ?? 14;
  });
  // Scores as text with a comma: the one decimal style, whatever the spreadsheet's locale.
  sheet.getColumn(6).numFmt = "@";

  const guide = workbook.addWorksheet("Petunjuk");
  guide.addRow(["Kolom", "Isi"]).font = { bold: true };
  for (const [column, text] of TEMPLATE_GUIDE) guide.addRow([column, text]);
  guide.getColumn(1).width = 22;
  guide.getColumn(2).width = 110;
  // The lists the drop-downs read, side by side from column D.
  const lists: [string, readonly string[]][] = [
    ["Jenis Instansi", ENTITY_TYPES.map((t) => ENTITY_TYPE_WORDS[t])],
    ["Provinsi", provinces],
    ["Zona", ZONES.map((z) => ZONE_WORDS[z]!)],
    ["Kategori", CATEGORIES],
  ];
  lists.forEach(([title, values], i) => {
    const col = 4 + i;
    guide.getCell(1, col).value = title;
    guide.getCell(1, col).font = { bold: true };
    values.forEach((v, j) => (guide.getCell(2 + j, col).value = v));
    guide.getColumn(col).width = 26;
  });
  const letter = (n: number) => String.fromCharCode(64 + n);
  const listRange = (i: number, count: number) => `Petunjuk!$${letter(4 + i)}$2:$${letter(4 + i)}$${1 + Math.max(1, count)}`;
  const validated: [number, number][] = [
    [3, 0],
    [5, 1],
    [7, 2],
    [8, 3],
  ];
  for (let row = 2; row <= VALIDATED_ROWS; row++) {
    for (const [col, list] of validated) {
      sheet.getCell(row, col).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [listRange(list, lists[list]![1].length)],
        showErrorMessage: true,
        errorTitle: "Nilai tidak dikenal",
        error: `Pilih ${lists[list]![0]} dari daftar (lembar Petunjuk).`,
      };
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
