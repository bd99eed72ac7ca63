import type { Readable } from "node:stream";
import { parse } from "csv-parse";

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

function lineBreaksIn(fields: string[]): number {
  let count = 0;
  for (const field of fields) {
    if (field.indexOf("\n") === -1 && field.indexOf("\r") === -1) continue;
    count += field.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return count;
}

function explainCsvError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === "CSV_QUOTE_NOT_CLOSED") return "A quoted field opened here is never closed.";
  if (code === "CSV_INVALID_CLOSING_QUOTE") return "A quoted field is followed by other characters before the comma.";
  if (code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE") return "Unexpected characters after a closing quote.";
  return "This line is not valid CSV.";
}

/**
 * Reads CSV records from a stream: UTF-8 with or without a BOM, CRLF or LF, RFC-4180 quoting (commas,
 * quotes and newlines inside quoted fields). Line numbers are counted here rather than taken from the
 * parser, which counts a CRLF inside a quoted field twice. Empty lines are kept (as one blank field) so
 * the count stays right; callers skip them.
 */
export async function* readCsvRecords(stream: Readable, onBytes?: (bytes: number) => void): AsyncGenerator<CsvRecord> {
  const parser = parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    record_delimiter: ["\r\n", "\n"],
  });
  stream.on("error", (error) => parser.destroy(error));
  if (onBytes) stream.on("data", (chunk: Buffer) => onBytes(chunk.length));
  stream.pipe(parser);
  let nextLine = 1;
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      const line = nextLine;
      nextLine += 1 + lineBreaksIn(fields);
      yield { fields, line };
    }
  } catch (error) {
    stream.destroy();
    if ((error as { code?: unknown }).code?.toString().startsWith("CSV_")) {
      throw new CsvFormatError(nextLine, explainCsvError(error));
    }
    throw error;
  } finally {
    stream.unpipe(parser);
    stream.destroy();
  }
}

/** True for a line with nothing in it but commas and spaces. */
export function isBlankRecord(fields: string[]): boolean {
  for (const field of fields) if (field.trim() !== "") return false;
  return true;
}
