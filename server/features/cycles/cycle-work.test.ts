import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, meetings, resources } from "../../db/schema";
import { buildCycle, buildStrategy, buildVisitWith } from "../../test/cycle-work-factories";
import { buildClass, buildCommunity } from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let teacher: TestPerson;
let colleague: TestPerson;
let facilitator: TestPerson;
let outsider: TestPerson;
let communityId: string;

const as = (person: TestPerson) => sessionHeaders(t.db, person);
const pointers = (body: { errors?: { pointer: string }[] }) => (body.errors ?? []).map((e) => e.pointer);

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
  teacher = await buildPerson(t.db, district, "teacher");
  colleague = await buildPerson(t.db, district, "teacher");
  facilitator = await buildPerson(t.db, district, "coach");
  outsider = await buildPerson(t.db, district, "teacher");
  const team = await buildCommunity(t.db, district, [
    { personId: teacher.id },
    { personId: colleague.id },
    { personId: facilitator.id, teamRole: "facilitator" },
  ]);
  communityId = team.id;
});
afterAll(async () => t?.close());

async function newCycle() {
  return buildCycle(t.db, { districtId: district.id, communityId });
}

async function auditActions(cycleId: string): Promise<string[]> {
  const rows = await t.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, "cycle"), eq(auditLog.subjectId, cycleId)));
  return rows.map((r) => r.action).sort();
}

describe("the professional learning log", () => {
  it("logs learning with links the author may open, totals minutes per person and kind, and lets only the author change an entry", async () => {
    const cycle = await newCycle();
    const url = `/api/v1/cycles/${cycle.id}/learning-log`;
    const visit = await buildVisitWith(t.db, district.id, teacher.id, [facilitator.id]);
    const privateVisit = await buildVisitWith(t.db, district.id, outsider.id, []);

    const refused = await app.inject({
      method: "POST",
      url,
      headers: await as(teacher),
      payload: {
        kind: "coaching",
        description: "Debrief",
        minutes: 30,
        learnedOn: "2030-01-08",
        visitId: privateVisit.id,
      },
    });
    expect(refused.statusCode).toBe(422);
    expect(pointers(refused.json())).toEqual(["/body/visitId"]);

    const invalidMinutes = await app.inject({
      method: "POST",
      url,
      headers: await as(teacher),
      payload: { kind: "coaching", description: "Debrief", minutes: 0, learnedOn: "2030-01-08" },
    });
    expect(invalidMinutes.statusCode).toBe(400);
    expect(pointers(invalidMinutes.json())).toEqual(["/body/minutes"]);

    const first = await app.inject({
      method: "POST",
      url,
      headers: await as(teacher),
      payload: { kind: "coaching", description: "Debrief", minutes: 30, learnedOn: "2030-01-08", visitId: visit.id },
    });
    expect(first.statusCode, first.body).toBe(201);
    await app.inject({
      method: "POST",
      url,
      headers: await as(teacher),
      payload: { kind: "text_study", description: "Chapter 3", minutes: 45, learnedOn: "2030-01-09" },
    });
    await app.inject({
      method: "POST",
      url,
      headers: await as(colleague),
      payload: { kind: "text_study", description: "Chapter 3", minutes: 40, learnedOn: "2030-01-09" },
    });

    const log = (await app.inject({ url, headers: await as(colleague) })).json();
    expect(log.totalMinutes).toBe(115);
    expect(log.byPerson).toEqual([
      { person: { id: teacher.id, name: teacher.displayName }, minutes: 75, entries: 2 },
      { person: { id: colleague.id, name: colleague.displayName }, minutes: 40, entries: 1 },
    ]);
    expect(log.byKind).toEqual([
      { kind: "text_study", minutes: 85, entries: 2 },
      { kind: "coaching", minutes: 30, entries: 1 },
    ]);
    const coaching = log.entries.find((e: { kind: string }) => e.kind === "coaching");
    // The colleague takes no part in the visit: the link shows, its focus does not.
    expect(coaching.visit).toEqual({ id: visit.id, title: null });
    expect(coaching.can).toEqual({ update: false, delete: false });
    const asAuthor = (await app.inject({ url, headers: await as(teacher) })).json();
    expect(asAuthor.entries.find((e: { kind: string }) => e.kind === "coaching").visit.title).toBe(visit.focus);

    const notTheirs = await app.inject({
      method: "PATCH",
      url: `${url}/${coaching.id}`,
      headers: await as(colleague),
      payload: { minutes: 300 },
    });
    expect(notTheirs.statusCode).toBe(403);
    const edited = await app.inject({
      method: "PATCH",
      url: `${url}/${coaching.id}`,
      headers: await as(teacher),
      payload: { minutes: 35 },
    });
    expect(edited.json().totalMinutes).toBe(120);
    const deleted = await app.inject({ method: "DELETE", url: `${url}/${coaching.id}`, headers: await as(teacher) });
    expect(deleted.json().entries).toHaveLength(2);

    expect((await app.inject({ url, headers: await as(outsider) })).statusCode).toBe(404);
    expect(await auditActions(cycle.id)).toEqual([
      "cycle.learning_deleted",
      "cycle.learning_logged",
      "cycle.learning_logged",
      "cycle.learning_logged",
      "cycle.learning_updated",
    ]);
  });
});

