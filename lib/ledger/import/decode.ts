/**
 * The text of a CSV file, whatever encoding it was saved in, and which one that was. Excel on
 * Windows saves "CSV" in Windows-1252 unless told otherwise; read as UTF-8, every accented
 * letter of such a file became U+FFFD without a word. Never replace silently:
 *
 * - a byte-order mark says UTF-8, UTF-16LE or UTF-16BE (and the text must then be valid);
 * - else text that is valid UTF-8 is UTF-8 (a Windows-1252 file with accents essentially never is);
 * - else it is Windows-1252 (ISO-8859-1 plus the letters Windows adds in 0x80–0x9F), which
 *   decodes every byte, so nothing is replaced.
 *
 * The importer tells the admin which encoding it read (lib/ledger/import/parse.ts).
 */
export type TextEncodingName = "UTF-8" | "UTF-16LE" | "UTF-16BE" | "Windows-1252";

export type DecodedText = { ok: true; text: string; encoding: TextEncodingName; bom: boolean } | { ok: false; message: string };

const decoders: Record<TextEncodingName, string> = { "UTF-8": "utf-8", "UTF-16LE": "utf-16le", "UTF-16BE": "utf-16be", "Windows-1252": "windows-1252" };

function decode(data: Uint8Array, encoding: TextEncodingName): string | null {
  try {
    // fatal: an invalid sequence is an error, never a U+FFFD. ignoreBOM: the BOM stays, parse drops it.
    return new TextDecoder(decoders[encoding], { fatal: true, ignoreBOM: true }).decode(data);
  } catch {
    return null;
  }
}

export function decodeImportText(data: Uint8Array): DecodedText {
  const boms: [TextEncodingName, number[]][] = [
    ["UTF-8", [0xef, 0xbb, 0xbf]],
    ["UTF-16LE", [0xff, 0xfe]],
    ["UTF-16BE", [0xfe, 0xff]],
  ];
  for (const [encoding, bom] of boms) {
    if (bom.every((byte, i) => data[i] === byte)) {
      const text = decode(data.subarray(bom.length), encoding);
      if (text === null) return { ok: false, message: `Berkas diawali penanda ${encoding}, tetapi isinya bukan teks ${encoding} yang sah. Simpan ulang berkas sebagai CSV UTF-8.` };
      return { ok: true, text, encoding, bom: true };
    }
  }
  const utf8 = decode(data, "UTF-8");
  if (utf8 !== null) return { ok: true, text: utf8, encoding: "UTF-8", bom: false };
  return { ok: true, text: decode(data, "Windows-1252") ?? "", encoding: "Windows-1252", bom: false };
}
