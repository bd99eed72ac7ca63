import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { strToU8, zipSync } from "fflate";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { students } from "../db/schema";
import { MAX_CSV_ROWS } from "../features/assessments/results-csv";
import {
  buildAssessment,
  buildClass,
  buildCommunity,
  buildEssentialStandard,
  buildStudent,
} from "../test/evidence-factories";
import { buildDistrict, buildPerson } from "../test/factories";
import { manifest11, ORGS_11, student11, tableCounts, usersCsv11 } from "../test/roster-test-support";
import { MINIMAL_PDF } from "../test/sample-files";
import {
  importResult,
  killServers,
  type ServerProcess,
  serverEnv,
  startServer,
  uploadRoster,
  watchServer,
} from "../test/server-process";
import { sessionHeaders } from "../test/test-app";
import { createTestDatabase, testDatabaseKind } from "../test/test-db";

/*
 * Hostile inputs sent to one real server process over HTTP, one after another: for each, the server keeps
 * answering /api/health while it works and after, its resident memory grows by less than the bound below,
 * nothing of a refused input is stored (read from the database once the server has stopped), nothing is left
 * in DATA_DIR/uploads/tmp, and the answer names the file, line and column, or the limit hit.
 * (The 300 MB zip bomb has a file and a server of its own: faults in rosters/faults/zip-bomb-server.test.ts.)
 */

/**
 * What one of these inputs may add to the server's resident memory. They are small (a few MB at most) and
 * were measured adding 1 to 40 MB on either database; a copy of a file per row, or a file read whole more
 * than a few times, goes past this. Half of what the 300 MB bomb may add (zip-bomb-server.test.ts).
 */
const INPUT_MEMORY_BOUND = 128 * 1024 * 1024;
/** Small enough that the library case need not send much to go past it. */
const MAX_UPLOAD_MB = 1;

const tmp = mkdtempSync(path.join(os.tmpdir(), "collective-hostile-server-"));
const dataDir = path.join(tmp, "data");
const uploadsTmp = path.join(dataDir, "uploads", "tmp");

let database: (Database & { url?: string }) | undefined;
let server: ServerProcess;
/** Checks that read what each input left in the database, run once the server has stopped. */
const storedChecks: { name: string; check: (pool: pg.Pool) => Promise<void> }[] = [];
/** Rows per roster table of each roster case's district before its input. */
const storedBaseline = new Map<string, Record<string, number>>();
const setup = {
  leaderCookies: [] as { districtId: string; cookie: string }[],
  teacherCookie: "",
  assessmentId: "",
  itemId: "",
  libraryDistrictId: "",
};

/** Builds what the inputs need, straight in the database (before the server opens it, on PGlite). */
async function seed(db: Database, rosterDistricts: number) {
  for (let i = 0; i < rosterDistricts; i += 1) {
    const district = await buildDistrict(db.db);
    const leader = await buildPerson(db.db, district, "district_leader");
    setup.leaderCookies.push({ districtId: district.id, cookie: (await sessionHeaders(db.db, leader)).cookie });
    storedBaseline.set(district.id, await tableCounts(db.pool, district.id));
  }
  const district = await buildDistrict(db.db);
  setup.libraryDistrictId = district.id;
  const teacher = await buildPerson(db.db, district, "teacher");
  setup.teacherCookie = (await sessionHeaders(db.db, teacher)).cookie;
  const community = await buildCommunity(db.db, district, [{ personId: teacher.id }]);
  const klass = await buildClass(db.db, district, { teacherIds: [teacher.id] });
  const student = await buildStudent(db.db, district, {
    givenName: "Ada",
    familyName: "Lovelace",
    classIds: [klass.id],
  });
  await db.db.update(students).set({ identifier: "1001" }).where(eq(students.id, student.id));
  const essential = await buildEssentialStandard(db.db, district, { communityId: community.id, targets: ["A"] });
  const assessment = await buildAssessment(db.db, district, {
    communityId: community.id,
    classIds: [klass.id],
    items: [{ label: "Q1", maxPoints: 2, targetIds: [essential.targets[0]?.id as string] }],
  });
  setup.assessmentId = assessment.id;
  setup.itemId = assessment.items[0]?.id as string;
}

