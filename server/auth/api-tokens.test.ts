import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TokenScope } from "../../contract/api-tokens";
import { insertTarget } from "../test/analysis-fixture";
import { buildAssessment, buildClass, buildCommunity, buildResults, buildStudent } from "../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../test/factories";
import { createTestApp, sessionHeaders } from "../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let district: TestDistrict;
let teacher: TestPerson;
let family: TestPerson;
let ownStudentId: string;
let otherStudentId: string;
let assessment: Awaited<ReturnType<typeof buildAssessment>>;

beforeAll(async () => {
  t = await createTestApp({ env: { API_TOKEN_PER_MINUTE: "40" } });
  district = await buildDistrict(t.db);
  teacher = await buildPerson(t.db, district, "teacher");
  family = await buildPerson(t.db, district, "family_member");
  const otherTeacher = await buildPerson(t.db, district, "teacher", { schoolId: district.schools.high.id });
  const team = await buildCommunity(t.db, district, [{ personId: teacher.id }]);
  const ownClass = await buildClass(t.db, district, { teacherIds: [teacher.id] });
  const otherClass = await buildClass(t.db, district, {
    schoolId: district.schools.high.id,
    teacherIds: [otherTeacher.id],
  });
  ownStudentId = (await buildStudent(t.db, district, { classIds: [ownClass.id] })).id;
  otherStudentId = (
    await buildStudent(t.db, district, { schoolId: district.schools.high.id, classIds: [otherClass.id] })
  ).id;
  const target = await insertTarget(t.db, district, team.id, "T.1");
  assessment = await buildAssessment(t.db, district, {
    communityId: team.id,
    classIds: [ownClass.id],
    items: [{ label: "Q1", maxPoints: 4, targetIds: [target.id] }],
  });
  await buildResults(t.db, district, assessment, [{ studentId: ownStudentId, points: [2] }]);
});

afterAll(async () => {
  await t.close();
});

async function makeToken(person: TestPerson, scopes: TokenScope[], expiresInDays = 30) {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/v1/me/api-tokens",
    headers: await sessionHeaders(t.db, person),
    payload: { name: `script ${scopes.join("+")}`, scopes, expiresInDays },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; token: string };
}

function withToken(token: string) {
  return { authorization: `Bearer ${token}` };
}

