/**
 * What an XLSX file holds, measured before a spreadsheet library opens it. An XLSX is a ZIP of
 * XML: 4.9 MB on disk can be 450 MB of XML, which the parser turned into ~3 GB of memory and
 * 16 s of a blocked server. So, before parsing:
 *
 * 1. The ZIP's central directory is read (no decompression): too many parts, a total
 *    uncompressed size over MAX_XLSX_XML_BYTES, or a compression other than stored/deflate
 *    is refused at once.
 * 2. Each part is then inflated as a stream, counting bytes (zlib works off the main thread)
 *    and never keeping them: a part that inflates past the size its directory entry declared
 *    (a ZIP that lies) is refused, and the rows of every worksheet are counted against
 *    MAX_IMPORT_ROWS.
 *
 * Only then does exceljs get the file, with its size bounded.
 */
import { createInflateRaw } from "node:zlib";

/** Uncompressed XML an import may hold: 25,000 rows are about 13 MB. */
export const MAX_XLSX_XML_BYTES = 64 * 1024 * 1024;
/** Data rows an import may hold (CSV or XLSX): four times the 25,000-row benchmark file. */
export const MAX_IMPORT_ROWS = 100_000;
const MAX_PARTS = 1_000;

export type XlsxCheck = { ok: true; xmlBytes: number; rows: number } | { ok: false; message: string };

interface Part {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
const unreadable = (detail: string): XlsxCheck => ({ ok: false, message: `Berkas XLSX tidak dapat dibaca: ${detail}.` });

/** The parts listed in the ZIP's central directory, or why it cannot be read. */
function centralDirectory(data: Buffer): Part[] | string {
  // The end-of-central-directory record: 22 bytes, then a comment of up to 65,535.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return "bukan arsip ZIP yang utuh";
  const count = data.readUInt16LE(eocd + 10);
  const size = data.readUInt32LE(eocd + 12);
  const offset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return "arsip ZIP64 tidak didukung";
  if (count > MAX_PARTS) return `terlalu banyak bagian (${count})`;
  if (offset + size > eocd) return "direktori ZIP rusak";
  const parts: Part[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) return "direktori ZIP rusak";
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    parts.push({
      method: data.readUInt16LE(at + 10),
      compressedSize: data.readUInt32LE(at + 20),
      size: data.readUInt32LE(at + 24),
      localHeaderOffset: data.readUInt32LE(at + 42),
      name: data.toString("utf8", at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

/** Counts `<row ` / `<row>` elements across chunk boundaries. */
function rowCounter(): { feed: (chunk: Buffer) => void; rows: () => number } {
  let rows = 0;
  let carry = Buffer.alloc(0);
  return {
    feed(chunk) {
      const text = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      let i = text.indexOf("<row");
      while (i !== -1 && i + 4 < text.length) {
        const next = text[i + 4];
        if (next === 0x20 || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d || next === 0x2f) rows++;
        i = text.indexOf("<row", i + 4);
      }
      // Keep the tail that could be the start of a tag cut by the chunk boundary.
      carry = Buffer.from(text.subarray(Math.max(0, text.length - 4)));
    },
    rows: () => rows,
  };
}

/** Inflate one deflated part as a stream, refusing more than `limit` bytes. */
function inflateCounting(compressed: Buffer, limit: number, onChunk: (chunk: Buffer) => void): Promise<number | "too_large" | "corrupt"> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let total = 0;
    let settled = false;
    const settle = (value: number | "too_large" | "corrupt") => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    inflate.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        settle("too_large");
        inflate.destroy();
        return;
      }
      onChunk(chunk);
    });
    inflate.on("end", () => settle(total));
    inflate.on("error", () => settle("corrupt"));
    inflate.end(compressed);
  });
}

/** Measure an XLSX (bytes) against the limits above before any parser sees it. */
export async function checkXlsxLimits(bytes: Uint8Array, limits = { xmlBytes: MAX_XLSX_XML_BYTES, rows: MAX_IMPORT_ROWS }): Promise<XlsxCheck> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data.length < 22) return unreadable("bukan arsip ZIP yang utuh");
  const parts = centralDirectory(data);
  if (typeof parts === "string") return unreadable(parts);
  const declared = parts.reduce((sum, p) => sum + p.size, 0);
  const tooLarge = (size: number): XlsxCheck => ({
    ok: false,
    message: `Isi berkas XLSX terlalu besar: ${mb(size)} XML setelah diekstrak (paling banyak ${mb(limits.xmlBytes)}). Bagi menjadi beberapa berkas, atau simpan sebagai CSV.`,
  });
  if (declared > limits.xmlBytes) return tooLarge(declared);

  let total = 0;
  let rows = 0;
  for (const part of parts) {
    if (part.name.endsWith("/")) continue; // a folder entry
    const local = part.localHeaderOffset;
    if (local + 30 > data.length || data.readUInt32LE(local) !== 0x04034b50) return unreadable("bagian ZIP rusak");
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    if (start + part.compressedSize > data.length) return unreadable("bagian ZIP terpotong");
    const compressed = data.subarray(start, start + part.compressedSize);
    const counter = /^xl\/worksheets\/[^/]+\.xml$/i.test(part.name) ? rowCounter() : null;
    let size: number | "too_large" | "corrupt";
    if (part.method === 0) {
      size = part.compressedSize;
      counter?.feed(compressed);
    } else if (part.method === 8) {
      // Never more than the directory declared: a ZIP that lies about its sizes stops here.
      size = await inflateCounting(compressed, part.size, (chunk) => counter?.feed(chunk));
    } else {
      return unreadable(`metode kompresi ${part.method} tidak didukung`);
    }
    if (size === "corrupt") return unreadable(`bagian ${part.name} rusak`);
    if (size === "too_large" || size !== part.size) {
      return { ok: false, message: `Berkas XLSX tidak dapat dibaca: bagian ${part.name} berisi lebih banyak data daripada yang tercatat di arsipnya.` };
    }
    total += size;
    if (total > limits.xmlBytes) return tooLarge(total);
    if (counter) rows += Math.max(0, counter.rows() - 1); // the header row is not data
    if (rows > limits.rows) {
      return { ok: false, message: `Berkas XLSX memuat lebih dari ${limits.rows.toLocaleString("id-ID")} baris; bagi menjadi beberapa berkas.` };
    }
  }
  return { ok: true, xmlBytes: total, rows };
}