const ROSTER_CASES = 7;
let nextDistrict = 0;
/** A district of its own for one roster case, with its leader's session and its rows before the case. */
function rosterDistrict() {
  const district = setup.leaderCookies[nextDistrict];
  nextDistrict += 1;
  if (!district) throw new Error("seed more roster districts");
  return district;
}

beforeAll(async () => {
  database = testDatabaseKind() === "postgres" ? await createTestDatabase() : undefined;
  if (database) {
    await seed(database, ROSTER_CASES);
  } else {
    const embedded = await openDatabase({ pgliteDir: path.join(dataDir, "pglite") });
    try {
      await migrateDatabase(embedded.db);
      await seed(embedded, ROSTER_CASES);
    } finally {
      await embedded.close();
    }
  }
  server = await startServer(serverEnv(dataDir, database?.url, { MAX_UPLOAD_MB: String(MAX_UPLOAD_MB) }));
}, 120_000);

afterAll(async () => {
  killServers();
  await database?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/**
 * Runs one hostile input through the server, polling /api/health meanwhile, and checks what every input must
 * leave: answers during and after, memory growth under the bound, an empty uploads/tmp.
 */
async function throughServer<T>(attempt: () => Promise<T>): Promise<T> {
  const { result, health, growth } = await watchServer(server, attempt, 50);
  expect(health.length).toBeGreaterThan(0);
  expect(health.filter((h) => h.status !== 200)).toEqual([]);
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  expect(growth).toBeLessThan(INPUT_MEMORY_BOUND);
  expect(existsSync(uploadsTmp) ? readdirSync(uploadsTmp) : []).toEqual([]);
  return result;
}

const EARLIER = "2024-08-20T00:00:00Z";
const LATER = "2024-09-02T00:00:00Z";

type Upload = { name: string; content: Buffer | Uint8Array; type?: string };

/** A OneRoster 1.1 set sent as its CSV files: orgs and users in a bulk set, users alone in a delta. */
function rosterFiles(users: string | Buffer, mode: "bulk" | "delta" = "bulk"): Upload[] {
  const files: Upload[] = [{ name: "users.csv", content: Buffer.from(users) }];
  if (mode === "bulk") files.unshift({ name: "orgs.csv", content: Buffer.from(ORGS_11) });
  const manifest = manifest11(mode === "bulk" ? ["orgs", "users"] : ["users"], mode);
  return [{ name: "manifest.csv", content: Buffer.from(manifest) }, ...files];
}

async function studentNames(pool: pg.Pool, districtId: string): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    "select given_name || ' ' || family_name as name from students where district_id = $1 order by sourced_id",
    [districtId],
  );
  return rows.map((row) => row.name);
}

/** After the server stops: the district holds exactly the rows it held before the input. */
function expectNothingStored(name: string, districtId: string) {
  const before = storedBaseline.get(districtId);
  storedChecks.push({
    name,
    check: async (pool) => expect(await tableCounts(pool, districtId), name).toEqual(before),
  });
}

/** UTF-16 little-endian with a byte order mark, as Excel's "Unicode text" saves it. */
const utf16 = (text: string) => Buffer.from(`\uFEFF${text}`, "utf16le");

