import type { ImportLimits } from "../../config";
import {
  type Column,
  type ColumnKind,
  type FileSpec,
  MAX_FIELD_CHARS,
  MAX_LIST_CHARS,
  type OneRosterVersion,
  parseCell,
  type RowOf,
} from "./columns";
import { describeEncoding, TextEncodingError } from "./decode-text";
import { formatCount, ImportLimitError, importLimits } from "./import-limits";
import { CsvFormatError, isBlankRecord, readCsvRecords } from "./parse-csv";
import type { ProblemList } from "./problems";
import type { SourceFile } from "./read-files";

export type FileMode = "bulk" | "delta";

/** A file's rows that passed every check, and the sourcedIds of rows refused (so nothing else re-reports them). */
export type ParsedFile<Row> = { rows: Row[]; refused: Set<string>; fileName: string; mode: FileMode };

type Slot = { name: string; index: number; kind: ColumnKind; required: boolean; ignored: boolean; maxLength: number };

function maxLengthOf(column: Column): number {
  return column.maxLength ?? (column.kind === "list" ? MAX_LIST_CHARS : MAX_FIELD_CHARS);
}

/** How many unknown column names one warning lists before it says "and N more". */
const UNKNOWN_LISTED = 12;

/** Matches the file's header to the spec's columns by name: exact first, then ignoring case (with a warning). */
function mapHeader(
  header: string[],
  spec: FileSpec,
  version: OneRosterVersion,
  mode: FileMode,
  fileName: string,
  problems: ProblemList,
): Slot[] | undefined {
  const names = header.map((h) => h.trim());
  const delimiter = names.length === 1 ? otherDelimiter(names[0] ?? "") : undefined;
  if (delimiter) {
    problems.error(
      fileName,
      1,
      null,
      `The header is separated by ${delimiter}, not commas: OneRoster files are comma-separated. ` +
        'Save the file again as "CSV (comma delimited)".',
    );
    return undefined;
  }
  const taken = new Set<number>();
  const slots: Slot[] = [];
  const missingOptional: string[] = [];
  let isMissingRequired = false;
  for (const column of spec.columns) {
    let index = names.indexOf(column.name);
    if (index === -1) {
      index = names.findIndex((n, i) => !taken.has(i) && n.toLowerCase() === column.name.toLowerCase());
      if (index !== -1) {
        problems.warn(fileName, 1, names[index] ?? null, `Column "${names[index]}" is read as "${column.name}".`);
      }
    }
    const isRequired = isColumnRequired(column, version, mode);
    if (index === -1) {
      if (isRequired) {
        problems.error(fileName, 1, column.name, `The required column "${column.name}" is missing from the header.`);
        isMissingRequired = true;
      } else if (!column.version || column.version === version) {
        missingOptional.push(column.name);
      }
      if (!column.ignored)
        slots.push({
          name: column.name,
          index: -1,
          kind: column.kind,
          required: false,
          ignored: false,
          maxLength: maxLengthOf(column),
        });
      continue;
    }
    if (taken.has(index)) continue;
    taken.add(index);
    // An ignored column is still checked when required, then dropped from the row.
    if (!column.ignored || isRequired) {
      slots.push({
        name: column.name,
        index,
        kind: column.kind,
        required: isRequired,
        ignored: column.ignored === true,
        maxLength: maxLengthOf(column),
      });
    }
  }
  const unknown = names.flatMap((n, i) => (taken.has(i) ? [] : [n === "" ? "(blank)" : n]));
  if (unknown.length) {
    const listed = unknown.slice(0, UNKNOWN_LISTED).join(", ");
    const more = unknown.length > UNKNOWN_LISTED ? ` and ${unknown.length - UNKNOWN_LISTED} more` : "";
    problems.warn(fileName, 1, null, `Unknown columns ignored: ${listed}${more}.`);
  }
  if (missingOptional.length) {
    problems.warn(fileName, 1, null, `Optional columns missing (read as blank): ${missingOptional.join(", ")}.`);
  }
  return isMissingRequired ? undefined : slots;
}

