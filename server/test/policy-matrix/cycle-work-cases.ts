import { classes, classTeachers, cycleImplementations } from "../../db/schema";
import {
  buildCycle,
  buildLearningEntry,
  buildStrategy,
  buildVisitWith,
  chooseStrategyFor,
} from "../cycle-work-factories";
import type { TestPerson } from "../factories";
import { type Case, COMMUNITY_CONTRIBUTORS, type Ctx, type Targets } from "./matrix-context";

/** A fresh cycle of the district's community. */
function cycleIn(c: Ctx, targets: Targets) {
  return buildCycle(c.db, { districtId: targets.district.id, communityId: targets.communityId });
}

const person = (c: Ctx, role: "teacher" | "coach" | "district_leader" | "school_leader") =>
  c.members.get(role) as TestPerson;

/** A class taught by every member who contributes to the own team, so each may log an application with it. */
async function sharedClass(c: Ctx): Promise<string> {
  const districtId = c.own.district.id;
  const [row] = await c.db
    .insert(classes)
    .values({ districtId, schoolId: c.own.district.schools.elementary.id, title: `Class ${c.unique()}` })
    .returning({ id: classes.id });
  const classId = row?.id as string;
  for (const role of ["teacher", "coach", "district_leader", "school_leader"] as const) {
    await c.db.insert(classTeachers).values({ districtId, classId, personId: person(c, role).id });
  }
  return classId;
}

const base = (cycleId: string) => `/api/v1/cycles/${cycleId}`;

