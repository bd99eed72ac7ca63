import { CsvError, parse } from "csv-parse/sync";
import type {
  AssessmentItem,
  CsvMapping,
  CsvPreview,
  ResultRowInput,
  SittingStatus,
  StudentKey,
} from "../../../contract/assessments";
import type { RosterStudent } from "./assessment-roster";

export const MAX_CSV_ROWS = 10_000;
/** Longer than any student number, name, email, status or answer; a mapping names a column in at most 200. */
export const MAX_CSV_FIELD_CHARS = 1000;
export const MAX_CSV_HEADER_CHARS = 200;
/** Cells past their limit are named up to this many; the file is refused either way. */
const MAX_LONG_CELLS_REPORTED = 20;

export type CsvTable = { headers: string[]; rows: { line: number; cells: string[] }[] };
export type CsvProblem = { line: number | null; column: string | null; message: string };

/** Lower case, letters and digits only: "Student ID" and "student_id" are the same header. */
const normalize = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** The delimiter of the header line: comma, semicolon or tab, whichever it has most of outside quotes. */
function detectDelimiter(text: string): string {
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? "").replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ",";
}

/**
 * The line on which a record starts, from the byte offset where the previous one ended (csv-parse reports
 * offsets exactly, but counts a CRLF inside a quoted field as two lines). Blank lines before it are skipped.
 * Offsets must be asked in increasing order.
 */
function startLines(text: string): (endOfPrevious: number) => number {
  const buffer = Buffer.from(text, "utf8");
  const newline = buffer.includes(0x0a) ? 0x0a : 0x0d;
  let offset = 0;
  let line = 1;
  return (endOfPrevious) => {
    let start = endOfPrevious;
    while (start < buffer.length && (buffer[start] === 0x0a || buffer[start] === 0x0d)) start++;
    for (; offset < start; offset++) if (buffer[offset] === newline) line++;
    return line;
  };
}

/**
 * Parses a spreadsheet export as it comes: UTF-8 with or without BOM, CRLF or LF, quoted fields with
 * delimiters and line breaks, ragged rows, blank lines. Lines are those of the file, for messages.
 */
export function parseCsv(text: string): { table: CsvTable } | { problems: CsvProblem[] } {
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, "")),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      // The header, the rows allowed, and one more to tell that the file goes past them.
      to: MAX_CSV_ROWS + 2,
    }) as unknown as { record: string[]; info: { bytes: number } }[];
  } catch (error) {
    if (error instanceof CsvError) return { problems: [explainCsvError(error, text)] };
    throw error;
  }
  const [header, ...body] = records;
  if (!header) return { problems: [{ line: 1, column: null, message: "The file is empty." }] };
  const lineOf = startLines(text);
  if (body.length > MAX_CSV_ROWS) {
    const line = lineOf((body[MAX_CSV_ROWS - 1] as { info: { bytes: number } }).info.bytes);
    const message = `the file goes on past ${MAX_CSV_ROWS.toLocaleString("en-US")} rows; Collective reads at most ${MAX_CSV_ROWS.toLocaleString("en-US")} rows at a time. Split the file and import each part.`;
    return { problems: [{ line, column: null, message }] };
  }
  const problems: CsvProblem[] = [];
  header.record.forEach((h, index) => {
    if (h.length > MAX_CSV_HEADER_CHARS) {
      const message = `the heading of column ${index + 1} is longer than ${MAX_CSV_HEADER_CHARS} characters.`;
      problems.push({ line: 1, column: null, message });
    }
  });
  const headers = header.record.map((h, index) =>
    h.length > MAX_CSV_HEADER_CHARS ? `Column ${index + 1}` : h.trim() || `Column ${index + 1}`,
  );
  let previousEnd = header.info.bytes;
  const rows = body.flatMap((r) => {
    const line = lineOf(previousEnd);
    previousEnd = r.info.bytes;
    r.record.forEach((cell, index) => {
      if (cell.length > MAX_CSV_FIELD_CHARS && problems.length < MAX_LONG_CELLS_REPORTED) {
        const message = `this cell is longer than ${MAX_CSV_FIELD_CHARS.toLocaleString("en-US")} characters.`;
        problems.push({ line, column: headers[index] ?? `Column ${index + 1}`, message });
      }
    });
    return r.record.some((cell) => cell.trim() !== "") ? [{ line, cells: r.record.map((cell) => cell.trim()) }] : [];
  });
  if (problems.length) return { problems };
  return { table: { headers, rows } };
}

