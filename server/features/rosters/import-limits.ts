import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "../../config";

/**
 * A file passed one of the import limits: reading stops there (the rest is never held in memory) and the run
 * fails with this message, which names the file and the limit in plain words.
 */
export class ImportLimitError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    message: string,
  ) {
    super(message);
  }
}

/** The limits to apply: the configured ones, or the defaults where none are given (tests, scripts). */
export function importLimits(limits: Partial<ImportLimits> | undefined): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, ...limits };
}

/** A byte count as people read it: "512 MB", "1.5 GB", "300 KB". */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : Math.round(value * 10) / 10} ${units[unit]}`;
}

/** A whole number with thousands separators, as the report shows counts. */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
