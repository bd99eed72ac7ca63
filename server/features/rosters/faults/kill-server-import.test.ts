import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../../db/client";
import { tableCounts } from "../../../test/roster-test-support";
import {
  killServers,
  type RosterImportEvent,
  runCli,
  serverEnv,
  signIn,
  startServer,
  uploadRoster,
} from "../../../test/server-process";
import { createTestDatabase, testDatabaseKind } from "../../../test/test-db";
import { generateOneRoster } from "../generate-oneroster";

/*
 * A server killed with SIGKILL while it writes an import (a crash, an out-of-memory kill), then started again
 * on the same DATA_DIR and database (PGlite, or a fresh PostgreSQL database with COLLECTIVE_TEST_DB=postgres).
 * The run must show as failed with a reason at once, not "running"; none of its rows may be stored; its upload
 * folder must be gone; and the restarted server must answer. (kill-import.test.ts kills the CLI instead.)
 */

const PASSWORD = "Kill-test-password-1";
const EMAIL = "leader@kill.example";

const tmp = mkdtempSync(path.join(os.tmpdir(), "collective-kill-server-"));
afterAll(() => {
  killServers();
  rmSync(tmp, { recursive: true, force: true });
});

/** A set whose import is still writing a second or more after it starts: 6,000 students, with guardians. */
async function bigSetFiles() {
  const folder = path.join(tmp, "big");
  await generateOneRoster(folder, { students: 6000, guardians: true });
  return readdirSync(folder).map((name) => ({ name, content: readFileSync(path.join(folder, name)) }));
}

/**
 * PostgreSQL ends a killed client's sessions, and frees their locks, once it notices their connections are
 * gone: a server starting before then would rightly take the run for a live one.
 */
async function deadSessionsGone(database: Database): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    const { rows } = await database.pool.query<{ n: number }>(
      `select count(*)::int as n from pg_locks
        where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`,
    );
    if (rows[0]?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("a server killed with SIGKILL mid-import", () => {
  it("comes back with the run failed and a reason, nothing of it stored, no upload left, answering", async () => {
    const dataDir = path.join(tmp, "data");
    const uploadsTmp = path.join(dataDir, "uploads", "tmp");
    const database = testDatabaseKind() === "postgres" ? await createTestDatabase() : undefined;
    const env = serverEnv(dataDir, database?.url);
    /** The database as the servers leave it: PostgreSQL is read beside them, PGlite once they have stopped. */
    const readStored = async <T>(read: (database: Database) => Promise<T>) => {
      const reader = database ?? (await openDatabase({ pgliteDir: path.join(dataDir, "pglite") }));
      try {
        return await read(reader);
      } finally {
        if (!database) await reader.close();
      }
    };
    try {
      await runCli(
        env,
        ["create-user", "--email", EMAIL, "--role", "district_leader", "--district", "kill"].concat([
          "--password",
          PASSWORD,
        ]),
      );
      const files = await bigSetFiles();
      const before = await readStored((d) => tableCounts(d.pool));

      const first = await startServer(env);
      const cookie = await signIn(first.url, EMAIL, PASSWORD);
      let leftBehind: string[] = [];
      const cutOff = await uploadRoster(first.url, cookie, files, (event: RosterImportEvent) => {
        if (event.type !== "progress" || event.phase !== "applying" || !event.done) return;
        leftBehind = readdirSync(uploadsTmp);
        // No handler runs: the transaction is cut off, and the upload folder stays where it is.
        first.child.kill("SIGKILL");
      }).then(
        () => "finished",
        () => "cut off",
      );
      await first.kill();
      expect(cutOff).toBe("cut off");
      expect(leftBehind).toEqual([expect.stringMatching(new RegExp(`^roster-${first.pid}-`))]);

      if (database) await deadSessionsGone(database);
      const second = await startServer(env);
      expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
      expect(readdirSync(uploadsTmp)).toEqual([]);
      const cookieAgain = await signIn(second.url, EMAIL, PASSWORD);
      const get = async <T>(route: string) =>
        (await (await fetch(`${second.url}/api/v1${route}`, { headers: { cookie: cookieAgain } })).json()) as T;
      const runs = (await get<{ items: { id: string; status: string }[] }>("/rosters/imports")).items;
      expect(runs.map((run) => run.status)).toEqual(["failed"]);
      const run = await get<{ status: string; problems: { message: string }[] }>(`/rosters/imports/${runs[0]?.id}`);
      expect(run.problems.map((p) => p.message)).toEqual([
        expect.stringMatching(/stopped before it finished.*nothing from it was saved/),
      ]);
      await second.stop();

      expect(await readStored((d) => tableCounts(d.pool))).toEqual(before);
      expect(existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);
    } finally {
      await database?.close();
    }
  }, 240_000);
});
