import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUPPRESSION_THRESHOLD } from "../../../contract/analysis";
import { todayIn } from "../../clock";
import { meetingAttendance, meetings } from "../../db/schema";
import { buildCommunity, buildStudent, linkFamily } from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders } from "../../test/test-app";
import { familyPartnership, meetingFeedback } from "./instruments/feedback";

let t: Awaited<ReturnType<typeof createTestApp>>;
let district: TestDistrict;
let facilitator: TestPerson;
let principal: TestPerson;
let members: TestPerson[];
let absent: TestPerson;
let outsider: TestPerson;
let parent: TestPerson;
let otherParent: TestPerson;
let teamId: string;
let meetingId: string;

const today = todayIn("UTC");

async function send(by: TestPerson, method: "GET" | "POST", url: string, payload?: object) {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: await sessionHeaders(t.db, by),
    ...(payload ? { payload } : {}),
  });
}

/** A meeting of the team held `daysAgo` days ago, with those present and one absent member. */
async function heldMeeting(daysAgo: number, present: TestPerson[]) {
  const startsAt = DateTime.fromISO(today, { zone: "utc" }).minus({ days: daysAgo }).set({ hour: 15 }).toJSDate();
  const [row] = await t.db
    .insert(meetings)
    .values({
      districtId: district.id,
      communityId: teamId,
      title: `Team meeting ${daysAgo}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      status: "completed",
    })
    .returning();
  if (!row) throw new Error("no meeting");
  for (const person of [...present, absent]) {
    await t.db.insert(meetingAttendance).values({
      districtId: district.id,
      meetingId: row.id,
      personId: person.id,
      status: person === absent ? "absent" : "present",
    });
  }
  return row.id;
}

const answers = (level: number) => meetingFeedback.items.map((item) => ({ itemKey: item.key, level }));

beforeAll(async () => {
  t = await createTestApp();
  district = await buildDistrict(t.db);
  facilitator = await buildPerson(t.db, district, "coach");
  principal = await buildPerson(t.db, district, "school_leader");
  absent = await buildPerson(t.db, district, "teacher");
  outsider = await buildPerson(t.db, district, "teacher");
  members = [];
  for (let i = 0; i < SUPPRESSION_THRESHOLD; i++) members.push(await buildPerson(t.db, district, "teacher"));
  const team = await buildCommunity(t.db, district, [
    { personId: facilitator.id, teamRole: "facilitator" },
    ...[...members, absent].map((p) => ({ personId: p.id })),
  ]);
  teamId = team.id;
  meetingId = await heldMeeting(1, [facilitator, ...members.slice(0, SUPPRESSION_THRESHOLD - 1)]);
  parent = await buildPerson(t.db, district, "family_member");
  otherParent = await buildPerson(t.db, district, "family_member");
  const child = await buildStudent(t.db, district, { schoolId: district.schools.elementary.id });
  await linkFamily(t.db, district, parent.id, child.id);
  const otherChild = await buildStudent(t.db, district, { schoolId: district.schools.high.id });
  await linkFamily(t.db, district, otherParent.id, otherChild.id);
}, 60_000);
afterAll(async () => t?.close());

describe("feedback on a meeting", () => {
  it("is asked once by the facilitator, and answered anonymously by those present", async () => {
    const before = await send(facilitator, "GET", `/meetings/${meetingId}/feedback`);
    expect(before.json()).toEqual({ round: null, can: { ask: true } });
    expect((await send(members[0] as TestPerson, "GET", `/meetings/${meetingId}/feedback`)).json().can.ask).toBe(false);
    expect((await send(members[0] as TestPerson, "POST", `/meetings/${meetingId}/feedback`)).statusCode).toBe(403);
    expect((await send(outsider, "POST", `/meetings/${meetingId}/feedback`)).statusCode).toBe(404);

    const asked = await send(facilitator, "POST", `/meetings/${meetingId}/feedback`);
    expect(asked.statusCode, asked.body).toBe(201);
    const round = asked.json();
    // Those marked present may answer: the facilitator and the members who came, not the absent one.
    expect(round).toMatchObject({
      instrumentRef: meetingFeedback.key,
      audience: { kind: "meeting", id: meetingId },
      status: "open",
      expected: SUPPRESSION_THRESHOLD,
    });
    expect((await send(facilitator, "POST", `/meetings/${meetingId}/feedback`)).statusCode).toBe(409);

    for (const [i, person] of [facilitator, ...members.slice(0, SUPPRESSION_THRESHOLD - 2)].entries()) {
      const answered = await send(person, "POST", `/surveys/rounds/${round.id}/answers`, {
        answers: answers(1 + (i % 4)),
      });
      expect(answered.statusCode, answered.body).toBe(201);
    }
    const below = await send(facilitator, "GET", `/surveys/rounds/${round.id}/results`);
    expect(below.json()).toMatchObject({ answered: SUPPRESSION_THRESHOLD - 1, suppressed: true, items: [] });
    expect(
      (await send(outsider, "POST", `/surveys/rounds/${round.id}/answers`, { answers: answers(4) })).statusCode,
    ).toBe(404);
    const last = members[SUPPRESSION_THRESHOLD - 2] as TestPerson;
    expect((await send(last, "POST", `/surveys/rounds/${round.id}/answers`, { answers: answers(4) })).statusCode).toBe(
      201,
    );
    const shown = await send(facilitator, "GET", `/meetings/${meetingId}/feedback`);
    expect(shown.json().round).toMatchObject({ answered: SUPPRESSION_THRESHOLD, hasAnswered: true });
  });

  it("counts in the school's evaluation as reactions, over all teams and only from the threshold on", async () => {
    const period = `schoolId=${district.schools.elementary.id}&from=${DateTime.fromISO(today).minus({ days: 6 }).toISODate()}&to=${today}`;
    const evaluation = (await send(principal, "GET", `/reports/learning?${period}`)).json();
    expect(evaluation.totals).toMatchObject({ feedbackRounds: 1, feedbackRespondents: SUPPRESSION_THRESHOLD });
    expect(evaluation.reactions).toMatchObject({
      respondents: SUPPRESSION_THRESHOLD,
      threshold: SUPPRESSION_THRESHOLD,
      suppressed: false,
    });
    // Levels given: 1, 2, 3, 4, 1, 2, 3, 4, 1 by the first nine and 4 by the tenth: 5 of 10 agree, mean 2.5.
    for (const item of evaluation.reactions.items) expect(item).toMatchObject({ answers: 10, agree: 5, mean: 2.5 });
    expect(evaluation.reactions.items.map((i: { key: string }) => i.key)).toEqual(
      meetingFeedback.items.map((i) => i.key),
    );

    // A period whose meetings drew fewer answers than the threshold shows none of them.
    const earlier = await heldMeeting(20, [facilitator, ...members]);
    const asked = (await send(facilitator, "POST", `/meetings/${earlier}/feedback`)).json();
    await send(members[0] as TestPerson, "POST", `/surveys/rounds/${asked.id}/answers`, { answers: answers(2) });
    const from = DateTime.fromISO(today).minus({ days: 25 }).toISODate();
    const to = DateTime.fromISO(today).minus({ days: 15 }).toISODate();
    const quiet = (
      await send(principal, "GET", `/reports/learning?schoolId=${district.schools.elementary.id}&from=${from}&to=${to}`)
    ).json();
    expect(quiet.reactions).toEqual({ respondents: 1, threshold: SUPPRESSION_THRESHOLD, suppressed: true, items: [] });
    const csv = await send(
      principal,
      "GET",
      `/reports/learning.csv?schoolId=${district.schools.elementary.id}&from=${from}&to=${to}`,
    );
    expect(csv.body).toContain("1. Reactions to meetings");
    expect(csv.body).toContain("nothing is shown until");
  });
});

describe("a family survey", () => {
  let roundId: string;

  it("is opened by a school's leader for its families with a family instrument only", async () => {
    const base = { termLabel: "Fall", opensOn: "2020-01-01", closesOn: "2099-12-31" };
    const families = { kind: "families", schoolId: district.schools.elementary.id };
    const wrongInstrument = await send(principal, "POST", "/surveys/rounds", {
      ...base,
      instrumentRef: "learning-communities",
      audience: families,
    });
    expect(wrongInstrument.statusCode).toBe(422);
    const toStaff = await send(principal, "POST", "/surveys/rounds", {
      ...base,
      instrumentRef: familyPartnership.key,
      audience: { kind: "school", schoolId: district.schools.elementary.id },
    });
    expect(toStaff.statusCode).toBe(422);
    const byTeacher = await send(outsider, "POST", "/surveys/rounds", {
      ...base,
      instrumentRef: familyPartnership.key,
      audience: families,
    });
    expect(byTeacher.statusCode).toBe(403);
    const opened = await send(principal, "POST", "/surveys/rounds", {
      ...base,
      instrumentRef: familyPartnership.key,
      audience: families,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    roundId = opened.json().id;
    expect(opened.json()).toMatchObject({ audience: { kind: "families" }, expected: 1, can: { answer: false } });
  });

  it("reaches the families of the school's students, in Spanish too, and takes their answers once", async () => {
    const listed = await send(parent, "GET", "/family/surveys");
    expect(listed.statusCode).toBe(200);
    const [round] = listed.json().items;
    expect(round).toMatchObject({ id: roundId, hasAnswered: false, can: { answer: true } });
    expect(round.items[0].translations.es.prompt).toBe(familyPartnership.items[0]?.translations?.es?.prompt);
    expect(round.items[0].translations.es.levels[3].label).toBe("Totalmente de acuerdo");
    expect((await send(otherParent, "GET", "/family/surveys")).json().items).toEqual([]);
    const payload = { answers: familyPartnership.items.map((item) => ({ itemKey: item.key, level: 3 })) };
    expect((await send(otherParent, "POST", `/surveys/rounds/${roundId}/answers`, payload)).statusCode).toBe(404);
    expect((await send(outsider, "POST", `/surveys/rounds/${roundId}/answers`, payload)).statusCode).toBe(403);
    expect((await send(parent, "POST", `/surveys/rounds/${roundId}/answers`, payload)).statusCode).toBe(201);
    expect((await send(parent, "POST", `/surveys/rounds/${roundId}/answers`, payload)).statusCode).toBe(409);
    expect((await send(parent, "GET", "/family/surveys")).json().items[0].hasAnswered).toBe(true);
    // A family reads no results; the school's leader reads counts only, nothing below the threshold.
    expect((await send(parent, "GET", `/surveys/rounds/${roundId}/results`)).statusCode).toBe(404);
    const results = await send(principal, "GET", `/surveys/rounds/${roundId}/results`);
    expect(results.json()).toMatchObject({ answered: 1, suppressed: true, items: [] });
    // The answers carry no person: nothing joins them to the family member.
    const stored = await t.db.execute(sql`select * from survey_answers where round_id = ${roundId}`);
    for (const row of stored.rows)
      expect(Object.keys(row).sort()).toEqual(["district_id", "id", "item_key", "level", "round_id"]);
  });
});
