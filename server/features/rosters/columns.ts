/**
 * Column definitions for the OneRoster CSV files, and the typed row each file's definition gives.
 * A column is parsed by its header name; its kind says how a cell becomes a value.
 */

export type OneRosterVersion = "1.1" | "1.2";

export type ColumnKind = "text" | "date" | "datetime" | "bool" | "list" | "number" | readonly string[];

export type Column = {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly required: boolean;
  /** A column that exists in one version only; `versionRequired` says whether it is required there. */
  readonly version?: OneRosterVersion;
  readonly versionRequired?: boolean;
  /** A column Collective has no use for: known (so not reported as unknown), but not kept in the row. */
  readonly ignored?: boolean;
  /** The longest value accepted, in characters (else MAX_FIELD_CHARS, or MAX_LIST_CHARS for lists). */
  readonly maxLength?: number;
};

/** The longest value a cell may hold: names, codes, titles and ids are far shorter in any real export. */
export const MAX_FIELD_CHARS = 1_000;
/** A list cell (orgSourcedIds, agentSourcedIds…) and a column marked long (descriptions, comments). */
export const MAX_LIST_CHARS = 10_000;

/** A column whose values may run long (a description, a comment): up to MAX_LIST_CHARS characters. */
export function long<C extends { name: string; kind: ColumnKind; required: boolean }>(
  column: C,
): C & { maxLength: number } {
  return { ...column, maxLength: MAX_LIST_CHARS };
}

export function req<N extends string>(name: N): { name: N; kind: "text"; required: true };
export function req<N extends string, K extends ColumnKind>(name: N, kind: K): { name: N; kind: K; required: true };
export function req(name: string, kind: ColumnKind = "text") {
  return { name, kind, required: true };
}

export function opt<N extends string>(name: N): { name: N; kind: "text"; required: false };
export function opt<N extends string, K extends ColumnKind>(name: N, kind: K): { name: N; kind: K; required: false };
export function opt(name: string, kind: ColumnKind = "text") {
  return { name, kind, required: false };
}

/** An optional column Collective does not use (sms, password…): recognised in the header, never kept. */
export function ignored<N extends string>(name: N): { name: N; kind: "text"; required: false; ignored: true } {
  return { name, kind: "text", required: false, ignored: true };
}

/**
 * A column of one version only: required there when `column` is, absent from the other. Its value is
 * typed nullable, since rows of the other version do not have it.
 */
export function only<
  C extends { name: string; kind: ColumnKind; required: boolean; ignored?: true },
  V extends OneRosterVersion,
>(version: V, column: C) {
  return {
    name: column.name as C["name"],
    kind: column.kind as C["kind"],
    required: false as const,
    version,
    versionRequired: column.required,
    ignored: (column.ignored === true) as C extends { ignored: true } ? true : false,
  };
}

type Base<K> = K extends "bool"
  ? boolean
  : K extends "number"
    ? number
    : K extends "list"
      ? string[]
      : K extends readonly (infer V)[]
        ? V | `ext:${string}`
        : string;

type ValueOf<C> = C extends { kind: infer K; required: infer R }
  ? K extends "list"
    ? string[]
    : R extends true
      ? Base<K>
      : Base<K> | null
  : never;

/** The typed row a file's columns give: every column by name, plus the physical line the row starts on. */
export type RowOf<Cs extends readonly Column[]> = { line: number } & {
  [C in Cs[number] as C extends { ignored: true } ? never : C["name"]]: ValueOf<C>;
};

export const STATUS = ["active", "tobedeleted"] as const;

/** The three columns every data file starts with. */
export const COMMON = [req("sourcedId"), opt("status", STATUS), opt("dateLastModified", "datetime")] as const;

export type FileSpec = {
  /** The file's name without ".csv", as the manifest spells it (file.<name>). */
  readonly name: string;
  readonly columns: readonly Column[];
  /** Files read for their headers only: not stored in Collective. */
  readonly skipped?: boolean;
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Dates repeat across a file (every enrollment of a term starts the same day): each is checked once. */
const checkedDates = new Map<string, boolean>();

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  let isValid = checkedDates.get(value);
  if (isValid === undefined) {
    isValid = isCalendarDate(value);
    if (checkedDates.size > 10_000) checkedDates.clear();
    checkedDates.set(value, isValid);
  }
  return isValid;
}

function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const checkedDateTimes = new Map<string, boolean>();

function isDateTime(value: string): boolean {
  let isValid = checkedDateTimes.get(value);
  if (isValid === undefined) {
    isValid = DATE_TIME.test(value) && !Number.isNaN(Date.parse(value.replace(" ", "T")));
    if (checkedDateTimes.size > 10_000) checkedDateTimes.clear();
    checkedDateTimes.set(value, isValid);
  }
  return isValid;
}

export type CellResult = { value: unknown } | { problem: string };

/** Canonical spellings of each enumeration, looked up case-insensitively. */
const enumIndex = new WeakMap<readonly string[], Map<string, string>>();

function canonical(values: readonly string[], raw: string): string | undefined {
  let index = enumIndex.get(values);
  if (!index) {
    index = new Map(values.map((v) => [v.toLowerCase(), v]));
    enumIndex.set(values, index);
  }
  return index.get(raw.toLowerCase());
}

/** Parses one non-blank cell by its column's kind (blank cells never get here). */
export function parseCell(kind: ColumnKind, raw: string): CellResult {
  switch (kind) {
    case "text":
      return { value: raw };
    case "list":
      return {
        value: raw
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean),
      };
    case "date":
      return isIsoDate(raw) ? { value: raw } : { problem: `"${raw}" is not a date written YYYY-MM-DD.` };
    case "datetime":
      return isDateTime(raw)
        ? { value: raw }
        : { problem: `"${raw}" is not an ISO-8601 date and time (e.g. 2023-05-01T18:25:43.511Z).` };
    case "bool": {
      const lower = raw.toLowerCase();
      if (lower === "true" || lower === "false") return { value: lower === "true" };
      return { problem: `"${raw}" is not true or false.` };
    }
    case "number":
      return NUMBER.test(raw) ? { value: Number(raw) } : { problem: `"${raw}" is not a number.` };
    default: {
      const value = canonical(kind, raw);
      if (value !== undefined) return { value };
      // OneRoster 1.2 lets enumerations be extended with ext:-prefixed tokens.
      if (/^ext:\S+$/i.test(raw)) return { value: raw };
      return { problem: `"${raw}" is not one of: ${kind.join(", ")}.` };
    }
  }
}