/** csv-parse's errors in words a teacher can act on, at the line where the trouble starts. */
function explainCsvError(error: CsvError, text: string): CsvProblem {
  // `bytes` ends the last record read, so the unclosed quote's record starts after it.
  const { code, lines, bytes } = error as CsvError & { lines?: number; bytes?: number };
  const at = typeof lines === "number" ? lines : null;
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return {
        line: typeof bytes === "number" ? startLines(text)(bytes) : at,
        column: null,
        message: 'a field opens a quote (") that is never closed, so the rest of the file would be one cell.',
      };
    case "INVALID_OPENING_QUOTE":
    case "CSV_INVALID_CLOSING_QUOTE":
      return {
        line: at,
        column: null,
        message:
          'a quote (") is misplaced in a field: put the whole field in quotes and write a quote inside it as "".',
      };
    default:
      return { line: at, column: null, message: "this line cannot be read as CSV." };
  }
}

const STUDENT_HEADERS: [string, StudentKey][] = [
  ["sourcedid", "sourcedId"],
  ["studentsourcedid", "sourcedId"],
  ["usersourcedid", "sourcedId"],
  ["studentid", "identifier"],
  ["studentnumber", "identifier"],
  ["identifier", "identifier"],
  ["localid", "identifier"],
  ["id", "identifier"],
  ["email", "email"],
  ["studentemail", "email"],
  ["emailaddress", "email"],
  ["name", "name"],
  ["studentname", "name"],
  ["student", "name"],
  ["fullname", "name"],
];
const STATUS_HEADERS = ["status", "sittingstatus", "attendance"];

/** A first guess at the mapping, from the headers' names and the items' labels. */
export function suggestMapping(headers: string[], items: readonly AssessmentItem[]): CsvPreview["suggested"] {
  let student: [string, StudentKey] | null = null;
  for (const [name, key] of STUDENT_HEADERS) {
    const header = headers.find((h) => normalize(h) === name);
    if (header) {
      student = [header, key];
      break;
    }
  }
  const itemColumns: Record<string, string> = {};
  for (const item of items) {
    const label = normalize(item.label);
    const header = headers.find(
      (h) =>
        !(h in itemColumns) &&
        h !== student?.[0] &&
        [label, `item${label}`, `q${label}`, `question${label}`].includes(normalize(h)),
    );
    if (header) itemColumns[header] = item.id;
  }
  return {
    studentColumn: student?.[0] ?? null,
    studentKey: student?.[1] ?? "identifier",
    itemColumns,
    statusColumn: headers.find((h) => STATUS_HEADERS.includes(normalize(h))) ?? null,
  };
}

const MARKERS: Record<string, SittingStatus> = { absent: "absent", abs: "absent", exempt: "exempt", ex: "exempt" };
const STATUS_WORDS: Record<string, SittingStatus> = {
  "": "completed",
  completed: "completed",
  complete: "completed",
  present: "completed",
  ...MARKERS,
  excused: "exempt",
};

/** The ways a student may be named in a file, for the chosen key; a name may belong to several students. */
function studentKeys(student: RosterStudent, key: StudentKey): string[] {
  switch (key) {
    case "sourcedId":
      return student.sourcedId ? [student.sourcedId] : [];
    case "identifier":
      return student.identifier ? [student.identifier] : [];
    case "email":
      return student.email ? [student.email.toLowerCase()] : [];
    case "name": {
      const given = [student.givenName, student.preferredName].filter((n): n is string => Boolean(n));
      return given
        .flatMap((g) => [`${g} ${student.familyName}`, `${student.familyName}, ${g}`, `${student.familyName} ${g}`])
        .map(nameKey);
    }
  }
}
const nameKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/\s*,\s*/g, ", ")
    .trim();

/**
 * Turns the file's rows into result rows with the mapping the team chose. Every bad cell is reported with
 * its line and column: an unknown or ambiguous student, a student twice, points that are not a number or
 * do not fit the item, an unknown status. "absent"/"ABS"/"exempt"/"EX" in a score cell mark the sitting.
 */
