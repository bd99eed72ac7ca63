import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { nowMs, todayIn } from "../clock";
import type { Db } from "../db/client";
import {
  actionItems,
  assessmentClasses,
  assessmentSittings,
  cycleStages,
  familyNotes,
  meetingAttendance,
  meetings,
} from "../db/schema";
import { insertTarget } from "./analysis-fixture";
import { buildLevelAssessment, insertCycle, setLevels } from "./cycle-factories";
import { buildClass, buildCommunity, buildStudent } from "./evidence-factories";
import type { TestDistrict, TestPerson } from "./factories";
import { buildPlan, buildScores } from "./intervention-factories";

/** A day counted from today in UTC (the test districts' zone), as YYYY-MM-DD. */
export function dayFromToday(days: number): string {
  return DateTime.fromISO(todayIn("UTC"), { zone: "utc" }).plus({ days }).toISODate() as string;
}

/**
 * A team of the elementary school whose teacher has something on every section of their home: an upcoming
 * meeting about to start, an overdue action item, an open assessment with one student's results missing and
 * one student below proficient with no response, a plan they deliver flagged "adjust" with its weekly score due
 * and its review overdue, an unread family note; the team last met 20 days ago and its cycle's stage is 20
 * days past due (stalled).
 */
export async function buildHomeTeam(
  db: Db,
  district: TestDistrict,
  teacher: TestPerson,
  coach: TestPerson,
  name: string,
) {
  const community = await buildCommunity(
    db,
    district,
    [{ personId: coach.id, teamRole: "facilitator" }, { personId: teacher.id }],
    { name },
  );
  const klass = await buildClass(db, district, { teacherIds: [teacher.id], title: `${name} room` });
  const [below, flagged, missing] = await Promise.all(
    ["Below", "Flagged", "Missing"].map((familyName) =>
      buildStudent(db, district, { classIds: [klass.id], givenName: name.split(" ")[0], familyName }),
    ),
  );
  if (!below || !flagged || !missing) throw new Error("no students");
  const target = await insertTarget(db, district, community.id, `${name.slice(0, 3).toUpperCase()}.1`);
  const assessment = await buildLevelAssessment(db, district, community.id, [target.id], {
    title: `${name} unit check`,
    givenOn: dayFromToday(-14),
  });
  await db
    .insert(assessmentClasses)
    .values({ districtId: district.id, assessmentId: assessment.id, classId: klass.id });
  await db.insert(assessmentSittings).values(
    [below, flagged].map((s) => ({
      districtId: district.id,
      assessmentId: assessment.id,
      studentId: s.id,
      classId: klass.id,
    })),
  );
  await setLevels(db, district, assessment.id, [
    { studentId: below.id, targetId: target.id, classId: klass.id, level: 1 },
    { studentId: flagged.id, targetId: target.id, classId: klass.id, level: 3 },
  ]);
  const plan = await buildPlan(db, district, {
    studentId: flagged.id,
    communityId: community.id,
    deliveredById: teacher.id,
    startDate: dayFromToday(-40),
    goalDate: dayFromToday(20),
    reviewDate: dayFromToday(-3),
    baseline: 40,
    goal: 70,
  });
  await buildScores(
    db,
    district,
    plan.id,
    [-31, -24, -17, -10].map((offset) => ({ measuredOn: dayFromToday(offset), score: 40 })),
  );
  await db
    .insert(familyNotes)
    .values({ districtId: district.id, studentId: flagged.id, planId: plan.id, body: "He reads at home now" });
  const soon = nowMs() + 5 * 60_000;
  const [upcoming, past] = await db
    .insert(meetings)
    .values([
      {
        districtId: district.id,
        communityId: community.id,
        title: `${name} weekly`,
        startsAt: new Date(soon),
        endsAt: new Date(soon + 3_600_000),
      },
      {
        districtId: district.id,
        communityId: community.id,
        title: `${name} last time`,
        startsAt: new Date(`${dayFromToday(-20)}T15:00:00Z`),
        endsAt: new Date(`${dayFromToday(-20)}T16:00:00Z`),
        status: "completed" as const,
      },
    ])
    .returning();
  if (!upcoming || !past) throw new Error("no meetings");
  await db
    .insert(meetingAttendance)
    .values({ districtId: district.id, meetingId: past.id, personId: teacher.id, status: "present" });
  const [overdueItem] = await db
    .insert(actionItems)
    .values([
      {
        districtId: district.id,
        communityId: community.id,
        title: `${name}: bring samples`,
        ownerId: teacher.id,
        dueOn: dayFromToday(-3),
      },
      {
        districtId: district.id,
        communityId: community.id,
        title: `${name}: read chapter`,
        ownerId: teacher.id,
        dueOn: dayFromToday(4),
      },
      {
        districtId: district.id,
        communityId: community.id,
        title: `${name}: done`,
        ownerId: teacher.id,
        status: "done" as const,
      },
    ])
    .returning();
  if (!overdueItem) throw new Error("no action item");
  const cycle = await insertCycle(db, district, community.id, { title: `${name} cycle`, startsOn: dayFromToday(-60) });
  await db
    .update(cycleStages)
    .set({ dueOn: dayFromToday(-20) })
    .where(sql`${cycleStages.cycleId} = ${cycle.id} and ${cycleStages.stage} = 'learning_needs'`);
  return {
    community,
    klass,
    students: { below, flagged, missing },
    assessment,
    plan,
    upcoming,
    past,
    overdueItem,
    cycle,
  };
}
