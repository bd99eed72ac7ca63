/** The encodings a results file is read in. */
export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** UTF-16 without a byte order mark, told by its zero bytes (ASCII text has one in every other byte). */
function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const pairs = Math.floor(Math.min(bytes.length, 4096) / 2);
  if (pairs < 2) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) zeroEven += 1;
    if (bytes[i + 1] === 0) zeroOdd += 1;
  }
  if (zeroOdd > pairs * 0.6 && zeroEven < pairs * 0.1) return "utf-16le";
  if (zeroEven > pairs * 0.6 && zeroOdd < pairs * 0.1) return "utf-16be";
  return null;
}

/**
 * A spreadsheet export's text, whatever it was saved as: a byte order mark decides (UTF-8, UTF-16 LE or BE),
 * else UTF-16 is told by its zero bytes, else UTF-8 — or Windows-1252 when the bytes are not valid UTF-8
 * (Excel on Windows saves "CSV" so), which the caller tells the person about.
 */
export function decodeCsvFile(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const bom =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? "utf-8"
      : bytes[0] === 0xff && bytes[1] === 0xfe
        ? "utf-16le"
        : bytes[0] === 0xfe && bytes[1] === 0xff
          ? "utf-16be"
          : null;
  const encoding = bom ?? sniffUtf16(bytes);
  if (encoding) return { text: new TextDecoder(encoding).decode(bytes), encoding };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}
