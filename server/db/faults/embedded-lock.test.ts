import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES } from "../../test/roster-test-support";
import { openDatabase } from "../client";
import { migrateDatabase } from "../migrate";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const tmp = mkdtempSync(path.join(os.tmpdir(), "collective-db-lock-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the CLI on the embedded database in `dataDir`; resolves with its exit code and output. */
function cli(dataDir: string, args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["bin/collective.mjs", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

describe("one embedded database, two processes", () => {
  it("refuses a CLI import while another process holds the database, naming that process; works once it is closed", async () => {
    const dataDir = path.join(tmp, "held");
    const pgliteDir = path.join(dataDir, "pglite");
    const database = await openDatabase({ pgliteDir });
    await migrateDatabase(database.db);
    await database.pool.query("insert into districts (slug, name) values ('lock-test', 'Lock test')");
    try {
      const refused = await cli(dataDir, ["import", "oneroster", FIXTURES.moodleMinimalZip, "--district", "lock-test"]);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(`in use by process ${process.pid}`);
      expect(refused.output).not.toContain("Imported");
      // The holder's own database saw nothing from the refused command.
      const { rows } = await database.pool.query("select count(*)::int as n from roster_imports");
      expect(rows[0]?.n).toBe(0);
      // A second open inside the holding process is refused too.
      await expect(openDatabase({ pgliteDir })).rejects.toThrow(/in use by process/);
    } finally {
      await database.close();
    }
    expect(existsSync(`${pgliteDir}.lock`)).toBe(false);
    const imported = await cli(dataDir, ["import", "oneroster", FIXTURES.moodleMinimalZip, "--district", "lock-test"]);
    expect(imported.output).toContain("Imported OneRoster");
    expect(imported.code).toBe(0);
  }, 120_000);

  it("takes over a lock left by a process that no longer runs", async () => {
    const pgliteDir = path.join(tmp, "stale", "pglite");
    const gone = spawnSync(process.execPath, ["-e", ""]);
    expect(gone.status).toBe(0);
    const lockPath = `${pgliteDir}.lock`;
    rmSync(path.dirname(pgliteDir), { recursive: true, force: true });
    await openDatabase({ pgliteDir }).then((db) => db.close());
    writeFileSync(lockPath, JSON.stringify({ pid: gone.pid, command: "collective serve", since: "earlier" }));
    const database = await openDatabase({ pgliteDir });
    try {
      expect(JSON.parse(readFileSync(lockPath, "utf8")).pid).toBe(process.pid);
    } finally {
      await database.close();
    }
  }, 60_000);
});
