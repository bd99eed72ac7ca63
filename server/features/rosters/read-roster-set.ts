import type { ImportLimits } from "../../config";
import type { FileSpec, OneRosterVersion, RowOf } from "./columns";
import { ACADEMIC_SESSIONS, CLASSES, COURSES, DEMOGRAPHICS, ENROLLMENTS, ORGS, ROLES, USERS } from "./file-specs";
import {
  CATEGORIES,
  LINE_ITEM_OBJECTIVES,
  LINE_ITEM_SCORE_SCALES,
  LINE_ITEMS,
  RESULT_OBJECTIVES,
  RESULT_SCORE_SCALES,
  RESULTS,
  SCORE_SCALES,
} from "./gradebook-specs";
import { ImportLimitError, importLimits } from "./import-limits";
import { type PlannedFile, planFiles, readManifest } from "./manifest";
import { type ParsedFile, parseRosterFile } from "./parse-rows";
import type { ProblemList } from "./problems";
import type { OnProgress } from "./progress";
import type { RosterSource } from "./read-files";

const KEPT = {
  orgs: ORGS,
  academicSessions: ACADEMIC_SESSIONS,
  courses: COURSES,
  classes: CLASSES,
  users: USERS,
  roles: ROLES,
  enrollments: ENROLLMENTS,
  demographics: DEMOGRAPHICS,
  categories: CATEGORIES,
  lineItems: LINE_ITEMS,
  results: RESULTS,
  scoreScales: SCORE_SCALES,
  lineItemScoreScales: LINE_ITEM_SCORE_SCALES,
  resultScoreScales: RESULT_SCORE_SCALES,
  lineItemLearningObjectiveIds: LINE_ITEM_OBJECTIVES,
  resultLearningObjectiveIds: RESULT_OBJECTIVES,
} as const satisfies Record<string, FileSpec>;

type Kept = typeof KEPT;

/** A whole file set, read and checked row by row: each file present, with its typed rows. */
export type RosterSet = {
  version: OneRosterVersion;
  files: { [K in keyof Kept]?: ParsedFile<RowOf<Kept[K]["columns"]>> };
  /** Files read for their headers and values only, with how many rows each had. */
  skipped: { file: string; rows: number }[];
  /** Data rows read in all kept files. */
  rowCount: number;
};

function isKept(name: string): name is keyof Kept {
  return name in KEPT;
}

/** Rows of a delta file are applied in dateLastModified order (rows without one first, as written). */
function sortByLastModified<Row extends { dateLastModified: string | null }>(rows: Row[]): void {
  const at = (row: Row) => (row.dateLastModified ? Date.parse(row.dateLastModified.replace(" ", "T")) : 0);
  rows.sort((a, b) => at(a) - at(b));
}

/**
 * Reads the manifest and every file it lists; problems go to `problems`, nothing touches the database. A file
 * past an import limit stops the reading there: the set is not read (undefined), and the problem says why.
 */
export async function readRosterSet(
  source: RosterSource,
  problems: ProblemList,
  onProgress: OnProgress,
  limits?: Partial<ImportLimits>,
): Promise<RosterSet | undefined> {
  try {
    return await readEveryFile(source, problems, onProgress, importLimits(limits));
  } catch (error) {
    if (!(error instanceof ImportLimitError)) throw error;
    problems.halt(error.file, error.line, null, error.message);
    return undefined;
  }
}

async function readEveryFile(
  source: RosterSource,
  problems: ProblemList,
  onProgress: OnProgress,
  limits: ImportLimits,
): Promise<RosterSet | undefined> {
  const manifest = await readManifest(source.files, problems);
  if (!manifest) return undefined;
  const planned = planFiles(manifest, source.files, problems);
  const set: RosterSet = { version: manifest.version, files: {}, skipped: [], rowCount: 0 };
  const totalBytes = planned.reduce((total, p) => total + p.file.size, 0);
  let bytesDone = 0;
  const rowBudget = { left: limits.maxRows };
  for (const plan of planned) {
    const context = {
      version: manifest.version,
      mode: plan.mode,
      problems,
      limits,
      rowBudget,
      onBytes: (bytes: number) => {
        bytesDone += bytes;
        onProgress({
          phase: "reading",
          done: Math.min(bytesDone, totalBytes),
          total: totalBytes,
          detail: plan.file.name,
        });
      },
    };
    await readPlannedFile(set, plan, context, problems);
  }
  onProgress({ phase: "reading", done: totalBytes, total: totalBytes });
  return set;
}

async function readPlannedFile(
  set: RosterSet,
  plan: PlannedFile,
  context: Parameters<typeof parseRosterFile>[2],
  problems: ProblemList,
): Promise<void> {
  const name = plan.spec.name;
  if (!isKept(name)) {
    const parsed = await parseRosterFile(plan.file, plan.spec, context);
    set.skipped.push({ file: plan.file.name, rows: parsed.rows.length });
    problems.warn(
      plan.file.name,
      null,
      null,
      `${parsed.rows.length} row${parsed.rows.length === 1 ? "" : "s"} checked but not stored: Collective does not keep ${name}.`,
    );
    return;
  }
  const parsed = await parseRosterFile(plan.file, KEPT[name], context);
  if (plan.mode === "delta") sortByLastModified(parsed.rows);
  set.rowCount += parsed.rows.length;
  (set.files as Record<string, unknown>)[name] = parsed;
}
