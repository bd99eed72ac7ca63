import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUPPRESSION_THRESHOLD } from "../../../contract/analysis";
import { nowMs } from "../../clock";
import { meetings } from "../../db/schema";
import { buildCommunity } from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";
import { learningCommunities } from "./instruments/learning-communities";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let leader: TestPerson;
let principal: TestPerson;
let facilitator: TestPerson;
let supportStaff: TestPerson;
let parent: TestPerson;
let teachers: TestPerson[];
let teamId: string;

const as = (person: TestPerson) => sessionHeaders(t.db, person);
const items = learningCommunities.items;
const open = { termLabel: "Fall 2026", opensOn: "2020-01-01", closesOn: "2099-12-31" };

async function send(by: TestPerson, method: "GET" | "POST", url: string, payload?: object) {
  return app.inject({ method, url: `/api/v1${url}`, headers: await as(by), ...(payload ? { payload } : {}) });
}

async function openTeamRound(by: TestPerson, extra: Record<string, unknown> = {}) {
  return send(by, "POST", "/surveys/rounds", {
    instrumentRef: learningCommunities.key,
    audience: { kind: "team", communityId: teamId },
    ...open,
    ...extra,
  });
}

/** Respondent n's answers: item i at level 1 + (n + i) % 4, so every item gets a known spread. */
function answersOf(n: number) {
  return items.map((item, i) => ({ itemKey: item.key, level: 1 + ((n + i) % 4) }));
}

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
  leader = await buildPerson(t.db, district, "district_leader");
  principal = await buildPerson(t.db, district, "school_leader");
  facilitator = await buildPerson(t.db, district, "coach");
  supportStaff = await buildPerson(t.db, district, "support_staff");
  parent = await buildPerson(t.db, district, "family_member");
  teachers = [];
  for (let i = 0; i < SUPPRESSION_THRESHOLD; i++) teachers.push(await buildPerson(t.db, district, "teacher"));
  const team = await buildCommunity(t.db, district, [
    { personId: facilitator.id, teamRole: "facilitator" },
    ...teachers.map((p) => ({ personId: p.id })),
    { personId: parent.id },
  ]);
  teamId = team.id;
});
afterAll(async () => t?.close());

describe("instruments", () => {
  it("lists the built-in instruments, rubrics with a descriptor for every level", async () => {
    const response = await send(teachers[0] as TestPerson, "GET", "/surveys/instruments");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.can.create).toBe(false);
    const keys = body.items.map((i: { ref: string }) => i.ref);
    expect(keys).toEqual([
      "learning-communities",
      "leadership",
      "resources",
      "data",
      "learning-designs",
      "implementation",
      "outcomes",
      "plc-continuum",
      "meeting-feedback",
      "family-partnership",
    ]);
    expect(body.items.map((i: { audience: string }) => i.audience).slice(-3)).toEqual(["staff", "meeting", "families"]);
    const sections = new Set(body.items[0].items.map((i: { section: string }) => i.section));
    expect([...sections]).toEqual([
      "Continuous improvement",
      "Collective responsibility",
      "Alignment and accountability",
    ]);
    for (const instrument of body.items.slice(1, 7)) {
      for (const item of instrument.items) {
        expect(item.scale).toBe("rubric");
        expect(item.levels).toHaveLength(4);
        for (const level of item.levels) expect(level.descriptor.length).toBeGreaterThan(10);
      }
    }
    const continuum = body.items[7].items[0].levels.map((l: { label: string }) => l.label);
    expect(continuum[0]).toBe("Pre-initiating");
    expect(continuum.at(-1)).toBe("Sustaining");
  });

  it("leaders write their own; others may not, and a rubric item needs its levels", async () => {
    const payload = {
      title: "Staff pulse",
      items: [
        { section: "Climate", prompt: "I can raise a concern safely.", scale: "agreement" },
        {
          section: "Climate",
          prompt: "How we handle disagreement",
          scale: "rubric",
          levels: [
            { label: "Avoided", descriptor: "We steer around it." },
            { label: "Aired", descriptor: "We say it and work through it." },
          ],
        },
      ],
    };
    const created = await send(principal, "POST", "/surveys/instruments", payload);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ builtIn: false, title: "Staff pulse" });
    expect(created.json().items[0].levels).toHaveLength(4);
    expect(created.json().items[1].levels.map((l: { label: string }) => l.label)).toEqual(["Avoided", "Aired"]);
    expect((await send(teachers[0] as TestPerson, "POST", "/surveys/instruments", payload)).statusCode).toBe(403);
    const noLevels = await send(leader, "POST", "/surveys/instruments", {
      title: "Broken",
      items: [{ section: "A", prompt: "B", scale: "rubric" }],
    });
    expect(noLevels.statusCode).toBe(422);
    expect(noLevels.json().errors[0].pointer).toBe("/body/items/0/levels");
  });
});

