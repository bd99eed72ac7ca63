import path from "node:path";
import type pg from "pg";
import type { ImportLimits } from "../../config";
import { applyEnrollments } from "./apply-enrollments";
import { applyGradebook } from "./apply-gradebook";
import { type ApplyContext, applyOrganization } from "./apply-organization";
import { applyUsers } from "./apply-users";
import { RUN_LOCK_SQL } from "./interrupted-imports";
import { ProblemList, type RosterProblem } from "./problems";
import { type OnProgress, throttleProgress } from "./progress";
import { openRosterSource, type RosterSource, RosterSourceError } from "./read-files";
import { readRosterSet } from "./read-roster-set";
import type { RosterPlan } from "./roster-plan";
import { recordRowVersions, skipStaleDeltaRows } from "./row-versions";
import { acceptsCopy, type ImportCounts } from "./sql-batch";
import { validateRoster } from "./validate-roster";

export type ImportOutcome = {
  /** succeeded: the whole set landed; failed: nothing did. */
  status: "succeeded" | "failed";
  oneRosterVersion: string | null;
  /** Data rows read from the kept files. */
  rowsTotal: number;
  counts: ImportCounts;
  problems: RosterProblem[];
  /** An unexpected failure, for the caller's log; the report itself only says that one happened. */
  unexpectedError?: unknown;
};

export type ImportOptions = {
  districtId: string;
  /** A folder holding the CSV files, or a zip with them at its root. */
  source: string;
  onProgress?: OnProgress;
  /** The import limits (IMPORT_MAX_*); the defaults where none are given. */
  limits?: Partial<ImportLimits>;
  /**
   * The roster_imports row whose run lock the transaction takes and holds to the end, showing the run is alive;
   * left out when the caller holds that lock already (holdRunLock).
   */
  runId?: string;
};

/** Thrown inside the transaction to roll it back when the checks found errors. */
class Refused extends Error {}

function rowsToApply(plan: RosterPlan): number {
  const g = plan.gradebook;
  return (
    plan.schools.length +
    plan.terms.length +
    plan.courses.length +
    plan.classes.length +
    plan.students.length +
    plan.people.length +
    plan.classStudents.length +
    plan.classTeachers.length +
    plan.demographics.length +
    g.lineItems.length +
    g.results.length +
    g.targetResults.length
  );
}

/**
 * Imports a OneRoster 1.1 or 1.2 CSV set (folder or zip) into a district, in one transaction: every row is
 * checked first, and either the whole set lands or nothing does. sourcedIds are the keys, so importing the
 * same set again changes nothing. Works on a pool of its own (raw SQL, batched and set-based for speed); on
 * PGlite it holds the one connection until it is done.
 */
export async function importOneRoster(pool: pg.Pool, options: ImportOptions): Promise<ImportOutcome> {
  const onProgress = throttleProgress(options.onProgress);
  const problems = new ProblemList();
  const outcome = (status: ImportOutcome["status"], extra: Partial<ImportOutcome> = {}): ImportOutcome => ({
    status,
    oneRosterVersion: null,
    rowsTotal: 0,
    counts: {},
    ...extra,
    problems: problems.list(),
  });

  let source: RosterSource;
  try {
    source = await openRosterSource(options.source, problems, options.limits);
  } catch (error) {
    if (!(error instanceof RosterSourceError)) throw error;
    problems.halt(error.file ?? path.basename(options.source), null, null, error.message);
    return outcome("failed");
  }
  const set = await readRosterSet(source, problems, onProgress, options.limits).finally(() => source.close());
  if (!set) return outcome("failed");
  const summary = { oneRosterVersion: set.version, rowsTotal: set.rowCount };

  const client = await pool.connect();
  let isBroken = false;
  try {
    await client.query("begin");
    if (options.runId) await client.query(RUN_LOCK_SQL, [options.runId]);
    // One import per district at a time; a second waits for the first to finish.
    await client.query("select pg_advisory_xact_lock(hashtext('roster-import:' || $1))", [options.districtId]);
    const { rows } = await client.query<{ slug: string }>("select slug from districts where id = $1", [
      options.districtId,
    ]);
    const districtSlug = rows[0]?.slug;
    if (!districtSlug) throw new Error(`no district ${options.districtId}`);
    await skipStaleDeltaRows(client, options.districtId, set, problems);
    onProgress({ phase: "validating", done: 0, total: set.rowCount });
    const { plan, ids } = await validateRoster(client, {
      districtId: options.districtId,
      districtSlug,
      set,
      problems,
    });
    onProgress({ phase: "validating", done: set.rowCount, total: set.rowCount });
    if (problems.hasErrors) throw new Refused();
    const total = rowsToApply(plan);
    let done = 0;
    const counts: ImportCounts = {};
    const apply: ApplyContext = {
      client,
      districtId: options.districtId,
      plan,
      ids,
      counts,
      canCopy: await acceptsCopy(client),
      tick: (rowCount) => {
        done += rowCount;
        onProgress({ phase: "applying", done: Math.min(done, total), total });
      },
    };
    onProgress({ phase: "applying", done: 0, total });
    await applyOrganization(apply);
    await applyUsers(apply);
    await applyEnrollments(apply);
    await applyGradebook(apply);
    await recordRowVersions(client, options.districtId, set);
    for (const [entity, rowCount] of Object.entries(plan.skippedCounts)) {
      if (!counts[entity]) counts[entity] = { created: 0, updated: 0, deleted: 0, skipped: rowCount };
    }
    onProgress({ phase: "finishing", done: total, total });
    await client.query("commit");
    return outcome("succeeded", { ...summary, counts });
  } catch (error) {
    await client.query("rollback").catch(() => {
      isBroken = true;
    });
    if (error instanceof Refused) return outcome("failed", summary);
    problems.error(
      "",
      null,
      null,
      `The import stopped on an unexpected error; nothing was changed. ${describe(error)}`,
    );
    return outcome("failed", { ...summary, unexpectedError: error });
  } finally {
    client.release(isBroken);
  }
}

/** A database error's own message (it names the constraint), never a stack trace. */
function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && error instanceof Error) return `(${error.message})`;
  return "";
}
