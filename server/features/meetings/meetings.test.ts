import ICAL from "ical.js";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let facilitator: TestPerson;
let member: TestPerson;
let communityId: string;

const as = (person: TestPerson) => sessionHeaders(t.db, person);

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
  facilitator = await buildPerson(t.db, district, "coach", { name: "Fran Facilitator" });
  member = await buildPerson(t.db, district, "teacher", { name: "Max Member", schoolId: district.schools.high.id });
  const created = await app.inject({
    method: "POST",
    url: "/api/v1/communities",
    headers: await as(facilitator),
    payload: { name: "Grade 4 math", kind: "grade_level", schoolIds: [district.schools.elementary.id] },
  });
  communityId = created.json().id;
  await app.inject({
    method: "POST",
    url: `/api/v1/communities/${communityId}/members`,
    headers: await as(facilitator),
    payload: { personId: member.id, teamRole: "recorder" },
  });
});
afterAll(async () => t?.close());

function nextYearDate(monthDay: string): string {
  return `${new Date().getUTCFullYear() + 1}-${monthDay}`;
}

describe("meetings on a protocol", () => {
  it("schedules a recurring meeting, runs it step by step, and carries open action items to the next", async () => {
    const headers = await as(facilitator);
    const library = (await app.inject({ url: "/api/v1/protocols", headers })).json();
    expect(library.items.length).toBeGreaterThanOrEqual(6);
    const protocol = library.items.find((p: { key: string }) => p.key === "library:data-driven-dialogue");
    const scheduled = await app.inject({
      method: "POST",
      url: `/api/v1/communities/${communityId}/meetings`,
      headers,
      payload: {
        title: "Weekly data team",
        startsAt: `${nextYearDate("02-02")}T15:30`,
        timezone: "America/Chicago",
        durationMinutes: 45,
        mode: "blended",
        location: "Room 12",
        link: "https://meet.example.org/grade4",
        protocolKey: protocol.key,
        agenda: [{ title: "Celebrations", minutes: 5 }],
        recurrence: { frequency: "weekly", interval: 1, count: 4 },
      },
    });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const occurrences = scheduled.json().items;
    expect(occurrences).toHaveLength(4);
    expect(
      occurrences.every(
        (m: { recurring: boolean; protocolName: string }) => m.recurring && m.protocolName === "Data-driven dialogue",
      ),
    ).toBe(true);
    const [first, second] = occurrences;

    const started = (await app.inject({ method: "POST", url: `/api/v1/meetings/${first.id}/start`, headers })).json();
    expect(started).toMatchObject({ status: "in_progress", currentStep: 0 });
    expect(started.protocol.steps[0]).toMatchObject({ title: "Predict", minutes: 5 });
    const stepped = (
      await app.inject({ method: "POST", url: `/api/v1/meetings/${first.id}/step`, headers, payload: { step: 2 } })
    ).json();
    expect(stepped.currentStep).toBe(2);
    expect(stepped.stepStartedAt).toEqual(expect.any(String));
    const badStep = await app.inject({
      method: "POST",
      url: `/api/v1/meetings/${first.id}/step`,
      headers,
      payload: { step: 9 },
    });
    expect(badStep.statusCode).toBe(422);

    const recorder = await as(member);
    const attendance = await app.inject({
      method: "PUT",
      url: `/api/v1/meetings/${first.id}/attendance`,
      headers: recorder,
      payload: {
        entries: [
          { personId: facilitator.id, status: "present" },
          { personId: member.id, status: "excused" },
        ],
      },
    });
    expect(
      attendance
        .json()
        .attendance.map((a: { status: string }) => a.status)
        .sort(),
    ).toEqual(["excused", "present"]);
    await app.inject({
      method: "PATCH",
      url: `/api/v1/meetings/${first.id}`,
      headers: recorder,
      payload: { notes: "Fractions remain hard." },
    });
    await app.inject({
      method: "POST",
      url: `/api/v1/meetings/${first.id}/decisions`,
      headers: recorder,
      payload: { text: "Reteach equivalent fractions" },
    });
    const item = await app.inject({
      method: "POST",
      url: `/api/v1/communities/${communityId}/action-items`,
      headers: recorder,
      payload: { title: "Bring exit tickets", ownerId: member.id, dueOn: nextYearDate("02-08"), meetingId: first.id },
    });
    expect(item.statusCode, item.body).toBe(201);
    const completed = (
      await app.inject({ method: "POST", url: `/api/v1/meetings/${first.id}/complete`, headers })
    ).json();
    expect(completed).toMatchObject({ status: "completed", notes: "Fractions remain hard.", nextMeetingId: second.id });

    const next = (await app.inject({ url: `/api/v1/meetings/${second.id}`, headers })).json();
    expect(next.actionItems.map((a: { title: string }) => a.title)).toEqual(["Bring exit tickets"]);
    expect(next.previousMeetingId).toBe(first.id);

    await app.inject({
      method: "PATCH",
      url: `/api/v1/action-items/${item.json().id}`,
      headers: recorder,
      payload: { status: "done" },
    });
    const after = (await app.inject({ url: `/api/v1/meetings/${second.id}`, headers })).json();
    expect(after.actionItems).toEqual([]);
    const home = (await app.inject({ url: `/api/v1/communities/${communityId}`, headers })).json();
    expect(home.nextMeeting.id).toBe(second.id);
  });

  it("exports a one-page PDF summary that names the decisions, and emails the summary to members", async () => {
    const headers = await as(facilitator);
    const scheduled = await app.inject({
      method: "POST",
      url: `/api/v1/communities/${communityId}/meetings`,
      headers,
      payload: {
        title: "Looking at work",
        startsAt: `${nextYearDate("03-03")}T08:00`,
        timezone: "UTC",
        durationMinutes: 50,
      },
    });
    const meetingId = scheduled.json().items[0].id;
    await app.inject({
      method: "POST",
      url: `/api/v1/meetings/${meetingId}/decisions`,
      headers,
      payload: { text: "Adopt the shared rubric" },
    });
    const pdf = await app.inject({ url: `/api/v1/meetings/${meetingId}/summary.pdf`, headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const document = await getDocumentProxy(new Uint8Array(pdf.rawPayload));
    const { totalPages, text } = await extractText(document, { mergePages: true });
    expect(totalPages).toBe(1);
    expect(text).toContain("Adopt the shared rubric");
    expect(text).toContain("Grade 4 math: Looking at work");

    const emailed = await app.inject({ method: "POST", url: `/api/v1/meetings/${meetingId}/summary/email`, headers });
    expect(emailed.statusCode).toBe(200);
    const { outbox } = await import("../../db/schema");
    const { eq } = await import("drizzle-orm");
    const mail = await t.db.select().from(outbox).where(eq(outbox.toAddress, member.email));
    expect(mail.at(-1)?.textBody).toContain("Adopt the shared rubric");
  });

  it("publishes each member's meetings as an iCalendar feed at a private URL", async () => {
    const headers = await as(member);
    const feed = (await app.inject({ method: "POST", url: "/api/v1/me/calendar-feed", headers })).json();
    const path = new URL(feed.url).pathname;
    const response = await app.inject({ url: path });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/calendar");
    const calendar = new ICAL.Component(ICAL.parse(response.body));
    const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    const weekly = events.filter((e) => e.summary === "Grade 4 math: Weekly data team");
    expect(weekly).toHaveLength(4);
    const starts = weekly.map((e) => e.startDate.toJSDate().getTime()).sort();
    expect(starts[1] as number).toBe((starts[0] as number) + 7 * 86_400_000);
    // A new link revokes the old one.
    await app.inject({ method: "POST", url: "/api/v1/me/calendar-feed", headers });
    expect((await app.inject({ url: path })).statusCode).toBe(404);
  });

  it("refuses a virtual meeting without a link, an unknown time zone, and another community's protocol", async () => {
    const headers = await as(facilitator);
    const base = { title: "x", startsAt: `${nextYearDate("04-04")}T08:00`, durationMinutes: 30 };
    const post = (payload: object) =>
      app.inject({ method: "POST", url: `/api/v1/communities/${communityId}/meetings`, headers, payload });
    expect((await post({ ...base, mode: "virtual" })).json().errors[0].pointer).toBe("/body/link");
    expect((await post({ ...base, timezone: "Mars/Base" })).json().errors[0].pointer).toBe("/body/timezone");
    expect(
      (await post({ ...base, protocolKey: "00000000-0000-4000-8000-000000000000" })).json().errors[0].pointer,
    ).toBe("/body/protocolKey");
  });
});
