import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../db/schema";
import { buildDistrict } from "../test/factories";
import { createTestApp } from "../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("audit log", () => {
  it("is append-only in the database itself", async () => {
    const district = await buildDistrict(t.db);
    await t.db.insert(auditLog).values({ districtId: district.id, action: "test.entry", subjectType: "test" });
    const failure = (query: Promise<unknown>) =>
      query.then(
        () => "succeeded",
        (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
      );
    expect(await failure(t.db.execute(sql`update audit_log set action = 'forged'`))).toMatch(/append-only/);
    expect(await failure(t.db.execute(sql`delete from audit_log`))).toMatch(/append-only/);
    const rows = await t.db.execute<{ n: number }>(
      sql`select count(*) as n from audit_log where action = 'test.entry'`,
    );
    expect(rows.rows[0]?.n).toBe(1);
  });
});
