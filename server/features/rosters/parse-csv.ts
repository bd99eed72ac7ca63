import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import Papa from "papaparse";

/** A CSV record with the physical line it starts on (header = 1; newlines inside quoted fields count). */
export type CsvRecord = { fields: string[]; line: number };

/** The file is not well-formed CSV from this line on (an unclosed quote, a stray quote after a field). */
export class CsvFormatError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const BATCH = 5000;

/** Line breaks inside one record's fields: CRLF, LF or CR each count once. */
function lineBreaksIn(fields: readonly string[]): number {
  let breaks = 0;
  for (const field of fields) {
    if (field.indexOf("\n") < 0 && field.indexOf("\r") < 0) continue;
    for (let i = 0; i < field.length; i++) {
      const c = field.charCodeAt(i);
      if (c === 10 || (c === 13 && field.charCodeAt(i + 1) !== 10)) breaks += 1;
    }
  }
  return breaks;
}

function formatError(error: Papa.ParseError, lines: readonly number[]): CsvFormatError {
  const line = lines[error.row ?? 0] ?? 1;
  const message =
    error.code === "MissingQuotes"
      ? "A quoted field opened here is never closed."
      : error.code === "InvalidQuotes"
        ? "A quote closes this field but more text follows it before the comma."
        : error.message;
  return new CsvFormatError(line, message);
}

/**
 * Reads CSV records (papaparse): UTF-8 with or without a BOM, CRLF, LF or CR line ends, RFC-4180 quoting.
 * Empty lines come out as one blank field (so line numbers stay right); callers skip them. The file is read
 * whole (sets are bounded by the upload limit) and handed out in batches.
 */
export async function* readCsvRecords(
  stream: Readable,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<CsvRecord[]> {
  const decoder = new StringDecoder("utf8");
  const parts: string[] = [];
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      onBytes?.(bytes.length);
      parts.push(decoder.write(bytes));
    }
  } finally {
    stream.destroy();
  }
  parts.push(decoder.end());
  let text = parts.join("");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) return;
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: "," });
  const rows = parsed.data;
  // A final line break ends the last record; it does not start an empty one.
  const last = rows.at(-1);
  if (last && last.length === 1 && last[0] === "" && /[\r\n]$/.test(text)) rows.pop();
  const lines: number[] = new Array(rows.length);
  let line = 1;
  for (let i = 0; i < rows.length; i++) {
    lines[i] = line;
    line += 1 + lineBreaksIn(rows[i] as string[]);
  }
  // Records before a quoting error are good and are handed out first, so their own problems are reported too.
  const quoteError = parsed.errors.find((e) => e.type === "Quotes");
  const end = quoteError ? Math.min(rows.length, quoteError.row ?? 0) : rows.length;
  for (let at = 0; at < end; at += BATCH) {
    const batch: CsvRecord[] = [];
    for (let i = at; i < Math.min(end, at + BATCH); i++)
      batch.push({ fields: rows[i] as string[], line: lines[i] as number });
    yield batch;
  }
  if (quoteError) throw formatError(quoteError, lines);
}

/** True for a line with nothing in it but commas and spaces. */
export function isBlankRecord(fields: string[]): boolean {
  for (const field of fields) if (field.trim() !== "") return false;
  return true;
}
