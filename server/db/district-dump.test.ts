import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../auth/sessions";
import { hashToken } from "../auth/tokens";
import { seedDemoDistrict } from "../demo/demo-district";
import { buildDistrict, buildPerson } from "../test/factories";
import { createTestApp } from "../test/test-app";
import { createPostgresTestDatabaseIfAvailable, createTestDatabase } from "../test/test-db";
import { type Database, openDatabase } from "./client";
import { districtTablesInOrder, exportDistrict, importDistrict, RestoreError } from "./district-dump";
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
    writeFileSync(broken, `${[...lines.slice(0, 4), '{"table":"people","rows":[{"id":"not-a-uuid"}]}'].join("\n")}\n`);
    const target = await openDatabase({ pgliteDir: "memory://" });
    await migrateDatabase(target.db);
    await expect(importDistrict(target.db, broken)).rejects.toThrow();
    const count = await target.db.execute<{ n: number }>(sql`select count(*) as n from districts`);
    expect(count.rows[0]?.n).toBe(0);
    await target.close();
  });

  it("carries no session, invitation or calendar token: no session from the source works on the restored one", async () => {
    const { rows } = await pglite.pool.query<{ id: string; district_id: string }>(
      `select p.id, p.district_id from people p join districts d on d.id = p.district_id
        where d.slug = 'riverside' and p.status = 'active' limit 1`,
    );
    const person = rows[0] as { id: string; district_id: string };
    const session = { ip: "192.0.2.9", userAgent: undefined, hours: 8 };
    const { token } = await createSession(pglite.db, { id: person.id, districtId: person.district_id }, session);
    const file = path.join(dir, "sessions.ndjson");
    const exported = await exportDistrict(pglite.db, "riverside", file);
    expect(Object.keys(exported)).not.toContain("sessions");
    expect(readFileSync(file, "utf8")).not.toMatch(/"(sessions|account_tokens|calendar_feeds|api_tokens)"/);

    // A dump written before this rule carried sessions: they are not restored either.
    const oldSession = {
      table: "sessions",
      rows: [
        {
          id: "00000000-0000-4000-8000-000000000001",
          token_hash: hashToken(token),
          district_id: person.district_id,
          person_id: person.id,
          ip: null,
          user_agent: null,
          created_at: "2024-01-01T00:00:00+00:00",
          last_seen_at: "2024-01-01T00:00:00+00:00",
          expires_at: "2999-01-01T00:00:00+00:00",
          revoked_at: null,
        },
      ],
    };
    const old = path.join(dir, "old.ndjson");
    // Such a dump was version 1, with no end line.
    const [header, ...chunks] = readFileSync(file, "utf8").trim().split("\n");
    const v1 = [JSON.stringify({ ...JSON.parse(header as string), version: 1 }), ...chunks.slice(0, -1)];
    writeFileSync(old, `${[...v1, JSON.stringify(oldSession)].join("\n")}\n`);

    for (const dump of [file, old]) {
      const target = await createTestDatabase();
      const restored = await createTestApp({ database: target });
      try {
        await importDistrict(target.db, dump);
        const me = await restored.app.inject({
          method: "GET",
          url: "/api/v1/me",
          headers: { cookie: `collective_session=${token}` },
        });
        expect(me.statusCode).toBe(401);
        const left = await target.pool.query<{ n: number }>("select count(*)::int as n from sessions");
        expect(left.rows[0]?.n).toBe(0);
      } finally {
        await restored.close();
        await target.close();
      }
    }
  });

  it("says in one line why a restore failed, without the rows or the SQL", async () => {
    const file = path.join(dir, "clash.ndjson");
    await exportDistrict(pglite.db, "riverside", file);
    const { rows } = await pglite.pool.query<{ email: string }>(
      "select p.email from people p join districts d on d.id = p.district_id where d.slug = 'riverside' limit 1",
    );
    const email = rows[0]?.email as string;
    const target = await createTestDatabase();
    try {
      const elsewhere = await buildPerson(target.db, await buildDistrict(target.db), "teacher");
      await target.pool.query("update people set email = $1 where id = $2", [email, elsewhere.id]);
      const failure = await importDistrict(target.db, file).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(RestoreError);
      const message = (failure as Error).message;
      expect(message).toMatch(/^Could not restore people: duplicate key value violates unique constraint "[a-z_]+"/);
      expect(message).not.toContain("\n");
      expect(message).not.toContain(email);
      expect(message).not.toMatch(/Failed query|insert into|argon2|params/i);
      const count = await target.pool.query<{ n: number }>("select count(*)::int as n from districts");
      expect(count.rows[0]?.n).toBe(1);
    } finally {
      await target.close();
    }
  });
});
