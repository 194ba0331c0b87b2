/**
 * XLSX files for the decompression tests: a workbook whose one sheet holds `rows` import rows
 * of real-looking XML (varied: ~40:1 deflated; or uniform: ~100:1, as the reported bomb),
 * written as a ZIP by hand so that a test can also make its central directory lie about sizes.
 */
import { createDeflateRaw, crc32 } from "node:zlib";
import { HEADER_COLUMNS } from "./import-columns";

interface Entry {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
}

async function deflate(chunks: Iterable<Buffer>): Promise<{ data: Buffer; crc: number; size: number }> {
  const deflater = createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflater.on("data", (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflater.on("end", resolve);
    deflater.on("error", reject);
  });
  let crc = 0;
  let size = 0;
  for (const chunk of chunks) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflater.write(chunk)) await new Promise((resolve) => deflater.once("drain", resolve));
  }
  deflater.end();
  await done;
  return { data: Buffer.concat(out), crc, size };
}

function zip(entries: Entry[], declaredSize: (entry: Entry) => number): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const size = declaredSize(e);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`, "utf8");

const cell = (ref: string, value: string | number) =>
  typeof value === "number" ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;

const columnLetter = (i: number) => String.fromCharCode(65 + i);

function* sheetXml(rows: number, uniform: boolean): Generator<Buffer> {
  yield xml(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`);
  yield Buffer.from(`<row r="1">${HEADER_COLUMNS.map((c, i) => cell(`${columnLetter(i)}1`, c)).join("")}</row>`);
  let batch: string[] = [];
  for (let r = 2; r <= rows + 1; r++) {
    if (uniform) {
      // Identical rows without cell references (they are optional): deflates about 100:1.
      batch.push(`<row>${[2024, "PEMKAB", "Kabupaten Contoh", "Kalimantan Selatan", 50.25, "", "", "", "", "", "https://sumber.example/", ""].map((v) => (typeof v === "number" ? `<c><v>${v}</v></c>` : `<c t="inlineStr"><is><t>${v}</t></is></c>`)).join("")}</row>`);
    } else {
      const values: (string | number)[] = [2024, "PEMKAB", `Kabupaten Contoh ${r % 500}`, "Kalimantan Selatan", 50 + (r % 50) + 0.25, "", "", "", "", "", `https://sumber.example/${r % 97}`, ""];
      batch.push(`<row r="${r}">${values.map((v, i) => cell(`${columnLetter(i)}${r}`, v)).join("")}</row>`);
    }
    if (batch.length === 2000) {
      yield Buffer.from(batch.join(""));
      batch = [];
    }
  }
  if (batch.length) yield Buffer.from(batch.join(""));
  yield Buffer.from(`</sheetData></worksheet>`);
}

export interface XlsxBombOptions {
  /** Data rows in the sheet (each about 650 bytes of XML, 330 when uniform). */
  rows: number;
  /** The sheet's uncompressed size as the ZIP directory states it: honest, or a lie. */
  declaredSheetSize?: number;
  /** Identical rows (a bomb that compresses like the one reported: 450 MB of XML in ~5 MB). */
  uniformRows?: boolean;
}

/** An XLSX (bytes) with `rows` rows; exceljs reads it when it is small enough. */
export async function buildXlsx({ rows, declaredSheetSize, uniformRows = false }: XlsxBombOptions): Promise<Buffer> {
  const fixed: [string, Buffer][] = [
    [
      "[Content_Types].xml",
      xml(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
    ],
    [
      "_rels/.rels",
      xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    ],
    [
      "xl/workbook.xml",
      xml(
        `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hasil" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    ],
    [
      "xl/_rels/workbook.xml.rels",
      xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    ],
  ];
  const entries: Entry[] = [];
  for (const [name, data] of fixed) entries.push({ name, ...(await deflate([data])) });
  entries.push({ name: "xl/worksheets/sheet1.xml", ...(await deflate(sheetXml(rows, uniformRows))) });
  return zip(entries, (e) => (e.name === "xl/worksheets/sheet1.xml" && declaredSheetSize !== undefined ? declaredSheetSize : e.size));
}
