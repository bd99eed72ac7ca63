import path from "node:path";
import cliProgress from "cli-progress";
import { ENTITY_LABELS } from "../../contract/rosters";
import type { ImportLimits } from "../config";
import type { Database } from "../db/client";
import type { ImportProgress } from "../features/rosters/progress";
import { auditDetails, type RosterImportRecord, runRosterImport } from "../features/rosters/run-roster-import";

const PHASE_LABELS: Record<ImportProgress["phase"], string> = {
  reading: "Reading files",
  validating: "Checking",
  applying: "Importing",
  finishing: "Finishing",
};

/** A progress bar on a terminal; elsewhere (CI, a pipe, a test) one plain line per phase and every ~10%. */
function progressReporter(print: (line: string) => void, isTty: boolean) {
  if (isTty) {
    const bar = new cliProgress.SingleBar(
      { format: "{phase} [{bar}] {percentage}% | {value}/{total}", hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    let phase: string | undefined;
    return {
      report(p: ImportProgress) {
        const label = PHASE_LABELS[p.phase].padEnd(13);
        if (phase !== p.phase) {
          if (phase) bar.stop();
          bar.start(Math.max(p.total, 1), p.done, { phase: label });
          phase = p.phase;
        }
        bar.setTotal(Math.max(p.total, 1));
        bar.update(p.done, { phase: label });
      },
      stop: () => bar.stop(),
    };
  }
  let last = { phase: "", tenth: -1 };
  return {
    report(p: ImportProgress) {
      const tenth = p.total > 0 ? Math.floor((p.done / p.total) * 10) : 0;
      if (p.phase === last.phase && tenth === last.tenth) return;
      last = { phase: p.phase, tenth };
      print(`${PHASE_LABELS[p.phase]}: ${p.done}/${p.total}`);
    },
    stop: () => {},
  };
}

/** The counts as a small table, then every problem as file:line column message. */
export function formatImportReport(record: RosterImportRecord): string[] {
  const lines = [
    record.status === "succeeded"
      ? `Imported OneRoster ${record.oneRosterVersion} (${record.rowsTotal} rows).`
      : "Nothing was imported: the set has errors (listed below).",
  ];
  const entries = Object.entries(record.counts).filter(
    ([, c]) => c.created + c.updated + c.deleted + (c.skipped ?? 0) > 0,
  );
  if (entries.length) {
    lines.push(
      "",
      `  ${"".padEnd(20)} ${"created".padStart(8)} ${"updated".padStart(8)} ${"deleted".padStart(8)} ${"skipped".padStart(8)}`,
    );
    for (const [entity, c] of entries) {
      const label = ENTITY_LABELS[entity] ?? entity;
      lines.push(
        `  ${label.padEnd(20)} ${String(c.created).padStart(8)} ${String(c.updated).padStart(8)} ${String(c.deleted).padStart(8)} ${String(c.skipped ?? "").padStart(8)}`,
      );
    }
  }
  if (record.problems.length) {
    lines.push("", "Problems:");
    for (const p of record.problems) {
      const where = p.file ? `${p.file}${p.line !== null ? `:${p.line}` : ""}` : "(set)";
      lines.push(`  ${p.severity.padEnd(7)} ${where}${p.column ? ` ${p.column}` : ""}  ${p.message}`);
    }
  }
  return lines;
}

/**
 * `collective import oneroster <folder|zip> --district <slug>`: runs the import with a progress bar and
 * prints what it did. Returns false when nothing landed (the caller exits with 1).
 */
export async function importOneRosterFromCli(
  database: Database,
  options: {
    source: string;
    district: string;
    print: (line: string) => void;
    isTty: boolean;
    limits?: Partial<ImportLimits>;
  },
): Promise<boolean> {
  const { rows } = await database.pool.query<{ id: string }>("select id from districts where slug = $1", [
    options.district,
  ]);
  const districtId = rows[0]?.id;
  if (!districtId) throw new Error(`There is no district with the slug "${options.district}".`);
  const progress = progressReporter(options.print, options.isTty);
  const source = path.resolve(options.source);
  let record: RosterImportRecord;
  try {
    record = await runRosterImport(database.pool, {
      districtId,
      source,
      sourceLabel: source,
      startedById: null,
      dbKind: database.kind,
      limits: options.limits,
      onProgress: (p) => progress.report(p),
      audit: async (done) => {
        await database.pool.query(
          `insert into audit_log (district_id, action, subject_type, subject_id, details)
           values ($1, 'roster.import', 'roster_import', $2, $3::jsonb)`,
          [districtId, done.id, JSON.stringify({ ...auditDetails(done), via: "cli" })],
        );
      },
    });
  } finally {
    progress.stop();
  }
  for (const line of formatImportReport(record)) options.print(line);
  if (record.unexpectedError) {
    const error = record.unexpectedError;
    options.print(`\n${error instanceof Error ? error.message : String(error)}`);
  }
  return record.status === "succeeded";
}
