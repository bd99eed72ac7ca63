/** One thing wrong (or worth knowing) about a roster file set, located as a person would look for it. */
export type RosterProblem = {
  file: string;
  /** The physical line in the file, header = 1 (newlines inside quoted fields count); null for the whole file. */
  line: number | null;
  column: string | null;
  message: string;
  severity: "error" | "warning";
};

/** The longest message, column or file name a problem keeps (a header cell can be as long as a field). */
const TEXT_LIMIT = 1000;

/**
 * A problem's text as the report can always store and show it: control characters written out (`\u0000`;
 * PostgreSQL text and jsonb refuse NUL), unpaired surrogates replaced, and cut at TEXT_LIMIT.
 */
export function printable(text: string): string {
  const cut = text.length > TEXT_LIMIT ? `${text.slice(0, TEXT_LIMIT)}…` : text;
  return cut
    .replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: that is exactly what printable() replaces
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** How many problems a report keeps; beyond that one closing entry says how many more there were. */
export const PROBLEM_LIMIT = 500;

function problem(
  file: string,
  line: number | null,
  column: string | null,
  message: string,
  severity: RosterProblem["severity"],
): RosterProblem {
  return {
    file: printable(file),
    line,
    column: column === null ? null : printable(column),
    message: printable(message),
    severity,
  };
}

/**
 * Collects problems while a file set is read, validated and applied. Errors are never crowded out by
 * warnings: the report keeps every error up to the limit, then fills what is left with warnings.
 */
export class ProblemList {
  private readonly errors: RosterProblem[] = [];
  private readonly warnings: RosterProblem[] = [];
  private omittedErrors = 0;
  private omittedWarnings = 0;
  errorCount = 0;

  constructor(private readonly limit = PROBLEM_LIMIT) {}

  error(file: string, line: number | null, column: string | null, message: string): void {
    this.errorCount += 1;
    if (this.errors.length < this.limit) this.errors.push(problem(file, line, column, message, "error"));
    else this.omittedErrors += 1;
  }

  /** The error that stopped the run (a limit passed): listed first, never crowded out by the limit on errors. */
  halt(file: string, line: number | null, column: string | null, message: string): void {
    this.errorCount += 1;
    this.errors.unshift(problem(file, line, column, message, "error"));
    if (this.errors.length > this.limit) {
      this.errors.pop();
      this.omittedErrors += 1;
    }
  }

  warn(file: string, line: number | null, column: string | null, message: string): void {
    if (this.warnings.length < this.limit) this.warnings.push(problem(file, line, column, message, "warning"));
    else this.omittedWarnings += 1;
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  /** The report: errors first (in the order found), then warnings, then "and N more" when some were left out. */
  list(): RosterProblem[] {
    const room = Math.max(0, this.limit - this.errors.length);
    const keptWarnings = this.warnings.slice(0, room);
    const moreErrors = this.omittedErrors;
    const moreWarnings = this.omittedWarnings + (this.warnings.length - keptWarnings.length);
    const list = [...this.errors, ...keptWarnings];
    if (moreErrors + moreWarnings > 0) {
      const parts = [
        moreErrors ? `${moreErrors} more error${moreErrors === 1 ? "" : "s"}` : "",
        moreWarnings ? `${moreWarnings} more warning${moreWarnings === 1 ? "" : "s"}` : "",
      ].filter(Boolean);
      list.push({
        file: "",
        line: null,
        column: null,
        message: `… and ${moreErrors + moreWarnings} more problems not listed (${parts.join(", ")}).`,
        severity: moreErrors ? "error" : "warning",
      });
    }
    return list;
  }
}
