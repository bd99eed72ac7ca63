import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildClass,
  buildCommunity,
  buildEssentialStandard,
  buildResults,
  buildStudent,
} from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let teacherA: TestPerson;
let guest: TestPerson;
let outsider: TestPerson;
let communityId: string;
let classA: string;
let classB: string;
let classC: string;
let targets: string[];
let foreignTarget: string;

const as = (person: TestPerson) => sessionHeaders(t.db, person);
const pointers = (body: string) => (JSON.parse(body).errors ?? []).map((e: { pointer: string }) => e.pointer);

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
  teacherA = await buildPerson(t.db, district, "teacher");
  const teacherB = await buildPerson(t.db, district, "teacher");
  guest = await buildPerson(t.db, district, "family_member");
  outsider = await buildPerson(t.db, district, "teacher");
  const community = await buildCommunity(t.db, district, [
    { personId: teacherA.id },
    { personId: teacherB.id },
    { personId: guest.id, teamRole: "guest" },
  ]);
  communityId = community.id;
  classA = (await buildClass(t.db, district, { teacherIds: [teacherA.id], title: "4A" })).id;
  classB = (await buildClass(t.db, district, { teacherIds: [teacherB.id], title: "4B" })).id;
  classC = (await buildClass(t.db, district, { teacherIds: [outsider.id], title: "4C" })).id;
  const essential = await buildEssentialStandard(t.db, district, {
    communityId,
    targets: ["I can find the main idea.", "I can cite evidence."],
  });
  targets = essential.targets.map((x) => x.id);
  const otherTeam = await buildCommunity(t.db, district, [{ personId: outsider.id }]);
  foreignTarget = (await buildEssentialStandard(t.db, district, { communityId: otherTeam.id })).targets[0]
    ?.id as string;
});
afterAll(async () => t?.close());

async function createAssessment(payload: Record<string, unknown> = {}, person = teacherA) {
  return app.inject({
    method: "POST",
    url: `/api/v1/communities/${communityId}/assessments`,
    headers: await as(person),
    payload: { title: "Main idea check", givenOn: "2030-10-02", ...payload },
  });
}

async function put(id: string, part: string, payload: unknown, person = teacherA) {
  return app.inject({
    method: "PUT",
    url: `/api/v1/assessments/${id}/${part}`,
    headers: await as(person),
    payload: payload as object,
  });
}

