import type { ProblemList } from "./problems";

/**
 * Columns OneRoster defines and Collective has no place for (a result's comment, textScore, late, missing…):
 * a value in one is named in a warning, once per column with the first line and how many rows carry one, so
 * nothing the SIS sent is dropped without a word. A false flag carries nothing and is not counted.
 */
export function warnUnkeptColumns(
  problems: ProblemList,
  file: { fileName: string; rows: readonly object[] } | undefined,
  columns: readonly string[],
): void {
  if (!file) return;
  for (const column of columns) {
    let firstLine: number | null = null;
    let count = 0;
    for (const row of file.rows as readonly Record<string, unknown>[]) {
      const value = row[column];
      if (value === null || value === undefined || value === false || value === "") continue;
      count += 1;
      firstLine ??= typeof row.line === "number" ? row.line : null;
    }
    if (count === 0) continue;
    const rows = count === 1 ? "1 row has" : `${count} rows have`;
    problems.warn(
      file.fileName,
      firstLine,
      column,
      `${rows} a value in ${column}; Collective has no place to keep it, so it was not imported.`,
    );
  }
}
