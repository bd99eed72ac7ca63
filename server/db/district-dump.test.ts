import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoDistrict } from "../demo/demo-district";
import { createPostgresTestDatabaseIfAvailable } from "../test/test-db";
import { type Database, openDatabase } from "./client";
import { districtTablesInOrder, exportDistrict, importDistrict } from "./district-dump";
import { migrateDatabase } from "./migrate";
import { auditLog, outbox, sessions } from "./schema";

let dir: string;
let pglite: Database;
let second: Database;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "collective-dump-"));
  pglite = await openDatabase({ pgliteDir: "memory://" });
  await migrateDatabase(pglite.db);
  const { districtId } = await seedDemoDistrict(pglite.db);
  const people = await pglite.db.execute<{ id: string }>(
    sql`select id from people where district_id = ${districtId} limit 3`,
  );
  const [a] = people.rows;
  await pglite.db.insert(auditLog).values([
    {
      districtId,
      actorId: a?.id,
      action: "person.updated",
      subjectType: "person",
      subjectId: a?.id,
      ip: "192.0.2.7",
      details: { fields: ["x"] },
    },
    { districtId, action: "auth.sign_in_failed", subjectType: "person", ip: "2001:db8::1" },
  ]);
  await pglite.db
    .insert(outbox)
    .values({ districtId, toAddress: "a@b.example", subject: "Ünïcödé ✓", textBody: 'line 1\nline "2"' });
  await pglite.db.insert(sessions).values({
    tokenHash: "h1",
    districtId,
    personId: a?.id as string,
    expiresAt: new Date("2030-01-01T00:00:00Z"),
    ip: "192.0.2.1",
  });
  // Where PostgreSQL is configured the round trip crosses databases; otherwise it goes PGlite to PGlite.
  second = (await createPostgresTestDatabaseIfAvailable()) ?? (await openDatabase({ pgliteDir: "memory://" }));
  if (second.kind === "pglite") await migrateDatabase(second.db);
});

afterAll(async () => {
  await pglite?.close();
  await second?.close();
  rmSync(dir, { recursive: true, force: true });
});

function rowsOf(file: string) {
  return readFileSync(file, "utf8").trim().split("\n").slice(1);
}

describe("export-db / import-db", () => {
  it("orders district tables parents first", async () => {
    const order = await districtTablesInOrder(pglite.db);
    expect(order[0]).toBe("districts");
    expect(order.indexOf("schools")).toBeLessThan(order.indexOf("role_assignments"));
    expect(order.indexOf("people")).toBeLessThan(order.indexOf("sessions"));
  });

  it("round-trips a whole district with identical row counts and content", async () => {
    const first = path.join(dir, "first.ndjson");
    const back = path.join(dir, "back.ndjson");
    const exported = await exportDistrict(pglite.db, "riverside", first);
    expect(exported.people).toBeGreaterThan(60);
    const imported = await importDistrict(second.db, first);
    expect(imported).toEqual(exported);
    expect(await exportDistrict(second.db, "riverside", back)).toEqual(exported);
    expect(rowsOf(back)).toEqual(rowsOf(first));
  });

  it("round-trips back the other way, replacing the district", async () => {
    const fromSecond = path.join(dir, "from-second.ndjson");
    const again = path.join(dir, "again.ndjson");
    await exportDistrict(second.db, "riverside", fromSecond);
    await expect(importDistrict(pglite.db, fromSecond)).rejects.toThrow(/already exists/);
    await importDistrict(pglite.db, fromSecond, { replace: true });
    await exportDistrict(pglite.db, "riverside", again);
    expect(rowsOf(again)).toEqual(rowsOf(fromSecond));
  });

  it("lands nothing when a dump is broken halfway", async () => {
    const good = path.join(dir, "good.ndjson");
    await exportDistrict(pglite.db, "riverside", good);
    const lines = readFileSync(good, "utf8").trim().split("\n");
    const broken = path.join(dir, "broken.ndjson");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(broken, `${[...lines.slice(0, 4), '{"table":"people","rows":[{"id":"not-a-uuid"}]}'].join("\n")}\n`);
    const target = await openDatabase({ pgliteDir: "memory://" });
    await migrateDatabase(target.db);
    await expect(importDistrict(target.db, broken)).rejects.toThrow();
    const count = await target.db.execute<{ n: number }>(sql`select count(*) as n from districts`);
    expect(count.rows[0]?.n).toBe(0);
    await target.close();
  });
});