describe("hostile inputs sent to a running server", () => {
  it("a zip listing more entries than the limit: refused naming the zip and IMPORT_MAX_ENTRIES", async () => {
    const { districtId, cookie } = rosterDistrict();
    expectNothingStored("many entries", districtId);
    const entries: Record<string, Uint8Array> = { "manifest.csv": strToU8(manifest11(["orgs", "users"])) };
    for (let i = 0; i < 5000; i += 1) entries[`extra-${i}.txt`] = strToU8("x");
    const zip = zipSync(entries);
    const events = await throughServer(() =>
      uploadRoster(server.url, cookie, [{ name: "many.zip", content: zip, type: "application/zip" }]),
    );
    const result = importResult(events);
    expect(result.status).toBe("failed");
    expect(result.problems[0]?.message).toMatch(/many\.zip holds 5,001 entries.*at most 100 \(IMPORT_MAX_ENTRIES\)/);
  });

  it("a UTF-16 users.csv: imported as written, with a warning naming the encoding", async () => {
    const { districtId, cookie } = rosterDistrict();
    storedChecks.push({
      name: "UTF-16",
      check: async (pool) => expect(await studentNames(pool, districtId)).toEqual(["José García", "Zoë Ñúñez"]),
    });
    const users = utf16(usersCsv11([student11("s-1", "José", "García"), student11("s-2", "Zoë", "Ñúñez")]));
    const result = importResult(await throughServer(() => uploadRoster(server.url, cookie, rosterFiles(users))));
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.status).toBe("succeeded");
    expect(result.problems).toContainEqual(
      expect.objectContaining({ file: "users.csv", severity: "warning", message: expect.stringMatching(/UTF-16/) }),
    );
  });

  it("a Windows-1252 users.csv: imported as Windows-1252, with a warning, not as mojibake", async () => {
    const { districtId, cookie } = rosterDistrict();
    storedChecks.push({
      name: "Windows-1252",
      check: async (pool) => expect(await studentNames(pool, districtId)).toEqual(["José García", "Zoë Ñúñez"]),
    });
    const users = Buffer.from(
      usersCsv11([student11("s-1", "José", "García"), student11("s-2", "Zoë", "Ñúñez")]),
      "latin1",
    );
    const result = importResult(await throughServer(() => uploadRoster(server.url, cookie, rosterFiles(users))));
    expect(result.status).toBe("succeeded");
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        file: "users.csv",
        severity: "warning",
        message: expect.stringMatching(/Windows-1252.*not UTF-8/),
      }),
    );
  });

  it("a NUL byte in a field: refused naming file, line and column; nothing stored", async () => {
    const { districtId, cookie } = rosterDistrict();
    expectNothingStored("NUL", districtId);
    const users = usersCsv11([student11("s-1", "Ana", "Lee"), student11("s-2", "Bo\u0000b", "Lee")]);
    const result = importResult(await throughServer(() => uploadRoster(server.url, cookie, rosterFiles(users))));
    expect(result.status).toBe("failed");
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([
      expect.objectContaining({
        file: "users.csv",
        line: 3,
        column: "givenName",
        message: expect.stringMatching(/NUL/),
      }),
    ]);
  });

  it("a 500,000-character field: refused naming file, line, column and IMPORT_MAX_FIELD_CHARS; nothing stored", async () => {
    const { districtId, cookie } = rosterDistrict();
    expectNothingStored("huge field", districtId);
    const users = usersCsv11([student11("s-1", "Ana", "Lee"), student11("s-2", "B".repeat(500_000), "Lee")]);
    const result = importResult(await throughServer(() => uploadRoster(server.url, cookie, rosterFiles(users))));
    expect(result.status).toBe("failed");
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        file: "users.csv",
        line: 3,
        column: "givenName",
        message: expect.stringMatching(/longer than 10,000 characters.*IMPORT_MAX_FIELD_CHARS/),
      }),
    );
    expect(JSON.stringify(result).length).toBeLessThan(10_000);
  });

  it("a delta naming one user twice: refused naming the second line; the bulk set before it is kept as it was", async () => {
    const { districtId, cookie } = rosterDistrict();
    storedChecks.push({
      name: "duplicate delta rows",
      check: async (pool) => expect(await studentNames(pool, districtId)).toEqual(["Sam Lee"]),
    });
    const result = await throughServer(async () => {
      const bulk = importResult(
        await uploadRoster(server.url, cookie, rosterFiles(usersCsv11([student11("s-1", "Sam", "Lee")]))),
      );
      expect(bulk.status).toBe("succeeded");
      const users = usersCsv11([student11("s-1", "Samuel", "Lee", LATER), student11("s-1", "Sammy", "Lee", LATER)]);
      return importResult(await uploadRoster(server.url, cookie, rosterFiles(users, "delta")));
    });
    expect(result.status).toBe("failed");
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([
      expect.objectContaining({
        file: "users.csv",
        line: 3,
        column: "sourcedId",
        message: 'Duplicate sourcedId "s-1" (first on line 2).',
      }),
    ]);
  });

  it("deltas that arrive out of order: the older one's stale rows are skipped with a warning, the rest apply", async () => {
    const { districtId, cookie } = rosterDistrict();
    storedChecks.push({
      name: "reordered deltas",
      check: async (pool) => expect(await studentNames(pool, districtId)).toEqual(["Samuel Lee", "Skyler Diaz"]),
    });
    const late = await throughServer(async () => {
      const bulk = usersCsv11([student11("s-1", "Sam", "Lee"), student11("s-2", "Sky", "Diaz")]);
      expect(importResult(await uploadRoster(server.url, cookie, rosterFiles(bulk))).status).toBe("succeeded");
      const newer = usersCsv11([student11("s-1", "Samuel", "Lee", LATER)]);
      expect(importResult(await uploadRoster(server.url, cookie, rosterFiles(newer, "delta"))).status).toBe(
        "succeeded",
      );
      const older = usersCsv11([
        student11("s-1", "Sammy", "Lee", EARLIER),
        student11("s-2", "Skyler", "Diaz", EARLIER),
      ]);
      return importResult(await uploadRoster(server.url, cookie, rosterFiles(older, "delta")));
    });
    expect(late.status).toBe("succeeded");
    expect(late.problems.map((p) => `${p.severity} ${p.file}: ${p.message}`)).toEqual([
      "warning users.csv: 1 row skipped (s-1): its dateLastModified is older than a change already imported for it, so the newer data is kept.",
    ]);
  });

  it("a library file over MAX_UPLOAD_MB: refused naming the limit; no file and no row kept", async () => {
    storedChecks.push({
      name: "library upload",
      check: async (pool) => {
        const { rows } = await pool.query<{ n: number }>(
          "select (select count(*)::int from resources where district_id = $1) + (select count(*)::int from files where district_id = $1) as n",
          [setup.libraryDistrictId],
        );
        expect(rows[0]?.n).toBe(0);
      },
    });
    const response = await throughServer(async () => {
      const form = new FormData();
      form.append("resource", JSON.stringify({ kind: "file", title: "Handout", scope: "district" }));
      const big = Buffer.concat([MINIMAL_PDF, Buffer.alloc(3 * MAX_UPLOAD_MB * 1024 * 1024, 0x20)]);
      form.append("file", new Blob([big], { type: "application/pdf" }), "small.pdf");
      const answer = await fetch(`${server.url}/api/v1/resources`, {
        method: "POST",
        headers: { cookie: setup.teacherCookie },
        body: form,
      });
      return { status: answer.status, body: (await answer.json()) as { detail?: string } };
    });
    expect(response.status).toBe(413);
    expect(response.body.detail).toBe(`The file is larger than the ${MAX_UPLOAD_MB} MB limit.`);
    expect(existsSync(path.join(dataDir, "uploads", setup.libraryDistrictId))).toBe(false);
  });

  it("a results CSV with more rows than the limit: refused naming the line and the limit; no score kept", async () => {
    storedChecks.push({
      name: "results CSV",
      check: async (pool) => {
        const { rows: found } = await pool.query<{ n: number }>(
          "select count(*)::int as n from item_scores where assessment_id = $1",
          [setup.assessmentId],
        );
        expect(found[0]?.n).toBe(0);
      },
    });
    const rows = Array.from({ length: MAX_CSV_ROWS + 5 }, () => "1001,1");
    const response = await throughServer(async () => {
      const answer = await fetch(`${server.url}/api/v1/assessments/${setup.assessmentId}/results/csv`, {
        method: "POST",
        headers: { cookie: setup.teacherCookie, "content-type": "application/json" },
        body: JSON.stringify({
          csv: `Student ID,Q1\n${rows.join("\n")}\n`,
          mapping: {
            studentColumn: "Student ID",
            studentKey: "identifier",
            itemColumns: { Q1: setup.itemId },
            statusColumn: null,
          },
        }),
      });
      return { status: answer.status, text: await answer.text() };
    });
    expect(response.status).toBe(422);
    expect(response.text).toMatch(
      new RegExp(`Line ${MAX_CSV_ROWS + 2}: .*at most ${MAX_CSV_ROWS.toLocaleString("en-US")} rows`),
    );
  });

  it("after them all: the server stops cleanly and the database holds only what the accepted inputs brought", async () => {
    await server.stop();
    const reader = database ?? (await openDatabase({ pgliteDir: path.join(dataDir, "pglite") }));
    try {
      for (const { check } of storedChecks) await check(reader.pool);
    } finally {
      if (!database) await reader.close();
    }
    expect(storedChecks.map((c) => c.name)).toHaveLength(9);
  }, 60_000);
});
