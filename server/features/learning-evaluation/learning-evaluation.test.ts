import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LearningEvaluation } from "../../../contract/learning-evaluation";
import { todayIn } from "../../clock";
import { auditLog, cycleImplementations, cycleLearningLog, meetingAttendance, meetings } from "../../db/schema";
import { buildCycle, buildStrategy } from "../../test/cycle-work-factories";
import { buildCommunity } from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let district: TestDistrict;
let leader: TestPerson;
let teachers: TestPerson[];
// A team whose name no Latin-only font can write: the PDF must keep it.
const TEAM_NAME = "Команда математики 5 · Ομάδα";
const today = todayIn("UTC");
const day = (offset: number) => DateTime.fromISO(today).plus({ days: offset }).toISODate() as string;
const from = day(-27);
const period = `from=${from}&to=${today}`;

/** A meeting of the team on a day of the period, with its length and who was marked present or absent. */
async function meeting(
  communityId: string,
  offset: number,
  minutes: number,
  status: "completed" | "scheduled" | "cancelled",
  attendance: [TestPerson, "present" | "absent" | "excused"][] = [],
) {
  const startsAt = new Date(`${day(offset)}T15:00:00Z`);
  const [row] = await t.db
    .insert(meetings)
    .values({
      districtId: district.id,
      communityId,
      title: `Meeting ${offset}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + minutes * 60_000),
      status,
    })
    .returning();
  if (!row) throw new Error("no meeting");
  for (const [person, mark] of attendance)
    await t.db
      .insert(meetingAttendance)
      .values({ districtId: district.id, meetingId: row.id, personId: person.id, status: mark });
}

let teamId: string;
beforeAll(async () => {
  t = await createTestApp();
  district = await buildDistrict(t.db);
  leader = await buildPerson(t.db, district, "school_leader");
  teachers = [await buildPerson(t.db, district, "teacher"), await buildPerson(t.db, district, "teacher")];
  const family = await buildPerson(t.db, district, "family_member");
  const team = await buildCommunity(
    t.db,
    district,
    [...teachers, family].map((p) => ({ personId: p.id })),
    { name: TEAM_NAME },
  );
  teamId = team.id;
  const [ada, ben] = teachers as [TestPerson, TestPerson];
  // Four meetings in the period (one cancelled, one not held), one before it.
  await meeting(team.id, -20, 60, "completed", [
    [ada, "present"],
    [ben, "present"],
  ]);
  await meeting(team.id, -6, 45, "completed", [
    [ada, "present"],
    [ben, "absent"],
  ]);
  await meeting(team.id, -3, 30, "scheduled");
  await meeting(team.id, -2, 30, "cancelled");
  await meeting(team.id, -40, 90, "completed", [[ada, "present"]]);

  const cycle = await buildCycle(t.db, { districtId: district.id, communityId: team.id });
  const strategy = await buildStrategy(t.db, district.id);
  await t.db.insert(cycleLearningLog).values([
    {
      districtId: district.id,
      cycleId: cycle.id,
      personId: ada.id,
      kind: "text_study",
      description: "Chapter 3",
      minutes: 40,
      learnedOn: day(-10),
    },
    {
      districtId: district.id,
      cycleId: cycle.id,
      personId: ada.id,
      kind: "coaching",
      description: "Coaching cycle",
      minutes: 30,
      learnedOn: day(-5),
    },
    {
      districtId: district.id,
      cycleId: cycle.id,
      personId: ben.id,
      kind: "text_study",
      description: "Old",
      minutes: 99,
      learnedOn: day(-60),
    },
  ]);
  await t.db.insert(cycleImplementations).values([
    {
      districtId: district.id,
      cycleId: cycle.id,
      personId: ada.id,
      resourceId: strategy.id,
      appliedOn: day(-4),
      outcome: "went_well",
    },
    {
      districtId: district.id,
      cycleId: cycle.id,
      personId: ben.id,
      resourceId: strategy.id,
      appliedOn: day(-1),
      outcome: "mixed",
    },
  ]);
});
afterAll(async () => t?.close());

async function get(url: string, person: TestPerson = leader) {
  return t.app.inject({ url, headers: await sessionHeaders(t.db, person) });
}

describe("the evaluation of professional learning", () => {
  it("counts each level from the records of the period, as the test's own arithmetic does", async () => {
    const response = await get(`/api/v1/reports/learning?schoolId=${district.schools.elementary.id}&${period}`);
    expect(response.statusCode, response.body).toBe(200);
    const evaluation = response.json<LearningEvaluation>();
    expect(evaluation.scope).toMatchObject({ kind: "school", from, to: today, weeks: 4 });
    const team = evaluation.teams.find((row) => row.community.id === teamId);
    // Two teachers are educators; the family member is a guest. 60 min × 2 present + 45 min × 1 present.
    expect(team).toMatchObject({
      educators: 2,
      meetingsScheduled: 3,
      meetingsHeld: 2,
      attendancePresent: 3,
      attendanceMarked: 4,
      collaborativeMinutes: 165,
      minutesPerEducatorPerWeek: Math.round((165 / 2 / 4) * 10) / 10,
      learningEntries: 2,
      learningMinutes: 70,
      learners: 1,
      coachingEntries: 1,
      implementations: 2,
      implementationsWentWell: 1,
      strategiesApplied: 1,
      cyclesCompleted: 0,
    });
    expect(evaluation.totals).toMatchObject({ educators: 2, collaborativeMinutes: 165, learners: 1 });
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "learningEvaluation.read"), eq(auditLog.subjectId, district.schools.elementary.id)),
      );
    expect(audit).toHaveLength(1);
  });

  it("is refused to teachers and to a school's leader for another school", async () => {
    const teacher = teachers[0] as TestPerson;
    expect((await get(`/api/v1/reports/learning?${period}`, teacher)).statusCode).toBe(403);
    expect((await get(`/api/v1/reports/learning?schoolId=${district.schools.high.id}&${period}`)).statusCode).toBe(403);
  });

  it("prints a board-ready PDF whose chart is drawn and whose non-Latin team name survives", async () => {
    const response = await get(`/api/v1/reports/learning.pdf?schoolId=${district.schools.elementary.id}&${period}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    const dir = mkdtempSync(path.join(os.tmpdir(), "collective-pdf-"));
    try {
      const file = path.join(dir, "report.pdf");
      writeFileSync(file, response.rawPayload);
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
      expect(text).toContain(TEAM_NAME);
      expect(text).toContain("Meetings scheduled and held, by team");
      // The first page as pixels (PPM: a small header, then RGB bytes): the "Held" bars are drawn in #1f4e9c.
      execFileSync("pdftoppm", ["-f", "1", "-l", "1", "-r", "50", file, path.join(dir, "page")]);
      const ppm = readFileSync(path.join(dir, "page-1.ppm"));
      const header = ppm.toString("latin1", 0, 20).split(/\s+/);
      const [width, height] = [Number(header[1]), Number(header[2])];
      const pixels = ppm.subarray(ppm.length - width * height * 3);
      let held = 0;
      let ink = 0;
      for (let i = 0; i < pixels.length; i += 3) {
        const [r, g, b] = [pixels[i] as number, pixels[i + 1] as number, pixels[i + 2] as number];
        if (Math.abs(r - 0x1f) < 24 && Math.abs(g - 0x4e) < 24 && Math.abs(b - 0x9c) < 24) held++;
        if (r < 200 || g < 200 || b < 200) ink++;
      }
      expect(held).toBeGreaterThan(20);
      expect(ink).toBeGreaterThan(held);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives the same figures as CSV and XLSX", async () => {
    const csv = await get(`/api/v1/reports/learning.csv?schoolId=${district.schools.elementary.id}&${period}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(TEAM_NAME);
    expect(csv.body).toMatch(new RegExp(`${TEAM_NAME},2,3,2,75,165,20.6`));
    const xlsx = await get(`/api/v1/reports/learning.xlsx?schoolId=${district.schools.elementary.id}&${period}`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("1. Participation");
    expect(sheet?.getRow(2).getCell(1).value).toBe(TEAM_NAME);
    expect(sheet?.getRow(2).getCell(6).value).toBe(165);
  });
});