describe("common formative assessments", () => {
  it("are built by the team: classes of its members by default, items aligned to its targets, cut scores per target", async () => {
    const created = await createAssessment();
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({
      status: "draft",
      givenOn: "2030-10-02",
      classCount: 2,
      can: { update: true },
    });
    expect(
      created.json().classes.map((c: { title: string; isSelected: boolean }) => `${c.title} ${c.isSelected}`),
    ).toEqual(["4A true", "4B true"]);
    expect(created.json().targetChoices.map((c: { id: string }) => c.id)).toEqual(targets);

    const items = await put(id, "items", {
      items: [
        { label: "1", maxPoints: 2, targetIds: [targets[0]] },
        { label: "2", maxPoints: 2, targetIds: [targets[0], targets[1]], correctResponse: "B" },
        { label: "3", maxPoints: 3, targetIds: [targets[1]] },
      ],
    });
    expect(items.statusCode, items.body).toBe(200);
    expect(
      items
        .json()
        .targets.map((x: { maxPoints: number; cutScores: { minPoints: number }[] }) => [
          x.maxPoints,
          x.cutScores.map((c) => c.minPoints),
        ]),
    ).toEqual([
      [4, [0, 1.33, 2.67, 4]],
      [5, [0, 1.67, 3.33, 5]],
    ]);

    const cut = await put(id, "targets", {
      targets: [{ targetId: targets[0], cutScores: [0, 2, 3, 4].map((minPoints, i) => ({ level: i + 1, minPoints })) }],
    });
    expect(cut.statusCode, cut.body).toBe(200);
    expect(cut.json().targets[0].cutScores.map((c: { minPoints: number }) => c.minPoints)).toEqual([0, 2, 3, 4]);

    // Renaming an item keeps its cut scores; changing a target's points starts them again.
    const [one, two, three] = items.json().items as { id: string }[];
    const renamed = await put(id, "items", {
      items: [
        { id: one?.id, label: "1a", maxPoints: 2, targetIds: [targets[0]] },
        { id: two?.id, label: "2", maxPoints: 2, targetIds: [targets[0], targets[1]] },
        { id: three?.id, label: "3", maxPoints: 4, targetIds: [targets[1]] },
      ],
    });
    expect(renamed.json().targets[0].cutScores.map((c: { minPoints: number }) => c.minPoints)).toEqual([0, 2, 3, 4]);
    expect(renamed.json().targets[1].maxPoints).toBe(6);
    expect(renamed.json().items.map((i: { label: string }) => i.label)).toEqual(["1a", "2", "3"]);

    const list = await app.inject({
      url: `/api/v1/communities/${communityId}/assessments`,
      headers: await as(teacherA),
    });
    expect(list.json()).toMatchObject({ can: { create: true }, items: [{ id, itemCount: 3, targetCount: 2 }] });
    const audit = await t.db.execute<{ action: string }>(
      sql`select action from audit_log where subject_id = ${id} order by id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      "assessment.created",
      "assessment.items_updated",
      "assessment.cut_scores_updated",
      "assessment.items_updated",
    ]);
  });

  it("names every invalid field", async () => {
    expect(pointers((await createAssessment({ title: "" })).body)).toEqual(["/body/title"]);
    const notTeam = await createAssessment({ classIds: [classA, classC] });
    expect(notTeam.statusCode).toBe(422);
    expect(pointers(notTeam.body)).toEqual(["/body/classIds/1"]);
    const id = (await createAssessment({ classIds: [classA] })).json().id;
    const shape = await put(id, "items", { items: [{ label: "1", maxPoints: 0, targetIds: [] }] });
    expect(shape.statusCode).toBe(400);
    expect(pointers(shape.body)).toEqual(["/body/items/0/maxPoints", "/body/items/0/targetIds"]);
    const foreign = await put(id, "items", {
      items: [
        { label: "1", maxPoints: 2, targetIds: [targets[0], foreignTarget] },
        { id: foreignTarget, label: "2", maxPoints: 1, targetIds: [targets[0]] },
      ],
    });
    expect(foreign.statusCode).toBe(422);
    expect(pointers(foreign.body)).toEqual(["/body/items/0/targetIds/1", "/body/items/1/id"]);
    await put(id, "items", { items: [{ label: "1", maxPoints: 2, targetIds: [targets[0]] }] });
    const cuts = await put(id, "targets", {
      targets: [
        { targetId: targets[0], cutScores: [0, 1, 1, 3].map((minPoints, i) => ({ level: i + 1, minPoints })) },
        { targetId: targets[1], cutScores: [] },
      ],
    });
    expect(cuts.statusCode).toBe(422);
    expect(pointers(cuts.body)).toEqual([
      "/body/targets/0/cutScores/2/minPoints",
      "/body/targets/0/cutScores/3/minPoints",
      "/body/targets/1/targetId",
    ]);
    const classes = await put(id, "classes", { classIds: [classC] });
    expect(pointers(classes.body)).toEqual(["/body/classIds/0"]);
    expect(
      (await put(id, "classes", { classIds: [classB] }))
        .json()
        .classes.filter((c: { isSelected: boolean }) => c.isSelected),
    ).toHaveLength(1);
  });

  it("protects results: removing scored items, shrinking points below scores and deleting ask first", async () => {
    const created = (await createAssessment({ classIds: [classA] })).json();
    const saved = await put(created.id, "items", {
      items: [
        { label: "1", maxPoints: 4, targetIds: [targets[0]] },
        { label: "2", maxPoints: 2, targetIds: [targets[0]] },
      ],
    });
    const items = saved.json().items as { id: string }[];
    const student = await buildStudent(t.db, district, { classIds: [classA] });
    await buildResults(t.db, district, { id: created.id, items }, [{ studentId: student.id, points: [3, 2] }]);
    const shrink = await put(created.id, "items", {
      items: [
        { id: items[0]?.id, label: "1", maxPoints: 2, targetIds: [targets[0]] },
        { id: items[1]?.id, label: "2", maxPoints: 2, targetIds: [targets[0]] },
      ],
    });
    expect(pointers(shrink.body)).toEqual(["/body/items/0/maxPoints"]);
    const keepOne = { items: [{ id: items[0]?.id, label: "1", maxPoints: 4, targetIds: [targets[0]] }] };
    const unconfirmed = await put(created.id, "items", keepOne);
    expect(unconfirmed.statusCode).toBe(409);
    expect((await put(created.id, "items", { ...keepOne, confirmDeleteScores: true })).statusCode).toBe(200);
    const result = await t.db.execute<{ points: number }>(
      sql`select points::float8 as points from target_results where assessment_id = ${created.id}`,
    );
    expect(result.rows).toEqual([{ points: 3 }]);

    const patched = await app.inject({
      method: "PATCH",
      url: `/api/v1/assessments/${created.id}`,
      headers: await as(teacherA),
      payload: { status: "closed", givenOn: "2030-11-05" },
    });
    expect(patched.json()).toMatchObject({ status: "closed", givenOn: "2030-11-05", sittingCount: 1 });
    const dated = await t.db.execute<{ d: string }>(
      sql`select assessed_on::text as d from target_results where assessment_id = ${created.id}`,
    );
    expect(dated.rows).toEqual([{ d: "2030-11-05" }]);

    const url = `/api/v1/assessments/${created.id}`;
    expect((await app.inject({ method: "DELETE", url, headers: await as(teacherA) })).statusCode).toBe(409);
    expect(
      (await app.inject({ method: "DELETE", url: `${url}?confirm=true`, headers: await as(teacherA) })).statusCode,
    ).toBe(200);
    expect((await app.inject({ url, headers: await as(teacherA) })).statusCode).toBe(404);
  });

  it("are seen by the team's staff only: guests get an empty list, outsiders and other districts 404", async () => {
    const id = (await createAssessment()).json().id;
    const guestList = await app.inject({
      url: `/api/v1/communities/${communityId}/assessments`,
      headers: await as(guest),
    });
    expect(guestList.json()).toEqual({ items: [], can: { create: false } });
    expect((await app.inject({ url: `/api/v1/assessments/${id}`, headers: await as(guest) })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/v1/assessments/${id}`, headers: await as(outsider) })).statusCode).toBe(404);
    expect((await createAssessment({}, guest)).statusCode).toBe(403);
    expect((await createAssessment({}, outsider)).statusCode).toBe(404);
    const stranger = await buildPerson(t.db, await buildDistrict(t.db, "Other"), "district_leader");
    expect((await app.inject({ url: `/api/v1/assessments/${id}`, headers: await as(stranger) })).statusCode).toBe(404);
    expect((await put(id, "classes", { classIds: [] }, stranger)).statusCode).toBe(404);
  });
});
