import type { Readable } from "node:stream";
import { DEFAULT_IMPORT_LIMITS } from "../../config";
import { decodeText, type TextEncoding } from "./decode-text";

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
/** Fields one record may have: the widest OneRoster file has about 25 columns. */
export const MAX_FIELDS = 1000;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * An RFC-4180 reader fed text chunk by chunk, so a file is never held whole: CRLF, LF or CR line ends (mixed
 * too), quoted fields with doubled quotes and line breaks, a quote inside an unquoted field read as text. A field
 * keeps at most `maxFieldChars + 1` characters, enough for the caller to see it is too long without holding it.
 */
class CsvParser {
  records: CsvRecord[] = [];
  private fields: string[] = [];
  private field = "";
  private isFieldStart = true;
  private inQuotes = false;
  /** A chunk ended on a quote inside a quoted field: the next character tells a doubled quote from a closing one. */
  private isQuoteAtEnd = false;
  /** A quoted field closed: only a comma or a line end may follow. */
  private isClosed = false;
  /** A CR ended the last record: an LF right after it belongs to the same line end. */
  private skipLf = false;
  private wasCrInQuotes = false;
  private line = 1;
  /** Line breaks inside the current record's quoted fields. */
  private breaks = 0;

  constructor(private readonly keepChars: number) {}

  take(): CsvRecord[] {
    const records = this.records;
    this.records = [];
    return records;
  }

  private append(text: string): void {
    const room = this.keepChars - this.field.length;
    if (room <= 0) return;
    this.field += text.length > room ? text.slice(0, room) : text;
  }

  private countBreaks(text: string, from: number, to: number): void {
    for (let k = from; k < to; k += 1) {
      const c = text.charCodeAt(k);
      if (c === LF) {
        if (!this.wasCrInQuotes) this.breaks += 1;
        this.wasCrInQuotes = false;
      } else if (c === CR) {
        this.breaks += 1;
        this.wasCrInQuotes = true;
      } else this.wasCrInQuotes = false;
    }
  }

  private endField(): void {
    if (this.fields.length >= MAX_FIELDS) {
      throw new CsvFormatError(this.line, `This record has more than ${MAX_FIELDS} fields; no OneRoster file has.`);
    }
    this.fields.push(this.field);
    this.field = "";
    this.isFieldStart = true;
    this.isClosed = false;
  }

  private endRecord(): void {
    this.records.push({ fields: this.fields, line: this.line });
    this.line += 1 + this.breaks;
    this.breaks = 0;
    this.fields = [];
  }

  push(text: string): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (this.skipLf) {
        this.skipLf = false;
        if (text.charCodeAt(i) === LF) {
          i += 1;
          continue;
        }
      }
      if (this.isQuoteAtEnd) {
        this.isQuoteAtEnd = false;
        if (text.charCodeAt(i) === QUOTE) {
          this.append('"');
          i += 1;
          continue;
        }
        this.inQuotes = false;
        this.isClosed = true;
      }
      if (this.inQuotes) {
        const q = text.indexOf('"', i);
        const end = q === -1 ? n : q;
        this.countBreaks(text, i, end);
        this.append(text.slice(i, end));
        if (q === -1) return;
        if (q + 1 === n) {
          this.isQuoteAtEnd = true;
          return;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          this.append('"');
          i = q + 2;
        } else {
          this.inQuotes = false;
          this.isClosed = true;
          i = q + 1;
        }
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        this.endField();
        i += 1;
        continue;
      }
      if (c === LF || c === CR) {
        this.endField();
        this.endRecord();
        this.skipLf = c === CR;
        i += 1;
        continue;
      }
      if (this.isClosed) {
        throw new CsvFormatError(this.line, "A quote closes this field but more text follows it before the comma.");
      }
      if (c === QUOTE && this.isFieldStart) {
        this.inQuotes = true;
        this.isFieldStart = false;
        this.wasCrInQuotes = false;
        i += 1;
        continue;
      }
      let j = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === COMMA || d === LF || d === CR) break;
        j += 1;
      }
      this.append(text.slice(i, j));
      this.isFieldStart = false;
      i = j;
    }
  }

  end(): void {
    if (this.isQuoteAtEnd) {
      this.isQuoteAtEnd = false;
      this.inQuotes = false;
      this.isClosed = true;
    }
    if (this.inQuotes) throw new CsvFormatError(this.line, "A quoted field opened here is never closed.");
    if (this.fields.length > 0 || !this.isFieldStart || this.isClosed) {
      this.endField();
      this.endRecord();
    }
  }
}

export type CsvReadOptions = {
  onBytes?: (bytes: number) => void;
  /** Hears the encoding the file is read in (decode-text.ts), once it is known. */
  onEncoding?: (encoding: TextEncoding) => void;
  /** Longer fields are cut to one character more than this, so the caller can report them. */
  maxFieldChars?: number;
};

/**
 * Reads CSV records from a file's bytes as they arrive, in batches: decoded by decodeText (BOMs, UTF-16,
 * Windows-1252), parsed by a streaming RFC-4180 reader, so memory holds one batch and never the file. Empty
 * lines come out as one blank field (so line numbers stay right); callers skip them. Records before a
 * format error are handed out before it is thrown.
 */
export async function* readCsvRecords(stream: Readable, options: CsvReadOptions = {}): AsyncGenerator<CsvRecord[]> {
  const parser = new CsvParser((options.maxFieldChars ?? DEFAULT_IMPORT_LIMITS.maxFieldChars) + 1);
  let failure: unknown;
  try {
    for await (const text of decodeText(stream, options.onEncoding ?? (() => {}), options.onBytes)) {
      parser.push(text);
      if (parser.records.length >= BATCH) yield parser.take();
    }
    parser.end();
  } catch (error) {
    failure = error;
  }
  if (parser.records.length) yield parser.take();
  if (failure) throw failure;
}

/** True for a line with nothing in it but commas and spaces. */
export function isBlankRecord(fields: string[]): boolean {
  for (const field of fields) if (field.trim() !== "") return false;
  return true;
}
