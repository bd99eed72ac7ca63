import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../db/client";
import { tableCounts } from "../../../test/roster-test-support";
import { createTestDatabase, testDatabaseKind } from "../../../test/test-db";

/*
 * A real server process (PGlite under DATA_DIR, or PostgreSQL with COLLECTIVE_TEST_DB=postgres) is sent a
 * ~300 KB zip whose users.csv unpacks to 300 MB of short lines. It must keep answering /api/health, keep its
 * peak resident memory (VmHWM) within the bounds below, fail the run naming the file and the limit, store nothing,
 * and leave no temporary files; a leftover from a crashed run is removed when it starts.
 *
 * The server runs with IMPORT_MAX_RATIO raised so that the zip is really unpacked and read: what must stop it
 * is streaming (one batch of rows in memory) and the row limit. The ratio check that refuses such a zip by
 * default is in hostile-files.test.ts.
 */

const ROOT = path.resolve(import.meta.dirname, "../../../..");
const BIN = path.join(ROOT, "bin/collective.mjs");
/** The server's whole peak while importing, where it does not host the database itself (PostgreSQL). */
const MEMORY_BOUND = 512 * 1024 * 1024;
/**
 * What the import may add to the idle server's resident memory, on either database. (On PGlite the idle
 * server already holds about 470 MB, most of it the embedded database in its worker.)
 */
const IMPORT_MEMORY_BOUND = 256 * 1024 * 1024;
const PASSWORD = "Bomb-test-password-1";
const EMAIL = "leader@bomb.example";

const tmp = mkdtempSync(path.join(os.tmpdir(), "collective-bomb-"));
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(tmp, { recursive: true, force: true });
});

function runCli(env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`${args[0]} failed: ${output}`)))),
  );
}

function startServer(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [BIN, "serve"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running at (http:\/\/\S+)/);
      if (match?.[1]) resolve({ url: match[1].replace("localhost", "127.0.0.1"), child });
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

function statusKb(pid: number, field: "VmHWM" | "VmRSS"): number {
  const match = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`${field}:\\s+(\\d+) kB`));
  return Number(match?.[1] ?? 0) * 1024;
}

/** Peak resident memory of a process since its start or the last resetPeak, in bytes (Linux). */
function peakRss(pid: number): number {
  return statusKb(pid, "VmHWM");
}

function residentMemory(pid: number): number {
  return statusKb(pid, "VmRSS");
}

/** Starts measuring the peak afresh (Linux: "5" to clear_refs resets VmHWM to the current RSS). */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, "5");
}

/** users.csv: the real header, then 300 MB of one-letter lines. Deflated, about 300 KB. */
function bombZip(): Uint8Array {
  const header =
    "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n";
  const users = Buffer.alloc(header.length + 300 * 1024 * 1024, "x\n");
  users.write(header, 0);
  const manifest = "propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\nfile.users,bulk\n";
  return zipSync({ "manifest.csv": strToU8(manifest), "users.csv": [users, { level: 9 }] });
}

describe("a highly compressible zip sent to a running server", () => {
  it("keeps the server answering in bounded memory, fails naming the file and limit, leaves nothing behind", async () => {
    const dataDir = path.join(tmp, "data");
    const leftovers = path.join(dataDir, "uploads", "tmp");
    // What a server killed mid-import leaves: its upload folder (a process id that no longer runs), and one
    // named before folders carried a process id.
    mkdirSync(path.join(leftovers, "roster-999999999-0a1b2c"), { recursive: true });
    writeFileSync(path.join(leftovers, "roster-999999999-0a1b2c", "bomb.zip"), "left over");
    mkdirSync(path.join(leftovers, "roster-0123456789abcdef01234567"), { recursive: true });

    const database = testDatabaseKind() === "postgres" ? await createTestDatabase() : undefined;
    const env = {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: database?.url ?? "",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      IMPORT_MAX_RATIO: "5000",
    };
    try {
      await runCli(
        env,
        ["create-user", "--email", EMAIL, "--role", "district_leader", "--district", "bomb"].concat([
          "--password",
          PASSWORD,
        ]),
      );
      const zip = bombZip();
      expect(zip.length).toBeLessThan(400 * 1024);
      const { url, child } = await startServer(env);
      const pid = child.pid as number;
      // The peak from here on is the import's: starting (migrations, PGlite's own memory) is not measured.
      const idle = residentMemory(pid);
      resetPeak(pid);
      expect(readdirSync(leftovers)).toEqual([]);

      const signIn = await fetch(`${url}/api/v1/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
      });
      expect(signIn.status).toBe(200);
      const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

      let isDone = false;
      const health: { status: number; ms: number }[] = [];
      const poll = (async () => {
        while (!isDone) {
          const started = performance.now();
          const status = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) })
            .then((r) => r.status)
            .catch(() => 0);
          health.push({ status, ms: performance.now() - started });
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      })();

      const form = new FormData();
      form.append("files", new Blob([Buffer.from(zip)], { type: "application/zip" }), "bomb.zip");
      const response = await fetch(`${url}/api/v1/rosters/imports`, {
        method: "POST",
        headers: { cookie },
        body: form,
      });
      expect(response.status).toBe(200);
      const events = (await response.text())
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { type: string; import?: { status: string; problems: unknown[] } });
      isDone = true;
      await poll;

      const result = events.find((e) => e.type === "result")?.import;
      expect(result?.status).toBe("failed");
      expect(result?.problems).toContainEqual(
        expect.objectContaining({
          file: "users.csv",
          severity: "error",
          message: expect.stringMatching(/more than 1,000,000 rows.*IMPORT_MAX_ROWS.*users\.csv/),
        }),
      );
      expect(health.length).toBeGreaterThan(0);
      expect(health.every((h) => h.status === 200)).toBe(true);
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
      const peak = peakRss(pid);
      expect(peak - idle).toBeLessThan(IMPORT_MEMORY_BOUND);
      if (database) expect(peak).toBeLessThan(MEMORY_BOUND);
      expect(readdirSync(leftovers)).toEqual([]);

      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      const after = database ?? (await openDatabase({ pgliteDir: path.join(dataDir, "pglite") }));
      try {
        const counts = await tableCounts(after.pool);
        expect(counts.students).toBe(0);
        expect(counts.people).toBe(1);
      } finally {
        if (!database) await after.close();
      }
      expect(existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);
    } finally {
      await database?.close();
    }
  }, 240_000);
});
