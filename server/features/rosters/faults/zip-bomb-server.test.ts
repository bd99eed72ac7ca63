import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../db/client";
import { tableCounts } from "../../../test/roster-test-support";
import {
  importResult,
  killServers,
  runCli,
  serverEnv,
  signIn,
  startServer,
  uploadRoster,
  watchServer,
} from "../../../test/server-process";
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
afterAll(() => {
  killServers();
  rmSync(tmp, { recursive: true, force: true });
});

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
    const env = serverEnv(dataDir, database?.url, { IMPORT_MAX_RATIO: "5000" });
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
      const server = await startServer(env);
      expect(readdirSync(leftovers)).toEqual([]);
      const cookie = await signIn(server.url, EMAIL, PASSWORD);
      // The peak from here on is the import's: starting (migrations, PGlite's own memory) is not measured.
      const bomb = { name: "bomb.zip", content: zip, type: "application/zip" };
      const watched = await watchServer(server, () => uploadRoster(server.url, cookie, [bomb]), 200);
      const { result: events, health, growth, peak } = watched;

      const result = importResult(events);
      expect(result.status).toBe("failed");
      expect(result.problems).toContainEqual(
        expect.objectContaining({
          file: "users.csv",
          severity: "error",
          message: expect.stringMatching(/more than 1,000,000 rows.*IMPORT_MAX_ROWS.*users\.csv/),
        }),
      );
      expect(health.length).toBeGreaterThan(0);
      expect(health.every((h) => h.status === 200)).toBe(true);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      expect(growth).toBeLessThan(IMPORT_MEMORY_BOUND);
      if (database) expect(peak).toBeLessThan(MEMORY_BOUND);
      expect(readdirSync(leftovers)).toEqual([]);

      await server.stop();
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