/** The work inside a cycle: the team's working members read and contribute; own entries change only by their author. */
export const cycleWorkCases: Record<string, Case> = {
  "GET /api/v1/cycles/:cycleId/learning-log": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c: Ctx) => ({ url: `${base((await cycleIn(c, c.own)).id)}/learning-log` }),
    other: async (c: Ctx) => ({ url: `${base((await cycleIn(c, c.other)).id)}/learning-log` }),
  },
  "POST /api/v1/cycles/:cycleId/learning-log": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c: Ctx) => ({
      url: `${base((await cycleIn(c, c.own)).id)}/learning-log`,
      payload: { kind: "workshop", description: "Feedback workshop", minutes: 90, learnedOn: "2030-01-12" },
    }),
    other: async (c: Ctx) => ({
      url: `${base((await cycleIn(c, c.other)).id)}/learning-log`,
      payload: { kind: "workshop", description: "Feedback workshop", minutes: 90, learnedOn: "2030-01-12" },
    }),
  },
  "PATCH /api/v1/cycles/:cycleId/learning-log/:entryId": {
    allowed: ["teacher"],
    own: async (c: Ctx) => {
      const cycle = await cycleIn(c, c.own);
      const entry = await buildLearningEntry(c.db, cycle, person(c, "teacher").id);
      return { url: `${base(cycle.id)}/learning-log/${entry.id}`, payload: { minutes: 60 } };
    },
    other: async (c: Ctx) => {
      const cycle = await cycleIn(c, c.other);
      const entry = await buildLearningEntry(c.db, cycle, c.other.teacher.id);
      return { url: `${base(cycle.id)}/learning-log/${entry.id}`, payload: { minutes: 60 } };
    },
  },
  "DELETE /api/v1/cycles/:cycleId/learning-log/:entryId": {
    allowed: ["teacher"],
    own: async (c: Ctx) => {
      const cycle = await cycleIn(c, c.own);
      const entry = await buildLearningEntry(c.db, cycle, person(c, "teacher").id);
      return { url: `${base(cycle.id)}/learning-log/${entry.id}` };
    },
    other: async (c: Ctx) => {
      const cycle = await cycleIn(c, c.other);
      const entry = await buildLearningEntry(c.db, cycle, c.other.teacher.id);
      return { url: `${base(cycle.id)}/learning-log/${entry.id}` };
    },
  },
  "GET /api/v1/cycles/:cycleId/strategies": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c: Ctx) => ({ url: `${base((await cycleIn(c, c.own)).id)}/strategies` }),
    other: async (c: Ctx) => ({ url: `${base((await cycleIn(c, c.other)).id)}/strategies` }),
  },
  "PUT /api/v1/cycles/:cycleId/strategies/:resourceId": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c: Ctx) => {
      const strategy = await buildStrategy(c.db, c.own.district.id);
      return { url: `${base((await cycleIn(c, c.own)).id)}/strategies/${strategy.id}` };
    },
    other: async (c: Ctx) => {
      const strategy = await buildStrategy(c.db, c.other.district.id);
      return { url: `${base((await cycleIn(c, c.other)).id)}/strategies/${strategy.id}` };
    },
  },
  "DELETE /api/v1/cycles/:cycleId/strategies/:resourceId": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c: Ctx) => {
      const cycle = await cycleIn(c, c.own);
      const strategy = await buildStrategy(c.db, c.own.district.id);
      await chooseStrategyFor(c.db, cycle, strategy.id);
      return { url: `${base(cycle.id)}/strategies/${strategy.id}` };
    },
    other: async (c: Ctx) => {
      const cycle = await cycleIn(c, c.other);
      const strategy = await buildStrategy(c.db, c.other.district.id);
      await chooseStrategyFor(c.db, cycle, strategy.id);
      return { url: `${base(cycle.id)}/strategies/${strategy.id}` };
    },
  },
  "GET /api/v1/cycles/:cycleId/implementations": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c: Ctx) => ({ url: `${base((await cycleIn(c, c.own)).id)}/implementations` }),
    other: async (c: Ctx) => ({ url: `${base((await cycleIn(c, c.other)).id)}/implementations` }),
  },
  "POST /api/v1/cycles/:cycleId/implementations": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c: Ctx) => {
      const cycle = await cycleIn(c, c.own);
      const strategy = await buildStrategy(c.db, c.own.district.id);
      await chooseStrategyFor(c.db, cycle, strategy.id);
      const payload = {
        resourceId: strategy.id,
        classId: await sharedClass(c),
        appliedOn: "2030-02-02",
        outcome: "mixed",
      };
      return { url: `${base(cycle.id)}/implementations`, payload };
    },
    other: async (c: Ctx) => {
      const cycle = await cycleIn(c, c.other);
      const strategy = await buildStrategy(c.db, c.other.district.id);
      const payload = {
        resourceId: strategy.id,
        classId: await sharedClass(c),
        appliedOn: "2030-02-02",
        outcome: "mixed",
      };
      return { url: `${base(cycle.id)}/implementations`, payload };
    },
  },
  "DELETE /api/v1/cycles/:cycleId/implementations/:entryId": {
    allowed: ["teacher"],
    own: async (c: Ctx) => {
      const cycle = await cycleIn(c, c.own);
      const [row] = await c.db
        .insert(cycleImplementations)
        .values({
          districtId: cycle.districtId,
          cycleId: cycle.id,
          personId: person(c, "teacher").id,
          appliedOn: "2030-02-02",
          outcome: "went_well",
        })
        .returning({ id: cycleImplementations.id });
      return { url: `${base(cycle.id)}/implementations/${row?.id}` };
    },
    other: async (c: Ctx) => {
      const cycle = await cycleIn(c, c.other);
      const [row] = await c.db
        .insert(cycleImplementations)
        .values({
          districtId: cycle.districtId,
          cycleId: cycle.id,
          personId: c.other.teacher.id,
          appliedOn: "2030-02-02",
          outcome: "went_well",
        })
        .returning({ id: cycleImplementations.id });
      return { url: `${base(cycle.id)}/implementations/${row?.id}` };
    },
  },
  "GET /api/v1/cycles/:cycleId/visits": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c: Ctx) => ({ url: `${base((await cycleIn(c, c.own)).id)}/visits` }),
    other: async (c: Ctx) => ({ url: `${base((await cycleIn(c, c.other)).id)}/visits` }),
  },
  "PUT /api/v1/cycles/:cycleId/visits/:visitId": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c: Ctx) => {
      const visitors = (["coach", "district_leader", "school_leader"] as const).map((r) => person(c, r).id);
      const visit = await buildVisitWith(c.db, c.own.district.id, person(c, "teacher").id, visitors);
      return { url: `${base((await cycleIn(c, c.own)).id)}/visits/${visit.id}` };
    },
    other: async (c: Ctx) => {
      const visit = await buildVisitWith(c.db, c.other.district.id, c.other.teacher.id, []);
      return { url: `${base((await cycleIn(c, c.other)).id)}/visits/${visit.id}` };
    },
  },
  "DELETE /api/v1/cycles/:cycleId/visits/:visitId": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c: Ctx) => {
      const visit = await buildVisitWith(c.db, c.own.district.id, person(c, "teacher").id, []);
      return { url: `${base((await cycleIn(c, c.own)).id)}/visits/${visit.id}` };
    },
    other: async (c: Ctx) => {
      const visit = await buildVisitWith(c.db, c.other.district.id, c.other.teacher.id, []);
      return { url: `${base((await cycleIn(c, c.other)).id)}/visits/${visit.id}` };
    },
  },
  "GET /api/v1/cycles/:cycleId/refinements": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c: Ctx) => ({ url: `${base((await cycleIn(c, c.own)).id)}/refinements` }),
    other: async (c: Ctx) => ({ url: `${base((await cycleIn(c, c.other)).id)}/refinements` }),
  },
  "POST /api/v1/cycles/:cycleId/refinements": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c: Ctx) => ({
      url: `${base((await cycleIn(c, c.own)).id)}/refinements`,
      payload: { change: "Shorter quizzes", reason: "Students ran out of time" },
    }),
    other: async (c: Ctx) => ({
      url: `${base((await cycleIn(c, c.other)).id)}/refinements`,
      payload: { change: "Shorter quizzes", reason: "Students ran out of time" },
    }),
  },
  "GET /api/v1/cycles/:cycleId/meetings": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c: Ctx) => ({ url: `${base((await cycleIn(c, c.own)).id)}/meetings` }),
    other: async (c: Ctx) => ({ url: `${base((await cycleIn(c, c.other)).id)}/meetings` }),
  },
  "PUT /api/v1/cycles/:cycleId/meetings/:meetingId": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c: Ctx) => ({
      url: `${base((await cycleIn(c, c.own)).id)}/meetings/${c.own.meetingId}`,
      payload: { stage: "strategies" },
    }),
    other: async (c: Ctx) => ({
      url: `${base((await cycleIn(c, c.other)).id)}/meetings/${c.other.meetingId}`,
      payload: { stage: "strategies" },
    }),
  },
  "DELETE /api/v1/cycles/:cycleId/meetings/:meetingId": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c: Ctx) => ({ url: `${base((await cycleIn(c, c.own)).id)}/meetings/${c.own.meetingId}` }),
    other: async (c: Ctx) => ({ url: `${base((await cycleIn(c, c.other)).id)}/meetings/${c.other.meetingId}` }),
  },
};
