import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { FIXTURES, tableCounts } from "../../test/roster-test-support";
import { createPostgresTestDatabaseIfAvailable, testDatabaseKind } from "../../test/test-db";
import { generateOneRoster } from "./generate-oneroster";
import { importOneRoster } from "./import-oneroster";
import { holdRunLock, markImportsLeftRunning, markInterruptedImports, RUN_LOCK_SQL } from "./interrupted-imports";
import { runRosterImport } from "./run-roster-import";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const tmp = mkdtempSync(path.join(os.tmpdir(), "collective-kill-import-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A set big enough that its import is still writing when the child is killed. */
const bigSet = generateOneRoster(path.join(tmp, "big"), { students: 6000, guardians: true });

/** A district with a small roster already imported, so "as before" is more than empty tables. */
async function prepare(database: Database, slug: string): Promise<string> {
  const { rows } = await database.pool.query<{ id: string }>(
    "insert into districts (slug, name) values ($1, 'Kill test') returning id",
    [slug],
  );
  const districtId = rows[0]?.id as string;
  const outcome = await importOneRoster(database.pool, { districtId, source: FIXTURES.moodleFullZip });
  expect(outcome.status).toBe("succeeded");
  return districtId;
}

/**
 * Runs `collective import oneroster` in a child process, waits until it reports writing rows, and kills it
 * with SIGKILL: no handler runs, the transaction is simply cut off.
 */
async function killImportMidway(env: Record<string, string | undefined>, slug: string): Promise<string> {
  await bigSet;
  const child = spawn(
    process.execPath,
    ["bin/collective.mjs", "import", "oneroster", path.join(tmp, "big"), "--district", slug],
    { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "silent", ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no progress line in time:\n${output}`)), 90_000);
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const writing = [...output.matchAll(/^Importing: (\d+)\/(\d+)$/gm)].some((m) => Number(m[1]) > 0);
      if (writing) {
        clearTimeout(timer);
        child.kill("SIGKILL");
        resolve();
      }
    });
    child.on("exit", () => {
      clearTimeout(timer);
      reject(new Error(`the import ended before it was killed:\n${output}`));
    });
  });
  expect(await exited).toBe("SIGKILL");
  return output;
}

describe("an import killed with SIGKILL", () => {
  // Each half runs in its own database's phase of the suite (COLLECTIVE_TEST_DB), not twice.
  it.runIf(testDatabaseKind() === "pglite")(
    "leaves a PGlite database exactly as it was",
    async () => {
      const dataDir = path.join(tmp, "pglite-data");
      const pgliteDir = path.join(dataDir, "pglite");
      let database = await openDatabase({ pgliteDir });
      await migrateDatabase(database.db);
      const districtId = await prepare(database, "kill-pglite");
      const before = await tableCounts(database.pool);
      await database.close();

      const output = await killImportMidway({ DATA_DIR: dataDir, DATABASE_URL: "" }, "kill-pglite");
      expect(output).toContain("Importing:");

      database = await openDatabase({ pgliteDir });
      try {
        expect(await tableCounts(database.pool)).toEqual(before);
        const { rows } = await database.pool.query(
          "select status from roster_imports where district_id = $1 order by started_at",
          [districtId],
        );
        // The run was recorded before its transaction began, and never finished.
        expect(rows).toEqual([{ status: "running" }]);
        expect(await statusAfterSweep(database, districtId)).toEqual(["failed"]);
      } finally {
        await database.close();
      }
    },
    180_000,
  );

  it("leaves a PostgreSQL database exactly as it was (when DATABASE_URL is set)", async (context) => {
    if (testDatabaseKind() !== "postgres") return context.skip();
    const database = await createPostgresTestDatabaseIfAvailable();
    if (!database?.url) return context.skip();
    try {
      const districtId = await prepare(database, "kill-postgres");
      const before = await tableCounts(database.pool);
      await killImportMidway({ DATABASE_URL: database.url, DATA_DIR: path.join(tmp, "pg-data") }, "kill-postgres");
      // The server ends the dead session's transaction once it notices the connection is gone.
      for (let i = 0; i < 50; i += 1) {
        const { rows } = await database.pool.query(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'",
        );
        if (rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await tableCounts(database.pool)).toEqual(before);
      expect(await statusAfterSweep(database, districtId)).toEqual(["failed"]);
    } finally {
      await database.close();
    }
  }, 180_000);

  it("is not mistaken for one that is still running, which holds its run lock (PostgreSQL)", async (context) => {
    if (testDatabaseKind() !== "postgres") return context.skip();
    const database = await createPostgresTestDatabaseIfAvailable();
    if (!database?.url) return context.skip();
    const live = await database.pool.connect();
    try {
      const districtId = await prepare(database, "live-postgres");
      const { rows } = await database.pool.query<{ id: string }>(
        `insert into roster_imports (district_id, source, status, started_at)
         values ($1, 'live.zip', 'running', now() - interval '10 minutes') returning id`,
        [districtId],
      );
      await live.query("begin");
      await live.query(RUN_LOCK_SQL, [rows[0]?.id]);
      expect(await statusAfterSweep(database, districtId, { backdate: false })).toEqual(["running"]);
      await live.query("rollback");
      expect(await statusAfterSweep(database, districtId, { backdate: false })).toEqual(["failed"]);
    } finally {
      live.release();
      await database.close();
    }
  });
});

describe("a server's start-up sweep (PostgreSQL, when DATABASE_URL is set)", () => {
  it("leaves another process's live run alone from its first moment, and fails it once its process is gone", async (context) => {
    if (testDatabaseKind() !== "postgres") return context.skip();
    const database = await createPostgresTestDatabaseIfAvailable();
    if (!database?.url) return context.skip();
    try {
      const { rows } = await database.pool.query<{ id: string }>(
        "insert into districts (slug, name) values ('sweep', 'Sweep') returning id",
      );
      const runId = randomUUID();
      const held = await holdRunLock(database.pool, runId);
      await database.pool.query(
        "insert into roster_imports (id, district_id, source, status) values ($1, $2, 'live.zip', 'running')",
        [runId, rows[0]?.id],
      );
      expect(await markImportsLeftRunning(database.db)).toBe(0);
      await held.release();
      expect(await markImportsLeftRunning(database.db)).toBe(1);
      const { rows: after } = await database.pool.query("select status from roster_imports where id = $1", [runId]);
      expect(after).toEqual([{ status: "failed" }]);
    } finally {
      await database.close();
    }
  });

  it("never fails a run of this code while it reads its files, before its transaction begins", async (context) => {
    if (testDatabaseKind() !== "postgres") return context.skip();
    const database = await createPostgresTestDatabaseIfAvailable();
    if (!database?.url) return context.skip();
    try {
      const { rows } = await database.pool.query<{ id: string }>(
        "insert into districts (slug, name) values ('sweep-live', 'Sweep live') returning id",
      );
      const sweeps: Promise<{ running: number; marked: number }>[] = [];
      const sweep = async () => {
        const { rows: running } = await database.pool.query<{ n: number }>(
          "select count(*)::int as n from roster_imports where status = 'running'",
        );
        return { running: running[0]?.n ?? 0, marked: await markImportsLeftRunning(database.db) };
      };
      const record = await runRosterImport(database.pool, {
        districtId: rows[0]?.id as string,
        source: FIXTURES.moodleMinimalZip,
        sourceLabel: "minimal.zip",
        startedById: null,
        dbKind: "postgres",
        onProgress: (progress) => {
          if (progress.phase === "reading" && sweeps.length === 0) sweeps.push(sweep());
        },
        audit: async () => {},
      });
      expect(sweeps).toHaveLength(1);
      expect(await Promise.all(sweeps)).toEqual([{ running: 1, marked: 0 }]);
      expect(record.status).toBe("succeeded");
    } finally {
      await database.close();
    }
  });
});

/** The statuses after the sweep that the import pages run, once the runs are old enough to be looked at. */
async function statusAfterSweep(database: Database, districtId: string, options = { backdate: true }) {
  if (options.backdate) {
    await database.pool.query(
      "update roster_imports set started_at = started_at - interval '2 minutes' where district_id = $1",
      [districtId],
    );
  }
  await markInterruptedImports(database.db, districtId);
  const { rows } = await database.pool.query<{ status: string; problems: { message: string }[] }>(
    "select status, problems from roster_imports where district_id = $1 order by started_at",
    [districtId],
  );
  for (const row of rows.filter((r) => r.status === "failed")) {
    expect(row.problems[0]?.message).toContain("stopped before it finished");
  }
  return rows.map((row) => row.status);
}
