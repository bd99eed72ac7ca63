import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildAssessment,
  buildClass,
  buildCommunity,
  buildEssentialStandard,
  buildResults,
  buildStandard,
  buildStudent,
} from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let teacher: TestPerson;
let guest: TestPerson;
let outsider: TestPerson;
let communityId: string;

const as = (person: TestPerson) => sessionHeaders(t.db, person);
const pointers = (body: string) => (JSON.parse(body).errors ?? []).map((e: { pointer: string }) => e.pointer);

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
  teacher = await buildPerson(t.db, district, "teacher");
  guest = await buildPerson(t.db, district, "family_member");
  outsider = await buildPerson(t.db, district, "teacher");
  const community = await buildCommunity(t.db, district, [
    { personId: teacher.id, teamRole: "member" },
    { personId: guest.id, teamRole: "guest" },
  ]);
  communityId = community.id;
});
afterAll(async () => t?.close());

async function createEssential(payload: Record<string, unknown>, person = teacher) {
  return app.inject({
    method: "POST",
    url: `/api/v1/communities/${communityId}/essential-standards`,
    headers: await as(person),
    payload,
  });
}

describe("essential standards", () => {
  it("lets a team pick a standard for a unit with the default scale, lists it, and audits it", async () => {
    const standard = await buildStandard(t.db, district, { code: "RL.4.2", statement: "Determine a theme." });
    const created = await createEssential({
      standardId: standard.id,
      grade: "4",
      unitTitle: "Unit 2: Theme",
      startsOn: "2030-09-01",
      endsOn: "2030-10-15",
      rationale: "Endurance and leverage.",
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      standard: { id: standard.id, humanCodingScheme: "RL.4.2", fullStatement: "Determine a theme." },
      unitTitle: "Unit 2: Theme",
      startsOn: "2030-09-01",
      proficientLevel: 3,
      targets: [],
      can: { manage: true },
    });
    expect(created.json().scaleLevels.map((l: { level: number; label: string }) => `${l.level} ${l.label}`)).toEqual([
      "1 Beginning",
      "2 Approaching",
      "3 Proficient",
      "4 Advanced",
    ]);
    const list = await app.inject({
      url: `/api/v1/communities/${communityId}/essential-standards`,
      headers: await as(guest),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((e: { id: string }) => e.id)).toContain(created.json().id);
    expect(list.json().can).toEqual({ manage: false });
    const audit = await t.db.execute<{ action: string }>(
      sql`select action from audit_log where subject_id = ${created.json().id}`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["essential_standard.created"]);

    const again = await createEssential({ standardId: standard.id, unitTitle: "Unit 2: Theme" });
    expect(again.statusCode).toBe(409);
    expect(pointers(again.body)).toEqual(["/body/standardId"]);
  });

  it("names each invalid field", async () => {
    const standard = await buildStandard(t.db, district);
    const badSpan = await createEssential({
      standardId: standard.id,
      startsOn: "2030-10-01",
      endsOn: "2030-09-01",
      proficientLevel: 3,
      scaleLevels: [{ label: "Not yet" }, { label: "Yes" }],
    });
    expect(badSpan.statusCode).toBe(400);
    expect(pointers(badSpan.body)).toEqual(["/body/endsOn", "/body/proficientLevel"]);
    const oneLevel = await createEssential({ standardId: standard.id, scaleLevels: [{ label: "Only" }] });
    expect(pointers(oneLevel.body)).toEqual(["/body/scaleLevels"]);
    const elsewhere = await buildStandard(t.db, await buildDistrict(t.db, "Elsewhere"));
    const foreign = await createEssential({ standardId: elsewhere.id, courseId: elsewhere.id });
    expect(foreign.statusCode).toBe(422);
    expect(pointers(foreign.body)).toEqual(["/body/standardId", "/body/courseId"]);
  });

  it("unpacks a standard into ordered targets the team edits, moves and deletes", async () => {
    const standard = await buildStandard(t.db, district);
    const essential = (await createEssential({ standardId: standard.id, unitTitle: "Targets" })).json();
    const headers = await as(teacher);
    for (const statement of ["I can name the theme.", "I can cite details.", "I can summarize."]) {
      const added = await app.inject({
        method: "POST",
        url: `/api/v1/essential-standards/${essential.id}/targets`,
        headers,
        payload: { statement, code: "" },
      });
      expect(added.statusCode, added.body).toBe(201);
    }
    const detail = (await app.inject({ url: `/api/v1/essential-standards/${essential.id}`, headers })).json();
    const [first, , third] = detail.targets as { id: string }[];
    const moved = await app.inject({
      method: "PATCH",
      url: `/api/v1/learning-targets/${third?.id}`,
      headers,
      payload: { position: 0, statement: "I can summarize a text." },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(
      moved.json().targets.map((x: { statement: string; position: number }) => `${x.position} ${x.statement}`),
    ).toEqual(["0 I can summarize a text.", "1 I can name the theme.", "2 I can cite details."]);
    const removed = await app.inject({ method: "DELETE", url: `/api/v1/learning-targets/${first?.id}`, headers });
    expect(removed.statusCode).toBe(200);
    const after = (await app.inject({ url: `/api/v1/essential-standards/${essential.id}`, headers })).json();
    expect(after.targets.map((x: { position: number }) => x.position)).toEqual([0, 1]);
    const empty = await app.inject({
      method: "PATCH",
      url: `/api/v1/learning-targets/${third?.id}`,
      headers,
      payload: { statement: " " },
    });
    expect(pointers(empty.body)).toEqual(["/body/statement"]);
  });

  it("keeps targets an assessment measures, and lets a scale change flow into cut scores and results", async () => {
    const essential = await buildEssentialStandard(t.db, district, { communityId, targets: ["I can infer."] });
    const target = essential.targets[0]?.id as string;
    const klass = await buildClass(t.db, district, { teacherIds: [teacher.id] });
    const student = await buildStudent(t.db, district, { classIds: [klass.id] });
    const assessment = await buildAssessment(t.db, district, {
      communityId,
      classIds: [klass.id],
      items: [{ label: "Q1", maxPoints: 4, targetIds: [target] }],
    });
    await buildResults(t.db, district, assessment, [{ studentId: student.id, points: [3] }]);
    const headers = await as(teacher);
    expect(
      (await app.inject({ method: "DELETE", url: `/api/v1/learning-targets/${target}`, headers })).statusCode,
    ).toBe(409);
    expect(
      (await app.inject({ method: "DELETE", url: `/api/v1/essential-standards/${essential.id}`, headers })).statusCode,
    ).toBe(409);
    const listed = (await app.inject({ url: `/api/v1/essential-standards/${essential.id}`, headers })).json();
    expect(listed.targets[0].isAssessed).toBe(true);

    const tooHigh = await app.inject({
      method: "PATCH",
      url: `/api/v1/essential-standards/${essential.id}`,
      headers,
      payload: { scaleLevels: [{ label: "Not yet" }, { label: "Almost" }, { label: "Got it" }] },
    });
    expect(tooHigh.statusCode).toBe(200);
    // The scale now has 3 levels and proficiency at 3: cut scores 0 / 2 / 4, so 3 points is level 2.
    expect(tooHigh.json().scaleLevels).toHaveLength(3);
    const measured = await t.db.execute<{ cut_scores: unknown; proficient_level: number }>(
      sql`select cut_scores, proficient_level from assessment_targets where assessment_id = ${assessment.id}`,
    );
    expect(measured.rows[0]).toEqual({
      cut_scores: [
        { level: 1, minPoints: 0 },
        { level: 2, minPoints: 2 },
        { level: 3, minPoints: 4 },
      ],
      proficient_level: 3,
    });
    const result = await t.db.execute<{ level: number }>(
      sql`select level from target_results where assessment_id = ${assessment.id}`,
    );
    expect(result.rows).toEqual([{ level: 2 }]);
    const outOfScale = await app.inject({
      method: "PATCH",
      url: `/api/v1/essential-standards/${essential.id}`,
      headers,
      payload: { proficientLevel: 4 },
    });
    expect(outOfScale.statusCode).toBe(422);
    expect(pointers(outOfScale.body)).toEqual(["/body/proficientLevel"]);
  });

  it("is private to the team: guests read, outsiders and other districts get 404", async () => {
    const essential = await buildEssentialStandard(t.db, district, { communityId });
    const standard = await buildStandard(t.db, district);
    expect((await createEssential({ standardId: standard.id }, guest)).statusCode).toBe(403);
    expect((await createEssential({ standardId: standard.id }, outsider)).statusCode).toBe(404);
    expect(
      (await app.inject({ url: `/api/v1/essential-standards/${essential.id}`, headers: await as(guest) })).statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ url: `/api/v1/essential-standards/${essential.id}`, headers: await as(outsider) }))
        .statusCode,
    ).toBe(404);
    const stranger = await buildPerson(t.db, await buildDistrict(t.db, "Other"), "district_leader");
    const patch = await app.inject({
      method: "PATCH",
      url: `/api/v1/learning-targets/${essential.targets[0]?.id}`,
      headers: await as(stranger),
      payload: { statement: "Mine now" },
    });
    expect(patch.statusCode).toBe(404);
    const guestPatch = await app.inject({
      method: "PATCH",
      url: `/api/v1/essential-standards/${essential.id}`,
      headers: await as(guest),
      payload: { rationale: "x" },
    });
    expect(guestPatch.statusCode).toBe(403);
  });
});
