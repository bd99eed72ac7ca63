import { en, Faker } from "@faker-js/faker";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  communityMembers,
  familyNotes,
  interventionGroups,
  interventionPlans,
  interventionSessions,
  planDecisions,
  progressScores,
  resourceRatings,
  resources,
} from "../db/schema";
import { uuidArray } from "../db/sql-arrays";
import { applyDecisionRule } from "../features/interventions/progress-rules";
import { resourceSearchVector } from "../features/library/library.queries";
import type { DemoCalendar } from "./demo-calendar";
import {
  DEMO_PROGRESS_UNTIL,
  GROUPS,
  MATEO_NOTE,
  NEXT_REVIEW,
  REVIEW_MEETING,
  STRATEGIES,
} from "./demo-intervention-plans";
import { addDays, type Course, datesOn, sessionRows, weeklyScores } from "./demo-progress-data";

// The classroom reteach starts with the second check's tier-2 group.
const RETEACH_START = "2026-10-21";

type Candidate = { studentId: string; points: number; isMateo: boolean };

/**
 * The Grade 3 team's response to its assessments: two tier-2 groups delivered by Luis Romero (one of them
 * Mateo Torres's), one student intensified to an individual tier-3 plan, an extension group, a term of
 * weekly scores, session attendance, the team's decisions, and a family note in Spanish.
 */