describe("strategies and their implementation", () => {
  it("chooses library strategies with their evidence, and logs applications with the member's own classes", async () => {
    const cycle = await newCycle();
    const strategy = await buildStrategy(t.db, district.id, { evidenceLevel: "moderate" });
    const [lessonPlan] = await t.db
      .insert(resources)
      .values({ districtId: district.id, kind: "lesson_plan", scope: "district", title: "Fractions lesson" })
      .returning();
    const [hidden] = await t.db
      .insert(resources)
      .values({ districtId: district.id, kind: "strategy", scope: "private", title: "Mine", createdById: outsider.id })
      .returning();

    const notStrategy = await app.inject({
      method: "PUT",
      url: `/api/v1/cycles/${cycle.id}/strategies/${lessonPlan?.id}`,
      headers: await as(teacher),
    });
    expect(notStrategy.statusCode).toBe(422);
    expect(pointers(notStrategy.json())).toEqual(["/params/resourceId"]);
    const unreadable = await app.inject({
      method: "PUT",
      url: `/api/v1/cycles/${cycle.id}/strategies/${hidden?.id}`,
      headers: await as(teacher),
    });
    expect(unreadable.statusCode).toBe(404);

    const chosen = await app.inject({
      method: "PUT",
      url: `/api/v1/cycles/${cycle.id}/strategies/${strategy.id}`,
      headers: await as(teacher),
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json().items).toEqual([
      expect.objectContaining({
        resource: expect.objectContaining({
          id: strategy.id,
          evidenceLevel: "moderate",
          evidenceSource: "What Works Clearinghouse practice guide",
        }),
        chosenBy: { id: teacher.id, name: teacher.displayName },
      }),
    ]);

    const mine = await buildClass(t.db, district, { teacherIds: [teacher.id], title: "4A" });
    const theirs = await buildClass(t.db, district, { teacherIds: [colleague.id], title: "4B" });
    const url = `/api/v1/cycles/${cycle.id}/implementations`;
    const notMine = await app.inject({
      method: "POST",
      url,
      headers: await as(teacher),
      payload: { resourceId: lessonPlan?.id, classId: theirs.id, appliedOn: "2030-02-01", outcome: "mixed" },
    });
    expect(notMine.statusCode).toBe(422);
    expect(pointers(notMine.json())).toEqual(["/body/resourceId", "/body/classId"]);

    for (const [person, classId, outcome] of [
      [teacher, mine.id, "went_well"],
      [teacher, mine.id, "mixed"],
      [colleague, theirs.id, "went_well"],
    ] as const) {
      const logged = await app.inject({
        method: "POST",
        url,
        headers: await as(person),
        payload: { resourceId: strategy.id, classId, appliedOn: "2030-02-01", outcome, note: "Exit tickets" },
      });
      expect(logged.statusCode, logged.body).toBe(201);
    }
    const list = (await app.inject({ url, headers: await as(teacher) })).json();
    expect(list.myClasses).toEqual([{ id: mine.id, title: "4A" }]);
    expect(list.byStrategy).toEqual([
      {
        strategy: { id: strategy.id, title: strategy.title },
        applications: 3,
        went_well: 2,
        mixed: 1,
        did_not_work: 0,
      },
    ]);
    expect(list.byMember[0]).toMatchObject({ person: { id: teacher.id }, applications: 2, went_well: 1, mixed: 1 });
    const colleagues = list.items.find((i: { person: { id: string } }) => i.person.id === colleague.id);
    expect(colleagues.can.delete).toBe(false);
    const refusedDelete = await app.inject({
      method: "DELETE",
      url: `${url}/${colleagues.id}`,
      headers: await as(teacher),
    });
    expect(refusedDelete.statusCode).toBe(403);

    const removed = await app.inject({
      method: "DELETE",
      url: `/api/v1/cycles/${cycle.id}/strategies/${strategy.id}`,
      headers: await as(colleague),
    });
    expect(removed.json().items).toEqual([]);
    expect(await auditActions(cycle.id)).toEqual([
      "cycle.implementation_logged",
      "cycle.implementation_logged",
      "cycle.implementation_logged",
      "cycle.strategy_chosen",
      "cycle.strategy_removed",
    ]);
  });

  it("ties visits the actor may read, and shows others only their status", async () => {
    const cycle = await newCycle();
    const visit = await buildVisitWith(t.db, district.id, teacher.id, [facilitator.id]);
    const url = `/api/v1/cycles/${cycle.id}/visits`;
    const foreign = await buildVisitWith(t.db, district.id, outsider.id, []);
    expect(
      (await app.inject({ method: "PUT", url: `${url}/${foreign.id}`, headers: await as(teacher) })).statusCode,
    ).toBe(404);
    const tied = await app.inject({ method: "PUT", url: `${url}/${visit.id}`, headers: await as(facilitator) });
    expect(tied.json().items).toEqual([
      {
        id: visit.id,
        status: "scheduled",
        startsAt: null,
        host: { id: teacher.id, name: teacher.displayName },
        focus: visit.focus,
        readable: true,
      },
    ]);
    const seenByColleague = (await app.inject({ url, headers: await as(colleague) })).json();
    expect(seenByColleague.items).toEqual([
      { id: visit.id, status: "scheduled", startsAt: null, host: null, focus: null, readable: false },
    ]);
    const untied = await app.inject({ method: "DELETE", url: `${url}/${visit.id}`, headers: await as(teacher) });
    expect(untied.json().items).toEqual([]);
  });
});

describe("refinements and meetings", () => {
  it("lists refinements newest first", async () => {
    const cycle = await newCycle();
    const url = `/api/v1/cycles/${cycle.id}/refinements`;
    const missing = await app.inject({
      method: "POST",
      url,
      headers: await as(teacher),
      payload: { change: "x", reason: " " },
    });
    expect(pointers(missing.json())).toEqual(["/body/reason"]);
    await app.inject({ method: "POST", url, headers: await as(teacher), payload: { change: "First", reason: "A" } });
    const second = await app.inject({
      method: "POST",
      url,
      headers: await as(colleague),
      payload: { change: "Second", reason: "B" },
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().items.map((r: { change: string }) => r.change)).toEqual(["Second", "First"]);
  });

  it("ties one of the team's meetings to a stage, and the meeting page names the cycle for its readers", async () => {
    const cycle = await newCycle();
    const [meeting] = await t.db
      .insert(meetings)
      .values({
        districtId: district.id,
        communityId,
        title: "Strategy pick",
        startsAt: new Date("2030-02-03T15:00:00Z"),
        endsAt: new Date("2030-02-03T16:00:00Z"),
      })
      .returning();
    const meetingId = meeting?.id as string;
    const url = `/api/v1/cycles/${cycle.id}/meetings`;
    const before = (await app.inject({ url, headers: await as(teacher) })).json();
    expect(before.available.map((m: { id: string }) => m.id)).toContain(meetingId);

    const otherTeam = await buildCommunity(t.db, district, [{ personId: teacher.id }]);
    const otherCycle = await buildCycle(t.db, { districtId: district.id, communityId: otherTeam.id });
    const elsewhere = await app.inject({
      method: "PUT",
      url: `/api/v1/cycles/${otherCycle.id}/meetings/${meetingId}`,
      headers: await as(teacher),
      payload: { stage: "strategies" },
    });
    expect(elsewhere.statusCode).toBe(404);

    const tied = await app.inject({
      method: "PUT",
      url: `${url}/${meetingId}`,
      headers: await as(teacher),
      payload: { stage: "strategies" },
    });
    expect(tied.json().items).toEqual([
      { meetingId, title: "Strategy pick", startsAt: "2030-02-03T15:00:00.000Z", stage: "strategies" },
    ]);
    const page = (await app.inject({ url: `/api/v1/meetings/${meetingId}`, headers: await as(teacher) })).json();
    expect(page.cycle).toEqual({ id: cycle.id, title: cycle.title, stage: "strategies" });
    await app.inject({ method: "DELETE", url: `${url}/${meetingId}`, headers: await as(teacher) });
    const after = (await app.inject({ url: `/api/v1/meetings/${meetingId}`, headers: await as(teacher) })).json();
    expect(after.cycle).toBeNull();
  });
});