export function mapCsvRows(
  table: CsvTable,
  mapping: CsvMapping,
  items: readonly AssessmentItem[],
  roster: readonly RosterStudent[],
): { rows: ResultRowInput[]; lines: number[]; problems: CsvProblem[] } {
  const index = new Map<string, RosterStudent[]>();
  for (const student of roster) {
    for (const key of new Set(studentKeys(student, mapping.studentKey)))
      index.set(key, [...(index.get(key) ?? []), student]);
  }
  const column = (name: string) => table.headers.indexOf(name);
  const studentAt = column(mapping.studentColumn);
  const statusAt = mapping.statusColumn ? column(mapping.statusColumn) : -1;
  const itemById = new Map(items.map((i) => [i.id, i]));
  // In the file's column order, so problems read left to right.
  const mapped = Object.entries(mapping.itemColumns)
    .map(([header, itemId]) => ({ header, at: column(header), item: itemById.get(itemId) }))
    .sort((a, b) => a.at - b.at);
  const problems: CsvProblem[] = [];
  const rows: ResultRowInput[] = [];
  const lines: number[] = [];
  const lineOf = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const problem = (col: string | null, message: string) => problems.push({ line, column: col, message });
    const given = cells[studentAt] ?? "";
    const lookup =
      mapping.studentKey === "email" ? given.toLowerCase() : mapping.studentKey === "name" ? nameKey(given) : given;
    const matches = index.get(lookup) ?? [];
    const student = matches[0];
    if (!given) problem(mapping.studentColumn, "No student given.");
    else if (!student) problem(mapping.studentColumn, `No student “${given}” in this assessment's classes.`);
    else if (matches.length > 1)
      problem(mapping.studentColumn, `More than one student is “${given}”; use a student number.`);
    else if (lineOf.has(student.id))
      problem(mapping.studentColumn, `This student is already on line ${lineOf.get(student.id)}.`);
    const statusText = statusAt >= 0 ? normalize(cells[statusAt] ?? "") : "";
    let status = STATUS_WORDS[statusText];
    if (!status && mapping.statusColumn)
      problem(mapping.statusColumn, `“${cells[statusAt]}” is not completed, absent or exempt.`);
    const scores: Record<string, number | null> = {};
    const responses: Record<string, string | null> = {};
    let hasPoints = false;
    for (const { header, at, item } of mapped) {
      if (!item) continue;
      const text = cells[at] ?? "";
      const marker = MARKERS[normalize(text)];
      if (text === "") {
        scores[item.id] = null;
        if (item.correctResponse) responses[item.id] = null;
      } else if (marker) {
        if (status && status !== "completed" && status !== marker)
          problem(header, `“${text}” contradicts the row's status.`);
        status = marker;
      } else if (item.correctResponse && !/^-?[\d.,]+$/.test(text) && text.length <= 200) {
        // A selected-response item may carry the answer given: the keyed answer earns the item's points.
        const isCorrect = text.toLowerCase() === item.correctResponse.trim().toLowerCase();
        scores[item.id] = isCorrect ? item.maxPoints : 0;
        responses[item.id] = text;
        hasPoints = true;
      } else if (!/^\d+([.,]\d{1,2})?$/.test(text)) {
        problem(header, /^-/.test(text) ? "Points cannot be negative." : `“${text}” is not a number of points.`);
      } else {
        const points = Number(text.replace(",", "."));
        if (points > item.maxPoints)
          problem(header, `${points} is more than the ${item.maxPoints} points “${item.label}” is worth.`);
        scores[item.id] = points;
        hasPoints = true;
      }
    }
    if (status && status !== "completed" && hasPoints) problem(null, `The student is marked ${status} but has points.`);
    if (student && matches.length === 1 && !lineOf.has(student.id)) {
      lineOf.set(student.id, line);
      const isCounted = !status || status === "completed";
      rows.push({
        studentId: student.id,
        status: status ?? "completed",
        scores: isCounted ? scores : {},
        ...(isCounted && Object.keys(responses).length ? { responses } : {}),
      });
      lines.push(line);
    }
  }
  return { rows, lines, problems };
}

/** Problems with the mapping itself: columns that are not in the file, items not on the assessment. */
export function mappingProblems(table: CsvTable, mapping: CsvMapping, items: readonly AssessmentItem[]) {
  const problems: { pointer: string; detail: string }[] = [];
  const has = (header: string) => table.headers.includes(header);
  if (!has(mapping.studentColumn))
    problems.push({ pointer: "/body/mapping/studentColumn", detail: "No such column in the file." });
  if (mapping.statusColumn && !has(mapping.statusColumn)) {
    problems.push({ pointer: "/body/mapping/statusColumn", detail: "No such column in the file." });
  }
  const itemIds = new Set(items.map((i) => i.id));
  const used = new Set<string>();
  for (const [header, itemId] of Object.entries(mapping.itemColumns)) {
    const pointer = `/body/mapping/itemColumns/${header.replaceAll("~", "~0").replaceAll("/", "~1")}`;
    if (!has(header)) problems.push({ pointer, detail: "No such column in the file." });
    else if (!itemIds.has(itemId)) problems.push({ pointer, detail: "No such item on this assessment." });
    else if (used.has(itemId)) problems.push({ pointer, detail: "Another column is already mapped to this item." });
    used.add(itemId);
  }
  if (Object.keys(mapping.itemColumns).length === 0) {
    problems.push({ pointer: "/body/mapping/itemColumns", detail: "Map at least one column to an item." });
  }
  return problems;
}
