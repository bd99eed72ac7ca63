import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { buildDistrict } from "../../../test/factories";
import {
  manifest11,
  ORGS_11,
  student11,
  tableCounts,
  USERS_11_HEADER,
  usersCsv11,
  writeSet,
} from "../../../test/roster-test-support";
import { createTestDatabase } from "../../../test/test-db";
import { type RosterImportRecord, runRosterImport } from "../run-roster-import";

/*
 * Hostile and unusual files, built here byte by byte: each must end the run as succeeded or failed (never
 * "running"), store nothing when it fails, and say what is wrong naming the file, line and column or the limit.
 */

const tmp = mkdtempSync(path.join(os.tmpdir(), "collective-hostile-"));
let database: Database;
let districtId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  districtId = (await buildDistrict(database.db)).id;
});
afterAll(async () => {
  await database?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const MANIFEST = manifest11(["orgs", "users"]);

let sets = 0;
/** A folder set with orgs.csv and the given users.csv bytes. */
function folderSet(users: string | Buffer): string {
  sets += 1;
  return writeSet(path.join(tmp, `set-${sets}`), { "manifest.csv": MANIFEST, "orgs.csv": ORGS_11, "users.csv": users });
}

async function run(source: string, limits = {}): Promise<RosterImportRecord> {
  return runRosterImport(database.pool, {
    districtId,
    source,
    sourceLabel: path.basename(source),
    startedById: null,
    limits,
    audit: async () => {},
  });
}

/** The run as roster_imports keeps it: the report must have been stored whatever the file held. */
async function storedRun(id: string) {
  const { rows } = await database.pool.query<{ status: string; problems: { message: string }[] }>(
    "select status, problems from roster_imports where id = $1",
    [id],
  );
  return rows[0];
}

async function studentNames(): Promise<string[]> {
  const { rows } = await database.pool.query<{ name: string }>(
    "select given_name || ' ' || family_name as name from students where district_id = $1 order by sourced_id",
    [districtId],
  );
  return rows.map((row) => row.name);
}

function errors(record: RosterImportRecord) {
  return record.problems.filter((p) => p.severity === "error");
}

/** UTF-16 with the given byte order, from a JS string (which is UTF-16 already). */
function utf16(text: string, order: "le" | "be", bom: boolean): Buffer {
  const le = Buffer.from(`${bom ? "\uFEFF" : ""}${text}`, "utf16le");
  return order === "le" ? le : Buffer.from(le).swap16();
}

describe("encodings", () => {
  it("reads UTF-16 (with and without a byte order mark, either byte order), saying so", async () => {
    const text = usersCsv11([student11("s-1", "José", "García"), student11("s-2", "Zoë", "Ñúñez")]);
    for (const bytes of [utf16(text, "le", true), utf16(text, "be", true), utf16(text, "le", false)]) {
      const record = await run(folderSet(bytes));
      expect(errors(record)).toEqual([]);
      expect(record.status).toBe("succeeded");
      expect((await storedRun(record.id))?.status).toBe("succeeded");
      expect(await studentNames()).toEqual(["José García", "Zoë Ñúñez"]);
      expect(record.problems).toContainEqual(
        expect.objectContaining({ file: "users.csv", severity: "warning", message: expect.stringMatching(/UTF-16/) }),
      );
    }
  });

  it("reads a Windows-1252 file as Windows-1252, with a warning naming it, not as mojibake", async () => {
    const text = usersCsv11([student11("s-1", "José", "García"), student11("s-2", "Zoë", "Ñúñez")]);
    const record = await run(folderSet(Buffer.from(text, "latin1")));
    expect(record.status).toBe("succeeded");
    expect(await studentNames()).toEqual(["José García", "Zoë Ñúñez"]);
    expect(record.problems).toContainEqual(
      expect.objectContaining({
        file: "users.csv",
        severity: "warning",
        message: expect.stringMatching(/Windows-1252.*not UTF-8/),
      }),
    );
  });

  it("reads Windows-1252's own letters (’ “ ” €), where it differs from Latin-1, as text and not as control characters", async () => {
    const text = usersCsv11([student11("s-1", "Siobhán", "O’Brien"), student11("s-2", "“Bea”", "Ruiz€")]);
    // 0x92 is ’, 0x93 “, 0x94 ”, 0x80 € in Windows-1252 (and C1 control characters in Latin-1).
    const bytes = Buffer.from(
      text.replace("’", "\x92").replace("“", "\x93").replace("”", "\x94").replace("€", "\x80"),
      "latin1",
    );
    const record = await run(folderSet(bytes));
    expect(record.status).toBe("succeeded");
    expect(await studentNames()).toEqual(["Siobhán O’Brien", "“Bea” Ruiz€"]);
  });

  it("refuses a file that switches from UTF-8 to another encoding, naming the line", async () => {
    const before = await tableCounts(database.pool, districtId);
    const good = Buffer.from(usersCsv11([student11("s-1", "José", "García")]));
    const bad = Buffer.from(`${student11("s-9", "René", "Ortíz")}\r\n`, "latin1");
    const record = await run(folderSet(Buffer.concat([good, bad])));
    expect(record.status).toBe("failed");
    expect(errors(record)).toContainEqual(
      expect.objectContaining({ file: "users.csv", line: 3, message: expect.stringMatching(/mixes two encodings/) }),
    );
    expect(await tableCounts(database.pool, districtId)).toEqual(before);
  });

  it("refuses NUL and other control characters naming file, line and column; stores the report and nothing else", async () => {
    const before = await tableCounts(database.pool, districtId);
    const text = usersCsv11([
      student11("s-1", "Ana", "Lee"),
      student11("s-2", "Bo\u0000b", "Lee"),
      student11("s-3", "Cy", "L\u0007i"),
    ]);
    const record = await run(folderSet(text));
    expect(record.status).toBe("failed");
    expect(errors(record)).toEqual([
      expect.objectContaining({
        file: "users.csv",
        line: 3,
        column: "givenName",
        message: expect.stringMatching(/NUL/),
      }),
      expect.objectContaining({
        file: "users.csv",
        line: 4,
        column: "familyName",
        message: expect.stringMatching(/U\+0007/),
      }),
    ]);
    expect((await storedRun(record.id))?.status).toBe("failed");
    expect(await tableCounts(database.pool, districtId)).toEqual(before);
  });

  it("names the delimiter of a semicolon-separated file in one error", async () => {
    const text = usersCsv11([student11("s-1", "Ana", "Lee")]).replaceAll(",", ";");
    const record = await run(folderSet(text));
    expect(record.status).toBe("failed");
    const users = errors(record).filter((p) => p.file === "users.csv");
    expect(users).toEqual([expect.objectContaining({ line: 1, message: expect.stringMatching(/semicolons \(;\)/) })]);
  });

  it("keeps a report whose text holds NUL (an unknown column's name) storable", async () => {
    const header = `${USERS_11_HEADER},extra\u0000column`;
    const record = await run(folderSet(`${header}\r\n${student11("s-1", "Ana", "Lee")},x\r\n`));
    expect(record.status).toBe("failed");
    expect((await storedRun(record.id))?.status).toBe("failed");
    expect(errors(record)[0]).toMatchObject({ file: "users.csv", line: 1, message: expect.stringMatching(/NUL/) });
  });
});

describe("limits", () => {
  it("refuses a 100,000-character field, naming file, line, column and the limit", async () => {
    const before = await tableCounts(database.pool, districtId);
    const record = await run(folderSet(usersCsv11([student11("s-1", "A".repeat(100_000), "Lee")])));
    expect(record.status).toBe("failed");
    expect(errors(record)).toContainEqual(
      expect.objectContaining({
        file: "users.csv",
        line: 2,
        column: "givenName",
        message: expect.stringMatching(/longer than 10,000 characters.*IMPORT_MAX_FIELD_CHARS/),
      }),
    );
    expect(await tableCounts(database.pool, districtId)).toEqual(before);
  });

  it("refuses a highly compressible zip from its directory, before unpacking it", async () => {
    const before = await tableCounts(database.pool, districtId);
    const lines = Buffer.alloc(30 * 1024 * 1024, "a\n");
    const zip = path.join(tmp, "compressible.zip");
    writeFileSync(
      zip,
      zipSync({ "manifest.csv": strToU8(MANIFEST), "orgs.csv": strToU8(ORGS_11), "users.csv": [lines, { level: 9 }] }),
    );
    const record = await run(zip);
    expect(record.status).toBe("failed");
    expect(errors(record)).toEqual([
      expect.objectContaining({
        file: "users.csv",
        message: expect.stringMatching(/times its packed size.*IMPORT_MAX_RATIO/),
      }),
    ]);
    expect(await tableCounts(database.pool, districtId)).toEqual(before);
  });

  it("refuses a zip with more entries than the limit", async () => {
    const entries: Record<string, Uint8Array> = { "manifest.csv": strToU8(MANIFEST) };
    for (let i = 0; i < 150; i += 1) entries[`extra-${i}.txt`] = strToU8("x");
    const zip = path.join(tmp, "many.zip");
    writeFileSync(zip, zipSync(entries));
    const record = await run(zip);
    expect(record.status).toBe("failed");
    expect(errors(record)[0]?.message).toMatch(/many\.zip holds 151 entries.*at most 100 \(IMPORT_MAX_ENTRIES\)/);
  });

  it("stops at the row and size limits, naming the file, the line and the limit", async () => {
    const rows = Array.from({ length: 10 }, (_, i) => student11(`s-${i}`, "Ana", "Lee"));
    const byRows = await run(folderSet(usersCsv11(rows)), { maxRows: 6 });
    expect(byRows.status).toBe("failed");
    // orgs.csv holds one row, so users.csv passes six on its sixth data line.
    expect(errors(byRows)).toEqual([
      expect.objectContaining({
        file: "users.csv",
        line: 7,
        message: expect.stringMatching(/more than 6 rows.*IMPORT_MAX_ROWS/),
      }),
    ]);
    const bySize = await run(folderSet(usersCsv11(rows)), { maxFileBytes: 500 });
    expect(bySize.status).toBe("failed");
    expect(errors(bySize)[0]).toMatchObject({
      file: "users.csv",
      message: expect.stringMatching(/users\.csv is larger than 500 bytes.*IMPORT_MAX_FILE_MB/),
    });
  });
});