/** The delimiter a one-field header is really split by, in words ("semicolons (;)"), if it is one of these. */
function otherDelimiter(header: string): string | undefined {
  const candidates: [string, string][] = [
    [";", "semicolons (;)"],
    ["\t", "tabs"],
    ["|", "vertical bars (|)"],
  ];
  return candidates.find(([mark]) => header.includes(mark))?.[1];
}

/** Characters no roster value may hold: C0 controls other than tab, CR and LF, and DEL. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: that is exactly what this looks for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function describeControl(char: string): string {
  const code = char.charCodeAt(0);
  const name = code === 0 ? "NUL" : code === 0x7f ? "DEL" : "control";
  return `a ${name} character (U+${code.toString(16).toUpperCase().padStart(4, "0")})`;
}

/**
 * Refuses a field holding a control character or longer than the limit, naming its line and column: such a
 * value cannot be stored (PostgreSQL text holds no NUL) or is not a roster value. Returns whether all are fine.
 */
function checkFields(
  fields: string[],
  line: number,
  columnNames: readonly string[],
  fileName: string,
  problems: ProblemList,
  maxFieldChars: number,
): boolean {
  let isFine = true;
  for (let i = 0; i < fields.length; i += 1) {
    const field = fields[i] as string;
    const column = columnNames[i] || `column ${i + 1}`;
    const control = CONTROL.exec(field);
    if (control) {
      problems.error(
        fileName,
        line,
        column,
        `This value holds ${describeControl(control[0])} at character ${control.index + 1}; ` +
          "roster values are text. Is the file saved as text (CSV), in UTF-8?",
      );
      isFine = false;
    } else if (field.length > maxFieldChars) {
      problems.error(
        fileName,
        line,
        column,
        `This value is longer than ${formatCount(maxFieldChars)} characters, the most one field may hold ` +
          "(IMPORT_MAX_FIELD_CHARS).",
      );
      isFine = false;
    }
  }
  return isFine;
}

/** Required columns: the spec's (for this version), plus status and dateLastModified in a delta file. */
function isColumnRequired(column: Column, version: OneRosterVersion, mode: FileMode): boolean {
  if (column.version) return column.version === version && column.versionRequired === true;
  if (mode === "delta" && (column.name === "status" || column.name === "dateLastModified")) return true;
  return column.required;
}

/**
 * Reads one OneRoster file into typed rows by header name. Every bad cell is an error naming the line and
 * column; a row with an error is left out (its sourcedId remembered as refused). Blank optional cells are
 * null (lists: empty), `inactive` status is read as `tobedeleted` with a warning, and a sourcedId seen
 * twice is an error on the second row.
 */
