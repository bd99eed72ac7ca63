import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildPerson } from "../../test/factories";
import { createTestDatabase } from "../../test/test-db";
import type { Database } from "../client";
import { exportDistrict, importDistrict, RestoreError } from "../district-dump";

const ROOT = path.resolve(import.meta.dirname, "../../..");
let dir: string;
let source: Database;
let target: Database;
let lines: string[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "collective-restore-faults-"));
  source = await createTestDatabase();
  target = await createTestDatabase();
  const district = await buildDistrict(source.db);
  for (let i = 0; i < 3; i++) await buildPerson(source.db, district, "teacher");
  const file = path.join(dir, "good.ndjson");
  await exportDistrict(source.db, district.slug, file);
  lines = readFileSync(file, "utf8").trim().split("\n");
});
afterAll(async () => {
  await source?.close();
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function restoredRows(): Promise<number> {
  const result = await target.pool.query<{ n: number }>(
    "select (select count(*) from districts)::int + (select count(*) from people)::int as n",
  );
  return result.rows[0]?.n ?? -1;
}

/** The restore fails with one plain line and leaves the target database as it was. */
async function expectRefused(file: string, expected: RegExp, options: { maxLineBytes?: number } = {}) {
  const before = await restoredRows();
  const failure = await importDistrict(target.db, file, options).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(RestoreError);
  const message = (failure as Error).message;
  expect(message).toMatch(expected);
  expect(message).not.toContain("\n");
  expect(message).not.toMatch(/Unexpected token|JSON at position|TypeError|Cannot read|insert into|@/);
  expect(await restoredRows()).toBe(before);
}

describe("import-db of a damaged or foreign file", () => {
  it("the dump ends with an end line counting its rows", () => {
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({ end: true, counts: { districts: 1 } });
    expect(JSON.parse(lines[0] as string)).toMatchObject({ version: 2 });
  });

  it("cut off in the middle of a line: names the line", async () => {
    const text = `${lines.join("\n")}\n`;
    const cutAt = text.indexOf(lines[2] as string) + 40;
    await expectRefused(write("cut-mid-line.ndjson", text.slice(0, cutAt)), /^Line 3 of the dump is not JSON/);
  });

  it("cut off between two lines: the missing end line says the file is incomplete", async () => {
    const file = write("cut-between.ndjson", `${lines.slice(0, 3).join("\n")}\n`);
    await expectRefused(file, /^The dump stops after line 3 without its end line: the file is incomplete/);
  });

  it("a chunk left out: the end line's counts give it away", async () => {
    // The last chunk holds rows nothing else refers to, so only the count can tell it is gone.
    const last = JSON.parse(lines.at(-2) as string) as { table: string; rows: unknown[] };
    const counts = (JSON.parse(lines.at(-1) as string) as { counts: Record<string, number> }).counts;
    const file = write("chunk-missing.ndjson", `${[...lines.slice(0, -2), lines.at(-1)].join("\n")}\n`);
    const left = (counts[last.table] ?? 0) - last.rows.length;
    await expectRefused(
      file,
      new RegExp(`^The dump holds ${left} rows of ${last.table} where its end line counts ${counts[last.table]}`),
    );
  });

  it("garbage bytes, a JSON value that is not a header, a chunk of an unknown table", async () => {
    await expectRefused(
      write("garbage.bin", Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0x00, 0x0a, 0x41])),
      /^This file is not a Collective district dump/,
    );
    await expectRefused(write("null.ndjson", "null\n"), /^This file is not a Collective district dump/);
    await expectRefused(
      write("array.ndjson", '[1,2]\n{"table":"people"}\n'),
      /^This file is not a Collective district dump/,
    );
    const foreign = [lines[0], '{"table":"pg_authid","rows":[{"rolname":"x"}]}', lines.at(-1)].join("\n");
    await expectRefused(
      write("foreign.ndjson", foreign),
      /^Line 2 names a table "pg_authid" that a district dump does not hold/,
    );
    const shapeless = [lines[0], '{"table":"people","rows":null}'].join("\n");
    await expectRefused(write("shapeless.ndjson", shapeless), /^Line 2 of the dump is not a table's rows/);
    await expectRefused(write("empty.ndjson", ""), /^The dump is empty/);
  });

  it("a line past the bound is refused as it is read, not held in memory", async () => {
    const file = write("one-long-line.bin", Buffer.alloc(3 * 1024 * 1024, 0x41));
    await expectRefused(file, /^Line 1 of the dump is longer than 1 MB/, { maxLineBytes: 1024 * 1024 });
  });

  it("the CLI prints the reason in one line and exits 1", async () => {
    const dataDir = path.join(dir, "cli");
    const file = write("cli-garbage.ndjson", "PK\u0003\u0004 not a dump\n");
    const child = spawn(process.execPath, ["bin/collective.mjs", "import-db", "--in", file], {
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
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(output.trim().split("\n")).toEqual([
      "This file is not a Collective district dump (its first line is not JSON).",
    ]);
  }, 60_000);
});