describe("a team's self-assessment round", () => {
  let roundId: string;

  it("is opened by the team's facilitator, not by a member; bad dates and instruments are refused", async () => {
    expect((await openTeamRound(teachers[0] as TestPerson)).statusCode).toBe(403);
    expect((await openTeamRound(supportStaff)).statusCode).toBe(403);
    const backwards = await openTeamRound(facilitator, { opensOn: "2026-10-01", closesOn: "2026-09-01" });
    expect(backwards.statusCode).toBe(422);
    expect((await openTeamRound(facilitator, { instrumentRef: "no-such-thing" })).statusCode).toBe(422);
    const opened = await openTeamRound(facilitator);
    expect(opened.statusCode, opened.body).toBe(201);
    roundId = opened.json().id;
    expect(opened.json()).toMatchObject({
      status: "open",
      answered: 0,
      expected: SUPPRESSION_THRESHOLD + 1,
      audience: { kind: "team", id: teamId },
      can: { answer: true },
    });
  });

  it("is answered once by each working member, with every item at one of its levels", async () => {
    const first = teachers[0] as TestPerson;
    const missing = await send(first, "POST", `/surveys/rounds/${roundId}/answers`, { answers: answersOf(0).slice(1) });
    expect(missing.statusCode, missing.body).toBe(422);
    const beyond = answersOf(0).map((a, i) => (i === 0 ? { ...a, level: 5 } : a));
    const tooHigh = await send(first, "POST", `/surveys/rounds/${roundId}/answers`, { answers: beyond });
    expect(tooHigh.statusCode).toBe(422);
    expect(tooHigh.json().errors[0].pointer).toBe("/body/answers/0/level");
    const unknown = [...answersOf(0), { itemKey: "made.up", level: 1 }];
    expect((await send(first, "POST", `/surveys/rounds/${roundId}/answers`, { answers: unknown })).statusCode).toBe(
      422,
    );

    const answered = await send(first, "POST", `/surveys/rounds/${roundId}/answers`, { answers: answersOf(0) });
    expect(answered.statusCode, answered.body).toBe(201);
    const again = await send(first, "POST", `/surveys/rounds/${roundId}/answers`, { answers: answersOf(0) });
    expect(again.statusCode).toBe(409);
    // Leaders read the round but are not its members; family members take part as guests; others do not see it.
    expect(
      (await send(principal, "POST", `/surveys/rounds/${roundId}/answers`, { answers: answersOf(0) })).statusCode,
    ).toBe(403);
    expect(
      (await send(parent, "POST", `/surveys/rounds/${roundId}/answers`, { answers: answersOf(0) })).statusCode,
    ).toBe(404);
    expect(
      (await send(supportStaff, "POST", `/surveys/rounds/${roundId}/answers`, { answers: answersOf(0) })).statusCode,
    ).toBe(404);
    const mine = await send(first, "GET", `/surveys/rounds/${roundId}`);
    expect(mine.json()).toMatchObject({ hasAnswered: true, answered: 1, can: { answer: false } });
  });

  it("shows nothing below the threshold, and at the threshold exactly the answers given", async () => {
    for (let n = 1; n < SUPPRESSION_THRESHOLD - 1; n++) {
      const r = await send(teachers[n] as TestPerson, "POST", `/surveys/rounds/${roundId}/answers`, {
        answers: answersOf(n),
      });
      expect(r.statusCode).toBe(201);
    }
    const below = await send(facilitator, "GET", `/surveys/rounds/${roundId}/results`);
    expect(below.json()).toMatchObject({
      answered: SUPPRESSION_THRESHOLD - 1,
      suppressed: true,
      needed: 1,
      items: [],
    });
    expect(
      (await send(facilitator, "POST", `/surveys/rounds/${roundId}/agenda`, { itemKey: items[0]?.key })).statusCode,
    ).toBe(422);

    const last = SUPPRESSION_THRESHOLD - 1;
    await send(teachers[last] as TestPerson, "POST", `/surveys/rounds/${roundId}/answers`, {
      answers: answersOf(last),
    });
    const at = (await send(principal, "GET", `/surveys/rounds/${roundId}/results`)).json();
    expect(at).toMatchObject({ answered: SUPPRESSION_THRESHOLD, suppressed: false, needed: 0 });
    items.forEach((item, i) => {
      const expected = [1, 2, 3, 4].map(
        (level) =>
          Array.from({ length: SUPPRESSION_THRESHOLD }, (_, n) => 1 + ((n + i) % 4)).filter((l) => l === level).length,
      );
      const shown = at.items.find((x: { key: string }) => x.key === item.key);
      expect(shown.levels.map((l: { count: number }) => l.count)).toEqual(expected);
    });
  });

  it("puts an item with its distribution on the team's next scheduled meeting", async () => {
    const noMeeting = await send(teachers[0] as TestPerson, "POST", `/surveys/rounds/${roundId}/agenda`, {
      itemKey: items[2]?.key,
    });
    expect(noMeeting.statusCode).toBe(422);
    const [later, next] = await t.db
      .insert(meetings)
      .values(
        [5, 2].map((days) => ({
          districtId: district.id,
          communityId: teamId,
          title: `Meeting in ${days} days`,
          startsAt: new Date(nowMs() + days * 86_400_000),
          endsAt: new Date(nowMs() + days * 86_400_000 + 3_600_000),
          agenda: [{ title: "Celebrations", minutes: 5 }],
        })),
      )
      .returning();
    const added = await send(teachers[0] as TestPerson, "POST", `/surveys/rounds/${roundId}/agenda`, {
      itemKey: items[2]?.key,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().meetingId).toBe(next?.id);
    const [row] = await t.db.select().from(meetings).where(sql`${meetings.id} = ${next?.id}`);
    expect(row?.agenda).toHaveLength(2);
    expect(row?.agenda[1]?.title).toContain(items[2]?.prompt);
    expect(row?.agenda[1]?.title).toContain("Strongly disagree 2, Disagree 2, Agree 3, Strongly agree 3");
    const [untouched] = await t.db.select().from(meetings).where(sql`${meetings.id} = ${later?.id}`);
    expect(untouched?.agenda).toHaveLength(1);
    const unknown = await send(facilitator, "POST", `/surveys/rounds/${roundId}/agenda`, { itemKey: "made.up" });
    expect(unknown.statusCode).toBe(422);
  });

  it("shows a trend across the terms of the same instrument and team", async () => {
    const earlier = await openTeamRound(facilitator, { termLabel: "Spring 2026", opensOn: "2019-01-01" });
    const trend = (await send(teachers[0] as TestPerson, "GET", `/surveys/rounds/${roundId}/trend`)).json();
    expect(trend.rounds.map((r: { termLabel: string }) => r.termLabel)).toEqual(["Spring 2026", "Fall 2026"]);
    expect(trend.rounds[0]).toMatchObject({ id: earlier.json().id, suppressed: true, means: {} });
    // Item 0 got levels 1..4 from respondents 0..9 in turn: three 1s, three 2s, two 3s, two 4s.
    expect(trend.rounds[1].means[items[0]?.key as string]).toBe(2.3);
  });
});

describe("school rounds and the leaders' overview", () => {
  it("a school's round is opened by its leader and answered by its staff; leaders see aggregates only", async () => {
    const payload = {
      instrumentRef: "data",
      audience: { kind: "school", schoolId: district.schools.elementary.id },
      ...open,
    };
    expect((await send(facilitator, "POST", "/surveys/rounds", payload)).statusCode).toBe(403);
    const opened = await send(principal, "POST", "/surveys/rounds", payload);
    expect(opened.statusCode, opened.body).toBe(201);
    const roundId = opened.json().id;
    const answers = opened.json().items.map((i: { key: string }) => ({ itemKey: i.key, level: 2 }));
    expect((await send(supportStaff, "POST", `/surveys/rounds/${roundId}/answers`, { answers })).statusCode).toBe(201);
    // A school round has no team meeting to put an item on.
    expect(
      (await send(principal, "POST", `/surveys/rounds/${roundId}/agenda`, { itemKey: "data.plan" })).statusCode,
    ).toBe(403);

    const overview = await send(leader, "GET", "/surveys/overview");
    expect(overview.statusCode).toBe(200);
    const rows = overview.json().rows;
    const school = rows.find((r: { roundId: string }) => r.roundId === roundId);
    expect(school).toMatchObject({ answered: 1, suppressed: true, sections: [{ section: "Data", mean: null }] });
    const team = rows.find(
      (r: { termLabel: string; audience: { kind: string } }) =>
        r.termLabel === "Fall 2026" && r.audience.kind === "team",
    );
    expect(team.suppressed).toBe(false);
    expect(team.schoolNames).toEqual([district.schools.elementary.name]);
    expect(team.sections.map((s: { mean: number | null }) => s.mean).every((m: number | null) => m !== null)).toBe(
      true,
    );
    expect((await send(teachers[0] as TestPerson, "GET", "/surveys/overview")).statusCode).toBe(403);
  });
});

describe("a round's dates and its trend", () => {
  it("takes answers only while open, and a trend keeps to its own team", async () => {
    const upcoming = await openTeamRound(facilitator, { opensOn: "2098-01-01", closesOn: "2098-02-01" });
    const closed = await openTeamRound(facilitator, { opensOn: "2020-01-01", closesOn: "2020-02-01" });
    expect(upcoming.json().status).toBe("upcoming");
    expect(closed.json()).toMatchObject({ status: "closed", can: { answer: false } });
    const teacher = teachers[0] as TestPerson;
    const early = await send(teacher, "POST", `/surveys/rounds/${upcoming.json().id}/answers`, {
      answers: answersOf(0),
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().detail).toBe("This round opens on 2098-01-01.");
    const late = await send(teacher, "POST", `/surveys/rounds/${closed.json().id}/answers`, { answers: answersOf(0) });
    expect(late.statusCode).toBe(422);

    const otherTeam = await buildCommunity(t.db, district, [{ personId: facilitator.id, teamRole: "facilitator" }]);
    const elsewhere = await openTeamRound(facilitator, { audience: { kind: "team", communityId: otherTeam.id } });
    const trend = (await send(facilitator, "GET", `/surveys/rounds/${elsewhere.json().id}/trend`)).json();
    expect(trend.rounds.map((r: { id: string }) => r.id)).toEqual([elsewhere.json().id]);
  });
});
