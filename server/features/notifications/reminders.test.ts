import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { actionItems, meetings, planDecisions } from "../../db/schema";
import { buildClass, buildCommunity, buildStudent, linkFamily } from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { buildHomeTeam } from "../../test/home-scenario";
import { buildPlan, buildScores } from "../../test/intervention-factories";
import { createTestDatabase, testDatabaseKind } from "../../test/test-db";
import { runReminders } from "./reminders";

/*
 * With the clock fixed at Tuesday 10 November 2026, 15:00 UTC: the team (a coach facilitating, a teacher) meets
 * on Wednesday at 14:00, an action item of the teacher's was due on Monday, and the teacher's plan for a student
 * has four scores under its aim line, the last on Monday. Each must reach each person once per channel, however
 * many times and in however many processes the reminders run.
 */

const NOW = new Date("2026-11-10T15:00:00Z");
const MAIL = { smtpConfigured: false, baseUrl: "https://collective.example" };
const SCRIPT = fileURLToPath(new URL("../../test/remind-once.ts", import.meta.url));

let database: Database & { url?: string };
let district: TestDistrict;
let coach: TestPerson;
let teacher: TestPerson;
let meetingId: string;
let planId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  district = await buildDistrict(db);
  coach = await buildPerson(db, district, "coach");
  teacher = await buildPerson(db, district, "teacher");
  const team = await buildCommunity(db, district, [
    { personId: coach.id, teamRole: "facilitator" },
    { personId: teacher.id },
  ]);
  const [meeting] = await db
    .insert(meetings)
    .values({
      districtId: district.id,
      communityId: team.id,
      title: "Data meeting",
      startsAt: new Date("2026-11-11T14:00:00Z"),
      endsAt: new Date("2026-11-11T15:00:00Z"),
      agenda: [{ title: "Unit 3 check", minutes: 20 }],
    })
    .returning();
  meetingId = meeting?.id as string;
  await db.insert(actionItems).values([
    { districtId: district.id, communityId: team.id, title: "Bring samples", ownerId: teacher.id, dueOn: "2026-11-09" },
    // Done, or long overdue: no reminder.
    {
      districtId: district.id,
      communityId: team.id,
      title: "Done already",
      ownerId: teacher.id,
      dueOn: "2026-11-09",
      status: "done",
    },
    { districtId: district.id, communityId: team.id, title: "Ancient", ownerId: teacher.id, dueOn: "2026-09-01" },
  ]);
  const klass = await buildClass(db, district, { teacherIds: [teacher.id] });
  const student = await buildStudent(db, district, { classIds: [klass.id], givenName: "Maya" });
  const plan = await buildPlan(db, district, {
    studentId: student.id,
    communityId: team.id,
    deliveredById: teacher.id,
    baseline: 40,
    goal: 70,
    startDate: "2026-10-05",
    goalDate: "2026-12-14",
  });
  planId = plan.id;
  await buildScores(db, district, plan.id, [
    { measuredOn: "2026-10-19", score: 40 },
    { measuredOn: "2026-10-26", score: 41 },
    { measuredOn: "2026-11-02", score: 40 },
    { measuredOn: "2026-11-09", score: 42 },
  ]);
}, 60_000);
afterAll(async () => database?.close());

async function notices() {
  const rows = await database.db.execute<{ kind: string; person_id: string; n: number }>(sql`
    select kind, person_id, count(*)::int as n from notifications where district_id = ${district.id}
     group by 1, 2 order by 1, 2`);
  return rows.rows;
}

async function emails() {
  const rows = await database.db.execute<{ to_address: string; subject: string; headers: Record<string, string> }>(
    sql`select to_address, subject, headers from outbox where district_id = ${district.id} order by subject, to_address`,
  );
  return rows.rows;
}

const sorted = <T extends { person_id: string }>(rows: T[]) =>
  [...rows].sort((a, b) => a.person_id.localeCompare(b.person_id));

