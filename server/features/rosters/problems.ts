/** One thing wrong (or worth knowing) about a roster file set, located as a person would look for it. */
export type RosterProblem = {
  file: string;
  /** The physical line in the file, header = 1 (newlines inside quoted fields count); null for the whole file. */
  line: number | null;
  column: string | null;
  message: string;
  severity: "error" | "warning";
};

/** How many problems a report keeps; beyond that one closing entry says how many more there were. */
export const PROBLEM_LIMIT = 500;

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
    if (this.errors.length < this.limit) this.errors.push({ file, line, column, message, severity: "error" });
    else this.omittedErrors += 1;
  }

  warn(file: string, line: number | null, column: string | null, message: string): void {
    if (this.warnings.length < this.limit) this.warnings.push({ file, line, column, message, severity: "warning" });
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
