import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { DbKind } from "../../db/client";
import { type ImportOptions, type ImportOutcome, importOneRoster } from "./import-oneroster";
import { holdRunLock } from "./interrupted-imports";

/** A finished run as roster_imports keeps it. */
export type RosterImportRecord = ImportOutcome & { id: string; source: string };

/**
 * Runs an import and keeps a record of it in roster_imports: the row is written before the import's
 * transaction begins (so a run that dies still shows as started) and completed after it ends, outside it.
 * `audit` is called last, with the record, to write the one audit entry. While it runs it holds its run lock,
 * which tells it from a run whose process died (interrupted-imports.ts).
 */
export async function runRosterImport(
  pool: pg.Pool,
  options: ImportOptions & {
    /** What was imported, as people will recognise it: a file name, or the path given to the CLI. */
    sourceLabel: string;
    startedById: string | null;
    audit: (record: RosterImportRecord) => Promise<void>;
    /** "postgres": the run holds its lock on a connection of its own throughout (holdRunLock). */
    dbKind?: DbKind;
  },
): Promise<RosterImportRecord> {
  const id = randomUUID();
  // On PostgreSQL other servers may start (and sweep) at any moment, so the lock is held from before the row
  // exists until its outcome is written. PGlite has one connection, which the import's transaction needs: its
  // transaction takes the lock, and only this process can see the row (a start-up there finds no live run).
  const held = options.dbKind === "postgres" ? await holdRunLock(pool, id) : undefined;
  try {
    const { runId: _runId, ...rest } = options;
    return await recordRun(pool, id, held ? rest : { ...rest, runId: id });
  } finally {
    await held?.release();
  }
}

async function recordRun(
  pool: pg.Pool,
  id: string,
  options: Parameters<typeof runRosterImport>[1],
): Promise<RosterImportRecord> {
  await pool.query(
    `insert into roster_imports (id, district_id, started_by_id, source, status) values ($1, $2, $3, $4, 'running')`,
    [id, options.districtId, options.startedById, options.sourceLabel.slice(0, 500)],
  );
  let outcome: ImportOutcome;
  try {
    outcome = await importOneRoster(pool, options);
  } catch (error) {
    outcome = {
      status: "failed",
      oneRosterVersion: null,
      rowsTotal: 0,
      counts: {},
      problems: [
        {
          file: "",
          line: null,
          column: null,
          message: "The import stopped on an unexpected error.",
          severity: "error",
        },
      ],
      unexpectedError: error,
    };
  }
  try {
    await finishRun(pool, id, outcome);
  } catch (error) {
    // The run must not stay "running": its status (the transaction has ended) with a report that can be stored.
    outcome = {
      ...outcome,
      problems: [
        {
          file: "",
          line: null,
          column: null,
          message:
            outcome.status === "succeeded"
              ? "The import landed, but its list of problems could not be saved."
              : "The import failed and nothing was changed, but its list of problems could not be saved.",
          severity: "error",
        },
      ],
      unexpectedError: outcome.unexpectedError ?? error,
    };
    await finishRun(pool, id, outcome);
  }
  const record = { ...outcome, id, source: options.sourceLabel };
  await options.audit(record);
  return record;
}

async function finishRun(pool: pg.Pool, id: string, outcome: ImportOutcome): Promise<void> {
  await pool.query(
    `update roster_imports set status = $2, one_roster_version = $3, rows_total = $4, counts = $5::jsonb,
       problems = $6::jsonb, finished_at = now()
     where id = $1`,
    [
      id,
      outcome.status,
      outcome.oneRosterVersion,
      outcome.rowsTotal,
      JSON.stringify(outcome.counts),
      JSON.stringify(outcome.problems),
    ],
  );
}

/** The audit entry's details: what ran and what it did, without the problem list itself. */
export function auditDetails(record: RosterImportRecord): Record<string, unknown> {
  return {
    source: record.source,
    status: record.status,
    oneRosterVersion: record.oneRosterVersion,
    rowsTotal: record.rowsTotal,
    counts: record.counts,
    errors: record.problems.filter((p) => p.severity === "error").length,
    warnings: record.problems.filter((p) => p.severity === "warning").length,
  };
}