describe("reminders", () => {
  it("send a meeting's 24-hour reminder, an overdue item and a fired decision rule once each, however often they run", async () => {
    const first = await Promise.all([
      runReminders(database.db, NOW, MAIL),
      runReminders(database.db, NOW, MAIL),
      runReminders(database.db, NOW, MAIL),
    ]);
    expect(first.reduce((a, b) => a + b, 0)).toBe(5);
    expect(await runReminders(database.db, NOW, MAIL)).toBe(0);
    const [coachId, teacherId] = [coach.id, teacher.id];
    expect(await notices()).toEqual(
      [
        { kind: "action_item_overdue", person_id: teacherId, n: 1 },
        ...sorted([
          { kind: "decision_rule", person_id: coachId, n: 1 },
          { kind: "decision_rule", person_id: teacherId, n: 1 },
        ]),
        ...sorted([
          { kind: "meeting_soon", person_id: coachId, n: 1 },
          { kind: "meeting_soon", person_id: teacherId, n: 1 },
        ]),
      ].sort((a, b) => a.kind.localeCompare(b.kind) || a.person_id.localeCompare(b.person_id)),
    );
    // Meetings and decision rules come by email too (the defaults); an overdue item waits for the digest.
    const sent = await emails();
    expect(sent.map((m) => m.to_address).sort()).toEqual(
      [coach.email, coach.email, teacher.email, teacher.email].sort(),
    );
    for (const message of sent) {
      expect(message.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      // The token is the recipient's alone: the outbox, which leaders read, never shows it.
      expect(message.headers["List-Unsubscribe"]).toContain("[link sent only to the recipient]");
    }
    const meetingMail = await database.db.execute<{ text_body: string }>(
      sql`select text_body from outbox where district_id = ${district.id} and subject like '%Data meeting%' limit 1`,
    );
    expect(meetingMail.rows[0]?.text_body).toContain("Unit 3 check (20 min)");
    expect(meetingMail.rows[0]?.text_body).toContain(`https://collective.example/meetings/${meetingId}`);
  });

  it("send the one-hour reminder once more within the hour, and a new flag only on a new score", async () => {
    const soon = new Date("2026-11-11T13:30:00Z");
    expect(await runReminders(database.db, soon, MAIL)).toBe(2);
    expect(await runReminders(database.db, soon, MAIL)).toBe(0);
    await buildScores(database.db, district, planId, [{ measuredOn: "2026-11-11", score: 43 }]);
    expect(await runReminders(database.db, soon, MAIL)).toBe(2);
  });

  it("tell a family in their language, once, when their child's plan changes", async () => {
    const db = database.db;
    const parent = await buildPerson(db, district, "family_member");
    await db.execute(sql`update people set preferred_language = 'es' where id = ${parent.id}`);
    const [plan] = (
      await db.execute<{ student_id: string }>(sql`select student_id from intervention_plans where id = ${planId}`)
    ).rows;
    await linkFamily(db, district, parent.id, plan?.student_id as string);
    await db.insert(planDecisions).values({
      districtId: district.id,
      planId,
      decision: "intensify",
      reason: "Four points under the aim line",
      tierBefore: 2,
      tierAfter: 3,
      decidedById: coach.id,
      decidedOn: "2026-11-10",
      createdAt: new Date("2026-11-10T14:00:00Z"),
    });
    await Promise.all([runReminders(db, NOW, MAIL), runReminders(db, NOW, MAIL)]);
    const told = await db.execute<{ title: string }>(
      sql`select title from notifications where person_id = ${parent.id} and kind = 'plan_change'`,
    );
    expect(told.rows).toEqual([{ title: "El apoyo de Maya en la escuela cambió" }]);
    const mail = await db.execute<{ text_body: string }>(
      sql`select text_body from outbox where to_address = ${parent.email}`,
    );
    expect(mail.rows[0]?.text_body).toContain("Hola,");
  });

  it("leave nothing half-written when sending fails, and send it once when run again", async () => {
    const db = database.db;
    const monday = new Date("2026-11-16T16:00:00Z");
    const [meeting] = await db
      .insert(meetings)
      .values({
        districtId: district.id,
        communityId: (
          await db.execute<{ id: string }>(sql`select community_id as id from meetings where id = ${meetingId}`)
        ).rows[0]?.id as string,
        title: "Planning meeting",
        startsAt: new Date("2026-11-17T14:00:00Z"),
        endsAt: new Date("2026-11-17T15:00:00Z"),
      })
      .returning();
    // The outbox refuses writes, as a process dying between deciding and sending would leave it.
    await db.execute(sql`
      create or replace function refuse_outbox() returns trigger language plpgsql as $$
      begin raise exception 'the process died'; end $$`);
    await db.execute(
      sql`create trigger refuse_outbox before insert on outbox for each row execute function refuse_outbox()`,
    );
    try {
      await expect(runReminders(db, monday, MAIL)).rejects.toThrow();
    } finally {
      await db.execute(sql`drop trigger refuse_outbox on outbox`);
    }
    const key = `meeting:${meeting?.id}:%`;
    const decided = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from notifications where dedupe_key like ${key}`,
    );
    expect(decided.rows[0]?.n).toBe(0);
    expect(await runReminders(db, monday, MAIL)).toBeGreaterThanOrEqual(2);
    expect(await runReminders(db, monday, MAIL)).toBe(0);
    const mails = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from outbox where district_id = ${district.id} and subject like '%Planning meeting%'`,
    );
    expect(mails.rows[0]?.n).toBe(2);
  });

  it.runIf(testDatabaseKind() === "postgres")(
    "send each reminder once across two server processes on one PostgreSQL database",
    async () => {
      const later = "2026-11-16T15:00:00Z";
      // Monday the 16th: a new item is due tomorrow, for both processes to find at once.
      await database.db.insert(actionItems).values({
        districtId: district.id,
        communityId: (
          await database.db.execute<{ id: string }>(
            sql`select community_id as id from meetings where id = ${meetingId}`,
          )
        ).rows[0]?.id as string,
        title: "Share the rubric",
        ownerId: teacher.id,
        dueOn: "2026-11-17",
      });
      const run = () =>
        new Promise<string>((resolve, reject) => {
          const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, database.url as string, later], {
            stdio: ["ignore", "pipe", "pipe"],
          });
          let out = "";
          child.stdout.on("data", (chunk: Buffer) => {
            out += chunk.toString();
          });
          child.stderr.on("data", (chunk: Buffer) => {
            out += chunk.toString();
          });
          child.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(out))));
        });
      const outputs = await Promise.all([run(), run()]);
      const total = outputs.map((out) => Number(/sent (\d+)/.exec(out)?.[1])).reduce((a, b) => a + b, 0);
      expect(total).toBe(1);
      const due = await database.db.execute<{ n: number }>(sql`
        select count(*)::int as n from notifications where district_id = ${district.id} and kind = 'action_item_due'`);
      expect(due.rows[0]?.n).toBe(1);
    },
    60_000,
  );
});

describe("a student still waiting for a response", () => {
  it("is named to their teacher once, after the team's days to respond, and only to them", async () => {
    const db = database.db;
    const other = await buildDistrict(db, "Waiting district");
    const teacherHere = await buildPerson(db, other, "teacher");
    const coachHere = await buildPerson(db, other, "coach");
    const team = await buildHomeTeam(db, other, teacherHere, coachHere, "Grade 4 team");
    const now = new Date();
    await Promise.all([runReminders(db, now, MAIL), runReminders(db, now, MAIL)]);
    const waiting = await db.execute<{ person_id: string; title: string; link: string }>(sql`
      select person_id, title, link from notifications where district_id = ${other.id} and kind = 'not_responded'`);
    expect(waiting.rows).toEqual([
      {
        person_id: teacherHere.id,
        title: `${team.students.below.givenName} ${team.students.below.familyName} is still waiting for a response after “Grade 4 team unit check”`,
        link: `/communities/${team.community.id}/review`,
      },
    ]);
    expect(await runReminders(db, now, MAIL)).toBe(0);
  });
});