describe("API tokens", () => {
  it("are shown once, stored only as a hash, listed without their secret, and their making is audited", async () => {
    const made = await makeToken(teacher, ["rosters:read"]);
    expect(made.token).toMatch(/^clv_[A-Za-z0-9_-]{43}$/);
    const stored = await t.db.execute<{ token_hash: string }>(
      sql`select token_hash from api_tokens where id = ${made.id}`,
    );
    expect(stored.rows[0]?.token_hash).not.toContain(made.token.slice(4));
    const list = await t.app.inject({ url: "/api/v1/me/api-tokens", headers: await sessionHeaders(t.db, teacher) });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(made.token);
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(made.id);
    const audit = await t.db.execute(
      sql`select 1 from audit_log where action = 'api_token.created' and subject_id = ${made.id}`,
    );
    expect(audit.rows).toHaveLength(1);
  });

  it("reads rosters with rosters:read, within what its person may see, and nothing else", async () => {
    const { token } = await makeToken(teacher, ["rosters:read"]);
    const students = await t.app.inject({ url: "/api/v1/students", headers: withToken(token) });
    expect(students.statusCode, students.body).toBe(200);
    expect(students.body).toContain(ownStudentId);
    expect(students.body).not.toContain(otherStudentId);
    // Another school's student is as hidden from the token as from its person's session.
    const other = await t.app.inject({ url: `/api/v1/students/${otherStudentId}`, headers: withToken(token) });
    expect(other.statusCode).toBe(404);
    const write = await t.app.inject({
      method: "PUT",
      url: `/api/v1/assessments/${assessment.id}/results`,
      headers: withToken(token),
      payload: {
        rows: [{ studentId: ownStudentId, status: "completed", scores: { [assessment.items[0]?.id ?? ""]: 3 } }],
      },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().detail).toMatch(/scopes/);
    // The read of student-level data is audited with the token that made it.
    const audit = await t.db.execute<{ details: { apiTokenId?: string } | null }>(
      sql`select details from audit_log where actor_id = ${teacher.id} and details ? 'apiTokenId'`,
    );
    expect(audit.rows.length).toBeGreaterThan(0);
  });

  it("enters results with results:write, and may not read rosters or analyses", async () => {
    const { token } = await makeToken(teacher, ["results:write"]);
    const itemId = assessment.items[0]?.id ?? "";
    const write = await t.app.inject({
      method: "PUT",
      url: `/api/v1/assessments/${assessment.id}/results`,
      headers: withToken(token),
      payload: { rows: [{ studentId: ownStudentId, status: "completed", scores: { [itemId]: 4 } }] },
    });
    expect(write.statusCode, write.body).toBe(200);
    const score = await t.db.execute<{ points: number }>(
      sql`select points from item_scores where item_id = ${itemId} and student_id = ${ownStudentId}`,
    );
    expect(Number(score.rows[0]?.points)).toBe(4);
    expect((await t.app.inject({ url: "/api/v1/students", headers: withToken(token) })).statusCode).toBe(403);
    const analysis = await t.app.inject({
      url: `/api/v1/assessments/${assessment.id}/analysis`,
      headers: withToken(token),
    });
    expect(analysis.statusCode).toBe(403);
  });

  it("reads analyses with analysis:read", async () => {
    const { token } = await makeToken(teacher, ["analysis:read"]);
    const analysis = await t.app.inject({
      url: `/api/v1/assessments/${assessment.id}/analysis`,
      headers: withToken(token),
    });
    expect(analysis.statusCode, analysis.body).toBe(200);
    expect((await t.app.inject({ url: "/api/v1/students", headers: withToken(token) })).statusCode).toBe(403);
  });

  it("reach no account route with any scope: not /me, not passwords, sessions or other tokens", async () => {
    const { token } = await makeToken(teacher, ["rosters:read", "results:write", "analysis:read"]);
    for (const [method, url] of [
      ["GET", "/api/v1/me"],
      ["GET", "/api/v1/me/sessions"],
      ["GET", "/api/v1/me/api-tokens"],
      ["POST", "/api/v1/me/api-tokens"],
      ["POST", "/api/v1/auth/sign-out"],
    ] as const) {
      const response = await t.app.inject({
        method,
        url,
        headers: withToken(token),
        ...(method === "POST" ? { payload: { name: "x", scopes: ["rosters:read"], expiresInDays: 1 } } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
    }
  });

  it("stop working when revoked, expired, unknown, or when their person is deactivated: 401", async () => {
    const revoked = await makeToken(teacher, ["rosters:read"]);
    const revoke = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/me/api-tokens/${revoked.id}`,
      headers: await sessionHeaders(t.db, teacher),
    });
    expect(revoke.statusCode).toBe(204);
    const again = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/me/api-tokens/${revoked.id}`,
      headers: await sessionHeaders(t.db, teacher),
    });
    expect(again.statusCode).toBe(404);
    const expired = await makeToken(teacher, ["rosters:read"]);
    await t.db.execute(sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${expired.id}`);
    const leaver = await buildPerson(t.db, district, "teacher");
    const leaverToken = await makeToken(leaver, ["rosters:read"]);
    await t.db.execute(sql`update people set status = 'deactivated' where id = ${leaver.id}`);
    for (const token of [revoked.token, expired.token, leaverToken.token, `clv_${"x".repeat(43)}`, "not-a-token"]) {
      const response = await t.app.inject({ url: "/api/v1/schools", headers: withToken(token) });
      expect(response.statusCode, token).toBe(401);
      expect(response.headers["content-type"]).toMatch(/problem\+json/);
    }
  });

  it("are refused to family members, refuse bad input by field, and are rate-limited per token", async () => {
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/v1/me/api-tokens",
      headers: await sessionHeaders(t.db, family),
      payload: { name: "mine", scopes: ["rosters:read"], expiresInDays: 30 },
    });
    expect(refused.statusCode).toBe(403);
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/v1/me/api-tokens",
      headers: await sessionHeaders(t.db, teacher),
      payload: { name: "", scopes: ["everything"], expiresInDays: 400 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/name/);
    const { token } = await makeToken(teacher, ["rosters:read"]);
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) {
      statuses.push((await t.app.inject({ url: "/api/v1/schools", headers: withToken(token) })).statusCode);
    }
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    expect(statuses[40]).toBe(429);
  });
});