export async function seedDemoInterventions(db: Db, districtId: string, cal: DemoCalendar): Promise<void> {
  const progressUntil = cal.day(DEMO_PROGRESS_UNTIL);
  const reviewMeeting = cal.day(REVIEW_MEETING);
  const faker = new Faker({ locale: [en], seed: 20_261_105 });
  const context = await db.execute<{ team_id: string; emily: string; luis: string; ana: string; mateo: string }>(sql`
    select c.id as team_id,
           (select id from people where district_id = c.district_id and email = 'emily.chen@riverside.example') as emily,
           (select id from people where district_id = c.district_id and email = 'luis.romero@riverside.example') as luis,
           (select id from people where district_id = c.district_id and email = 'ana.torres@riverside.example') as ana,
           (select f.student_id from family_links f join people p on p.id = f.person_id
             where p.email = 'ana.torres@riverside.example' and f.district_id = c.district_id limit 1) as mateo
      from communities c where c.district_id = ${districtId} and c.name = 'Grade 3 team'`);
  const ctx = context.rows[0];
  if (!ctx) return;
  const teamId = ctx.team_id;
  const people = { emily: ctx.emily, luis: ctx.luis };
  // The interventionist joins the team whose students he serves, so he sees its review list.
  await db
    .insert(communityMembers)
    .values({ districtId, communityId: teamId, personId: ctx.luis, teamRole: "member", sharesStudents: true });

  const resourceIds = new Map<string, string>();
  for (const strategy of STRATEGIES) {
    const values = { ...strategy, gradeLevels: ["3"], subjects: ["ELA"] };
    const [row] = await db
      .insert(resources)
      .values({
        districtId,
        kind: "strategy",
        scope: "community",
        communityId: teamId,
        createdById: ctx.emily,
        ...values,
        search: resourceSearchVector(values),
      })
      .returning({ id: resources.id });
    resourceIds.set(strategy.title, row?.id as string);
    await db.insert(resourceRatings).values(
      [ctx.luis, ctx.emily].map((personId, i) => ({
        districtId,
        resourceId: row?.id as string,
        personId,
        usefulness: 5 - i,
      })),
    );
  }

  const taken = new Set<string>();
  const decisions: (typeof planDecisions.$inferInsert)[] = [];
  const scores: (typeof progressScores.$inferInsert)[] = [];
  const sessions: (typeof interventionSessions.$inferInsert)[] = [];
  let mateoPlanId: string | undefined;
  for (const template of GROUPS) {
    const spec = {
      ...template,
      startDate: cal.day(template.startDate),
      reviewDate: cal.day(template.reviewDate),
      goalDate: cal.day(template.goalDate),
      notHeld: template.notHeld.map(cal.day),
    };
    const found = await db.execute<{ assessment_id: string; target_id: string }>(sql`
      select a.id as assessment_id, lt.id as target_id from assessments a
      join learning_targets lt on lt.community_id = a.community_id and lt.code = ${spec.targetCode}
      where a.community_id = ${teamId} and a.title = ${spec.assessment}`);
    const source = found.rows[0];
    if (!source) continue;
    const results = await db.execute<{ student_id: string; points: string; level: number }>(sql`
      select r.student_id, r.points, r.level from target_results r join students s on s.id = r.student_id
      where r.assessment_id = ${source.assessment_id} and r.target_id = ${source.target_id}
        and ${spec.kind === "intervention" ? sql`r.level < 3` : sql`r.level = 4`}
      order by r.points ${spec.pick === "lowest" ? sql`asc` : sql`desc`}, s.sourced_id`);
    const candidates: Candidate[] = results.rows
      .filter((r) => !taken.has(r.student_id))
      .map((r) => ({ studentId: r.student_id, points: Number(r.points), isMateo: r.student_id === ctx.mateo }));
    // Mateo, when he is among them, is placed first on a tier-2 course (not the one intensified to tier 3), so
    // the family login always has a tier-2 plan to follow.
    const mateo = candidates.find((c) => c.isMateo);
    const others = candidates.filter((c) => !c.isMateo);
    const chosen = others.slice(0, spec.courses.length);
    if (mateo) chosen.splice(spec.courses[0] === "intensified" ? 1 : 0, 0, mateo);
    chosen.length = Math.min(chosen.length, spec.courses.length);
    for (const c of chosen) taken.add(c.studentId);

    const deliveredById = people[spec.deliverer];
    const common = {
      districtId,
      communityId: teamId,
      kind: spec.kind,
      focus: spec.focus,
      learningTargetIds: [source.target_id],
      sourceAssessmentId: source.assessment_id,
      strategyResourceId: spec.strategyResource ? (resourceIds.get(spec.strategyResource) ?? null) : null,
      strategy: spec.strategy,
      deliveredById,
      minutesPerSession: spec.minutes,
      daysPerWeek: spec.weekdays.length,
      schedule: spec.schedule,
      startDate: spec.startDate,
      reviewDate: spec.reviewDate,
      goalDate: spec.goalDate,
      measure: spec.measure.name,
      createdById: ctx.emily,
      createdAt: new Date(`${spec.startDate}T15:00:00Z`),
      updatedAt: new Date(`${spec.startDate}T15:00:00Z`),
    };
    const [group] = await db
      .insert(interventionGroups)
      .values({ ...common, name: spec.name, tier: spec.tier })
      .returning({ id: interventionGroups.id });
    const notHeld = new Set(spec.notHeld);
    for (const [index, candidate] of chosen.entries()) {
      const course = spec.courses[index] as Course;
      const baseline = faker.number.int({ min: spec.baseline[0], max: spec.baseline[1] });
      const goal = Math.min(spec.measure.max, baseline + spec.gain);
      const aim = { startDate: spec.startDate, baseline, goalDate: spec.goalDate, goal };
      const closedOn = course === "met" ? reviewMeeting : course === "not_met" ? cal.day("2026-11-19") : null;
      const isIntensified = course === "intensified";
      // Plans the team kept at the review meeting are next reviewed four weeks later.
      const isContinued = course === "on_track" && spec.reviewDate === reviewMeeting;
      const [plan] = await db
        .insert(interventionPlans)
        .values({
          ...common,
          studentId: candidate.studentId,
          groupId: isIntensified ? null : group?.id,
          tier: isIntensified ? 3 : spec.tier,
          status: closedOn ? "closed" : "active",
          reviewDate: isContinued ? cal.day(NEXT_REVIEW) : spec.reviewDate,
          baseline,
          goal,
          outcome: course === "met" ? "met" : course === "not_met" ? "not_met" : null,
          closedAt: closedOn ? new Date(`${closedOn}T21:00:00Z`) : null,
          ...(isIntensified
            ? {
                strategy: "Daily one-to-one repeated reading with phonics warm-ups, then a ten-word summary.",
                daysPerWeek: 5,
                schedule: "Every school day, 1:00–1:30, one to one",
                reviewDate: cal.day("2026-12-02"),
              }
            : {}),
        })
        .returning({ id: interventionPlans.id });
      const planId = plan?.id as string;
      if (candidate.isMateo) mateoPlanId = planId;
      const lastDay = closedOn ? addDays(closedOn, -1) : progressUntil;
      const points = weeklyScores(faker, aim, course, spec.measure, lastDay);
      scores.push(
        ...points.map((p) => ({ districtId, planId, ...p, recordedById: deliveredById, createdAt: at(p.measuredOn) })),
      );
      const absentRate = course === "behind" ? 0.18 : 0.06;
      const days = isIntensified
        ? [
            ...datesOn(spec.startDate, cal.day("2026-10-28"), spec.weekdays),
            ...datesOn(cal.day("2026-10-29"), lastDay, [1, 2, 3, 4, 5]),
          ]
        : datesOn(spec.startDate, lastDay, spec.weekdays);
      sessions.push(
        ...sessionRows(faker, days, spec.minutes, notHeld, absentRate).map((s) => ({
          districtId,
          planId,
          ...s,
          recordedById: deliveredById,
        })),
      );
      const decided = (
        decidedOn: string,
        rest: Omit<typeof planDecisions.$inferInsert, "districtId" | "planId" | "decidedOn">,
      ) => decisions.push({ districtId, planId, decidedById: ctx.emily, createdAt: at(decidedOn), ...rest, decidedOn });
      const flagOn = (day: string) =>
        applyDecisionRule(
          aim,
          points.filter((p) => p.measuredOn <= day),
        ).flag;
      decided(spec.startDate, {
        decision: "start",
        reason:
          spec.kind === "intervention"
            ? `Below proficiency on ${spec.targetCode} in "${spec.assessment}"; joins ${spec.name}.`
            : `Advanced on ${spec.targetCode} in "${spec.assessment}"; joins ${spec.name}.`,
        tierAfter: spec.tier,
      });
      if (isIntensified) {
        decided(cal.day("2026-10-28"), {
          decision: "intensify",
          reason:
            "The last four points are below the aim line although attendance was good; moving to daily one-to-one sessions (tier 3).",
          tierBefore: 2,
          tierAfter: 3,
          flag: flagOn(cal.day("2026-10-28")),
        });
      } else if (isContinued) {
        decided(reviewMeeting, {
          decision: "continue",
          reason: "Growing along the aim line; keep the plan until the goal date.",
          tierBefore: spec.tier,
          tierAfter: spec.tier,
          flag: flagOn(reviewMeeting),
        });
      } else if (closedOn) {
        decided(closedOn, {
          decision: "exit",
          reason:
            course === "met"
              ? "Goal reached and the latest points are above the aim line; back to core instruction with a check-in in four weeks."
              : "Still well below the aim line after four weeks of sessions; the reading specialist will assess decoding before the team plans the next step.",
          tierBefore: spec.tier,
          tierAfter: spec.tier,
          flag: flagOn(closedOn),
        });
      }
    }
  }
  await seedClassroomReteach(db, districtId, teamId, ctx.emily, taken, cal);
  await db.insert(progressScores).values(scores);
  await db.insert(interventionSessions).values(sessions);
  await db.insert(planDecisions).values(decisions);
  if (mateoPlanId) {
    await db.insert(familyNotes).values({
      districtId,
      studentId: ctx.mateo,
      authorId: ctx.ana,
      planId: mateoPlanId,
      body: MATEO_NOTE,
      language: "es",
      createdAt: cal.instant("2026-11-17T01:45:00Z"),
    });
  }
}