export async function parseRosterFile<S extends FileSpec>(
  file: SourceFile,
  spec: S,
  context: {
    version: OneRosterVersion;
    mode: FileMode;
    problems: ProblemList;
    onBytes?: (bytes: number) => void;
    limits?: Partial<ImportLimits>;
    /** Data rows the set may still hold; shared by its files, so IMPORT_MAX_ROWS bounds the whole set. */
    rowBudget?: { left: number };
  },
): Promise<ParsedFile<RowOf<S["columns"]>>> {
  const { version, mode, problems } = context;
  const limits = importLimits(context.limits);
  const rowBudget = context.rowBudget ?? { left: limits.maxRows };
  const fileName = file.name;
  const result: ParsedFile<RowOf<S["columns"]>> = { rows: [], refused: new Set(), fileName, mode };
  const seen = new Map<string, number>();
  let slots: Slot[] | undefined;
  let headerWidth = 0;
  let columnNames: string[] = [];
  const onEncoding = (encoding: string) => {
    if (encoding === "utf-8") return;
    const isGuess = encoding === "windows-1252";
    problems.warn(
      fileName,
      null,
      null,
      `Read as ${describeEncoding(encoding as Parameters<typeof describeEncoding>[0])}` +
        (isGuess
          ? ": the file is not UTF-8. Check that names with accents look right, and save it as UTF-8 next time."
          : "."),
    );
  };
  try {
    const csv = readCsvRecords(await file.open(), {
      onBytes: context.onBytes,
      onEncoding,
      maxFieldChars: limits.maxFieldChars,
    });
    for await (const records of csv)
      for (const { fields, line } of records) {
        if (!slots) {
          if (line === 1 && isBlankRecord(fields)) {
            problems.error(fileName, 1, null, "The file has no header row.");
            return result;
          }
          if (!checkFields(fields, line, [], fileName, problems, limits.maxFieldChars)) return result;
          slots = mapHeader(fields, spec, version, mode, fileName, problems);
          if (!slots) return result;
          headerWidth = fields.length;
          columnNames = fields.map((f) => f.trim());
          continue;
        }
        if (isBlankRecord(fields)) continue;
        rowBudget.left -= 1;
        if (rowBudget.left < 0) {
          throw new ImportLimitError(
            fileName,
            line,
            `The set has more than ${formatCount(limits.maxRows)} rows, the most one import may hold ` +
              `(IMPORT_MAX_ROWS); ${fileName} passed it on line ${line}. Split the set, or ask whoever runs ` +
              "Collective to raise the limit.",
          );
        }
        if (!checkFields(fields, line, columnNames, fileName, problems, limits.maxFieldChars)) {
          const id = fields[columnNames.indexOf("sourcedId")];
          if (id) result.refused.add(id.trim());
          continue;
        }
        if (fields.length > headerWidth && !isBlankRecord(fields.slice(headerWidth))) {
          problems.error(fileName, line, null, `This row has ${fields.length} fields; the header has ${headerWidth}.`);
          continue;
        }
        const { row, hasError } = readRow(fields, line, slots, fileName, problems);
        const sourcedId = typeof row.sourcedId === "string" ? row.sourcedId : undefined;
        if (sourcedId !== undefined) {
          const first = seen.get(sourcedId);
          if (first !== undefined) {
            problems.error(fileName, line, "sourcedId", `Duplicate sourcedId "${sourcedId}" (first on line ${first}).`);
            continue;
          }
          seen.set(sourcedId, line);
        }
        if (hasError) {
          if (sourcedId !== undefined) result.refused.add(sourcedId);
          continue;
        }
        result.rows.push(row as unknown as RowOf<S["columns"]>);
      }
  } catch (error) {
    if (error instanceof ImportLimitError) throw error;
    if (error instanceof CsvFormatError || error instanceof TextEncodingError) {
      problems.error(fileName, error.line, null, error.message);
      return result;
    }
    const cause = error instanceof Error ? ` (${error.message})` : "";
    problems.error(fileName, null, null, `The file could not be read to the end; the zip may be damaged${cause}.`);
    return result;
  }
  if (!slots) problems.error(fileName, null, null, "The file is empty: it has no header row.");
  return result;
}

/** One record as a row object; cells are checked by their column's kind, and every problem is reported. */
function readRow(
  fields: string[],
  line: number,
  slots: Slot[],
  fileName: string,
  problems: ProblemList,
): { row: Record<string, unknown>; hasError: boolean } {
  const row: Record<string, unknown> = { line };
  let hasError = false;
  for (const slot of slots) {
    const raw = slot.index === -1 ? "" : (fields[slot.index] ?? "").trim();
    if (raw === "") {
      if (slot.required) {
        problems.error(fileName, line, slot.name, `${slot.name} is required.`);
        hasError = true;
      }
      if (!slot.ignored) row[slot.name] = slot.kind === "list" ? [] : null;
      continue;
    }
    if (slot.ignored) continue;
    if (raw.length > slot.maxLength) {
      const length = raw.length.toLocaleString("en-US");
      const limit = slot.maxLength.toLocaleString("en-US");
      problems.error(fileName, line, slot.name, `${slot.name} is ${length} characters long; the limit is ${limit}.`);
      hasError = true;
      continue;
    }
    if (slot.kind === "text") {
      row[slot.name] = raw;
      continue;
    }
    if (slot.name === "status" && raw.toLowerCase() === "inactive") {
      problems.warn(
        fileName,
        line,
        slot.name,
        `Status "inactive" is not a OneRoster CSV value; read as "tobedeleted".`,
      );
      row.status = "tobedeleted";
      continue;
    }
    const cell = parseCell(slot.kind, raw);
    if ("problem" in cell) {
      problems.error(fileName, line, slot.name, cell.problem);
      hasError = true;
      continue;
    }
    row[slot.name] = cell.value;
  }
  return { row, hasError };
}
