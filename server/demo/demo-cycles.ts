import { and, eq, sql } from "drizzle-orm";
import { CYCLE_STAGES, type CycleStage } from "../../contract/cycles";
import type { Db } from "../db/client";
import {
  assessments,
  communities,
  communityMembers,
  cycleAssessments,
  cycleLearningNeeds,
  cycleStages,
  cycleStrategies,
  cycles,
  resources,
} from "../db/schema";
import type { DemoCalendar } from "./demo-calendar";

/*
 * A year of improvement cycles in the Grade 3 team, at three points: one finished (main idea and key details,
 * from the first unit check to the common assessment, whose results grew), one stalled (its professional
 * learning stage long overdue), one active (just past its learning needs). Dates are template dates moved into
 * the present by the demo calendar.
 */

type DemoCycle = {
  title: string;
  focus: string;
  startsOn: string;
  baseline: string;
  followup?: string;
  currentStage: CycleStage;
  /** Stages completed, and each stage's due date (template dates). */
  completed: CycleStage[];
  due: Partial<Record<CycleStage, string>>;
  finishedOn?: string;
  reflection?: string;
  needs: string[];
  strategy?: string;
};

const DEMO_CYCLES: DemoCycle[] = [
  {
    title: "Main idea and key details",
    focus: "Half the class named a detail as the main idea on the first unit check.",
    startsOn: "2026-09-28",
    baseline: "Unit 2 check: main idea and key details",
    followup: "Unit 2 common assessment",
    currentStage: "evaluation",
    completed: [...CYCLE_STAGES],
    due: { learning_needs: "2026-10-02", shared_goals: "2026-10-05", evaluation: "2026-11-18" },
    finishedOn: "2026-11-18",
    reflection:
      "Partner talk with sentence frames got students explaining why a sentence is the main idea. Most moved up a level; we will keep the frames and add a detail sort for the students who did not.",
    needs: [
      "How to teach main idea without giving students the answer",
      "Using partner talk with our English learners",
    ],
    strategy: "Partner talk sentence frames",
  },
  {
    title: "Retelling stories in order",
    focus: "Retells skip the middle of the story.",
    startsOn: "2026-10-19",
    baseline: "Unit 2 check: stories and characters",
    currentStage: "professional_learning",
    completed: ["learning_needs", "shared_goals"],
    due: { learning_needs: "2026-10-23", shared_goals: "2026-10-27", professional_learning: "2026-10-30" },
    needs: ["Story maps that students use on their own"],
  },
  {
    title: "Editing for nouns, verbs and adjectives",
    focus: "Students label parts of speech but do not use them when editing.",
    startsOn: "2026-11-16",
    baseline: "Unit 2 common assessment",
    currentStage: "shared_goals",
    completed: ["learning_needs"],
    due: { learning_needs: "2026-11-20", shared_goals: "2026-12-11", professional_learning: "2027-01-15" },
    needs: ["Grammar in context rather than worksheets"],
  },
];

/** Seeds the demo's cycles; a no-op when the Grade 3 team or its assessments are missing. */
export async function seedDemoCycles(db: Db, districtId: string, cal: DemoCalendar): Promise<void> {
  const [team] = await db
    .select({ id: communities.id })
    .from(communities)
    .where(and(eq(communities.districtId, districtId), eq(communities.name, "Grade 3 team")));
  if (!team) return;
  const teamAssessments = await db
    .select({ id: assessments.id, title: assessments.title })
    .from(assessments)
    .where(eq(assessments.communityId, team.id));
  const idOf = (title: string) => teamAssessments.find((a) => a.title === title)?.id;
  const members = await db
    .select({ personId: communityMembers.personId })
    .from(communityMembers)
    .where(and(eq(communityMembers.communityId, team.id), sql`${communityMembers.teamRole} <> 'guest'`));
  const owner = (index: number) => members[index % Math.max(1, members.length)]?.personId ?? null;
  for (const plan of DEMO_CYCLES) {
    const baselineId = idOf(plan.baseline);
    if (!baselineId) continue;
    const [cycle] = await db
      .insert(cycles)
      .values({
        districtId,
        communityId: team.id,
        title: plan.title,
        focus: plan.focus,
        status: plan.finishedOn ? "finished" : "active",
        currentStage: plan.currentStage,
        startsOn: cal.day(plan.startsOn),
        reflection: plan.reflection ?? "",
        finishedAt: plan.finishedOn ? cal.instant(`${plan.finishedOn}T21:00:00Z`) : null,
        createdById: owner(0),
      })
      .returning({ id: cycles.id });
    if (!cycle) continue;
    await db.insert(cycleStages).values(
      CYCLE_STAGES.map((stage, index) => {
        const due = plan.due[stage];
        return {
          districtId,
          cycleId: cycle.id,
          stage,
          ownerId: owner(index),
          dueOn: due ? cal.day(due) : null,
          completedAt: plan.completed.includes(stage) ? cal.instant(`${due ?? plan.startsOn}T20:00:00Z`) : null,
        };
      }),
    );
    await db
      .insert(cycleAssessments)
      .values({ districtId, cycleId: cycle.id, assessmentId: baselineId, role: "baseline" });
    const followupId = plan.followup ? idOf(plan.followup) : undefined;
    if (followupId) {
      await db
        .insert(cycleAssessments)
        .values({ districtId, cycleId: cycle.id, assessmentId: followupId, role: "followup" });
    }
    await db.execute(sql`
      insert into cycle_snapshot_results (district_id, cycle_id, assessment_id, target_id, student_id, class_id, level)
      select tr.district_id, ${cycle.id}, tr.assessment_id, tr.target_id, tr.student_id, tr.class_id, tr.level
      from target_results tr where tr.assessment_id = ${baselineId}`);
    await db
      .insert(cycleLearningNeeds)
      .values(plan.needs.map((need, i) => ({ districtId, cycleId: cycle.id, authorId: owner(i), need })));
    if (plan.strategy) {
      const [resource] = await db
        .select({ id: resources.id })
        .from(resources)
        .where(and(eq(resources.districtId, districtId), eq(resources.title, plan.strategy)));
      if (resource) {
        await db
          .insert(cycleStrategies)
          .values({ districtId, cycleId: cycle.id, resourceId: resource.id, chosenById: owner(1) });
      }
    }
  }
}