/**
 * Everyone else below proficiency on the first two checks is retaught in class by their own teacher (tier 1,
 * no progress monitoring yet). The unit's common assessment of 13 November waits for the team's next meeting,
 * so its students are the ones "not yet responded to".
 */
async function seedClassroomReteach(
  db: Db,
  districtId: string,
  teamId: string,
  createdById: string,
  taken: Set<string>,
  cal: DemoCalendar,
): Promise<void> {
  const reteachStart = cal.day(RETEACH_START);
  await db.execute(sql`
    with below as (
      select r.student_id, min(r.class_id::text)::uuid as class_id,
             array_agg(distinct r.target_id order by r.target_id) as target_ids
        from target_results r join assessments a on a.id = r.assessment_id
       where a.community_id = ${teamId} and a.given_on < ${reteachStart}::date and r.level < 3
         and r.student_id <> all(${uuidArray([...taken])})
       group by r.student_id),
    plans as (
      insert into intervention_plans (district_id, student_id, community_id, kind, tier, focus, learning_target_ids,
        source_assessment_id, strategy, delivered_by_id, minutes_per_session, days_per_week, schedule, start_date,
        review_date, measure, baseline, goal, goal_date, created_by_id, created_at, updated_at)
      select ${districtId}, b.student_id, ${teamId}, 'intervention', 1,
             'Reteach the targets not yet learned on the first two checks.', b.target_ids,
             (select id from assessments where community_id = ${teamId} and given_on < ${reteachStart}::date
               order by given_on desc limit 1),
             'Small-group reteach during centers with the shared reteach lesson, then an exit ticket.',
             (select ct.person_id from class_teachers ct where ct.class_id = b.class_id order by ct.person_id limit 1),
             15, 3, 'Three times a week in class, during centers', ${reteachStart}, ${cal.day("2026-12-02")},
             'Exit ticket on the target (points out of 4)', 1, 3, ${cal.day("2026-12-18")}, ${createdById},
             ${at(reteachStart)}, ${at(reteachStart)}
        from below b
      returning id)
    insert into plan_decisions (district_id, plan_id, decision, reason, tier_after, decided_by_id, decided_on, created_at)
    select ${districtId}, plans.id, 'start', 'Below proficiency on the first two checks: reteach in class (tier 1).', 1,
           ${createdById}, ${reteachStart}, ${at(reteachStart)}
      from plans`);
}

function at(day: string): Date {
  return new Date(`${day}T22:00:00Z`);
}
