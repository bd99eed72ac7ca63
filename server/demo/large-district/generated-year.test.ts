import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { applyDecisionRule } from "../../features/interventions/progress-rules";
import { createTestDatabase } from "../../test/test-db";
import { generateDistrict } from "./generate-district";
import { type CollaborationCounts, seedGeneratedCollaboration } from "./seed-collaboration";
import { GENERATED_AS_OF, type InterventionCounts, seedGeneratedInterventions } from "./seed-interventions";

let database: Database;
let districtId: string;
let counts: InterventionCounts;
let collaboration: CollaborationCounts;
beforeAll(async () => {
  database = await createTestDatabase();
  // Two rounds of assessments (26 teams), so the second round meets plans still running from the first.
  const generated = await generateDistrict(database, { students: 300, assessments: 52, slug: "gen-interventions" });
  districtId = generated.districtId;
  counts = generated.interventions;
  collaboration = await seedGeneratedCollaboration(database.db, districtId);
}, 120_000);
afterAll(async () => database?.close());

const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await database.db.execute<T>(query)).rows;

describe("generated interventions", () => {
  it("gives plans only to students below proficiency (interventions) or at the top level (extensions)", async () => {
    expect(counts.plans).toBeGreaterThan(50);
    const levels = await rows<{ kind: string; level: number; n: number }>(sql`
      select p.kind::text, r.level, count(*)::int as n from intervention_plans p
      join target_results r on r.assessment_id = p.source_assessment_id and r.student_id = p.student_id
       and r.target_id = p.learning_target_ids[1]
      where p.district_id = ${districtId} group by 1, 2 order by 1, 2`);
    expect(levels.reduce((sum, r) => sum + r.n, 0)).toBe(counts.plans);
    for (const row of levels) expect(row.kind === "extension" ? row.level === 4 : row.level < 3).toBe(true);
    expect(new Set(levels.map((r) => r.kind))).toEqual(new Set(["intervention", "extension"]));
    const tiers = await rows<{ tier: number }>(sql`
      select distinct tier from intervention_plans where district_id = ${districtId} and kind = 'intervention'`);
    expect(tiers.map((t) => t.tier).sort()).toEqual([1, 2, 3]);
  });

  it("starts plans 1–10 school days after the assessment, in groups of at most 8, one plan at a time per team", async () => {
    const late = await rows<{ n: number }>(sql`
      select count(*)::int as n from intervention_plans p join assessments a on a.id = p.source_assessment_id
      where p.district_id = ${districtId}
        and (p.start_date - a.given_on not between 1 and 14 or extract(isodow from p.start_date) > 5)`);
    expect(late[0]?.n).toBe(0);
    const groups = await rows<{ members: number; starts: number; targets: number }>(sql`
      select count(*)::int as members, count(distinct p.start_date)::int as starts,
             count(distinct p.learning_target_ids[1])::int as targets
      from intervention_groups g join intervention_plans p on p.group_id = g.id
      where g.district_id = ${districtId} group by g.id`);
    expect(groups.length).toBe(counts.groups);
    for (const g of groups) expect(g).toMatchObject({ starts: 1, targets: 1 });
    expect(Math.max(...groups.map((g) => g.members))).toBeLessThanOrEqual(8);
    const overlapping = await rows<{ n: number }>(sql`
      select count(*)::int as n from intervention_plans a join intervention_plans b
        on b.student_id = a.student_id and b.community_id = a.community_id and b.id <> a.id
       and b.start_date between a.start_date and coalesce(a.closed_at::date, a.goal_date)
      where a.district_id = ${districtId}`);
    expect(overlapping[0]?.n).toBe(0);
  });

  it("keeps scores, sessions and decisions consistent with each plan", async () => {
    const outside = await rows<{ scores: number; sessions: number }>(sql`
      select (select count(*)::int from progress_scores s join intervention_plans p on p.id = s.plan_id
               where p.district_id = ${districtId} and (s.measured_on <= p.start_date
                 or s.measured_on > least(${GENERATED_AS_OF}::date, coalesce(p.closed_at::date, p.goal_date)))) as scores,
             (select count(*)::int from intervention_sessions s join intervention_plans p on p.id = s.plan_id
               where p.district_id = ${districtId} and (s.session_on < p.start_date
                 or s.session_on >= least(${GENERATED_AS_OF}::date + 1, coalesce(p.closed_at::date, p.goal_date))
                 or (s.attendance = 'present') <> (s.minutes is not null))) as sessions`);
    expect(outside[0]).toEqual({ scores: 0, sessions: 0 });
    const plans = await rows<{
      id: string;
      tier: number;
      status: string;
      outcome: string | null;
      start_date: string;
      goal_date: string;
      baseline: string;
      goal: string;
      points: { measuredOn: string; score: number }[];
      decisions: {
        decision: string;
        flag: string | null;
        decidedOn: string;
        tierBefore: number | null;
        tierAfter: number;
      }[];
    }>(sql`
      select p.id, p.tier, p.status, p.outcome, p.start_date, p.goal_date, p.baseline, p.goal,
             (select json_agg(json_build_object('measuredOn', s.measured_on, 'score', s.score) order by s.measured_on)
                from progress_scores s where s.plan_id = p.id) as points,
             (select json_agg(json_build_object('decision', d.decision, 'flag', d.flag, 'decidedOn', d.decided_on,
                                                'tierBefore', d.tier_before, 'tierAfter', d.tier_after)
                              order by d.decided_on, d.decision = 'start' desc)
                from plan_decisions d where d.plan_id = p.id) as decisions
      from intervention_plans p where p.district_id = ${districtId}`);
    let flagged = 0;
    for (const plan of plans) {
      const aim = {
        startDate: plan.start_date,
        baseline: Number(plan.baseline),
        goalDate: plan.goal_date,
        goal: Number(plan.goal),
      };
      const points = (plan.points ?? []).map((p) => ({ measuredOn: p.measuredOn, score: Number(p.score) }));
      const [start, ...later] = plan.decisions;
      expect(start?.decision).toBe("start");
      expect(start?.tierBefore).toBeNull();
      // The tier history ends at the plan's tier.
      expect(plan.decisions.at(-1)?.tierAfter).toBe(plan.tier);
      for (const d of later) {
        if (!d.flag) continue;
        flagged += 1;
        const before = points.filter((p) => p.measuredOn <= d.decidedOn);
        expect(applyDecisionRule(aim, before).flag, `${d.decision} on ${d.decidedOn} for ${plan.id}`).toBe(d.flag);
      }
      const exit = later.find((d) => d.decision === "exit");
      expect(Boolean(exit)).toBe(plan.status === "closed");
      if (plan.status === "closed") {
        const last = points.at(-1);
        expect(plan.outcome).toBe(last && last.score >= aim.goal ? "met" : "not_met");
      } else expect(plan.outcome).toBeNull();
    }
    expect(flagged).toBeGreaterThan(10);
    const intensified = plans.filter((p) => p.decisions.some((d) => d.decision === "intensify"));
    expect(intensified.length).toBeGreaterThan(0);
    for (const plan of intensified) expect(plan.tier).toBe(3);
  });

  it("does nothing when the district already has plans", async () => {
    const again = await seedGeneratedInterventions(database.db, districtId);
    expect(again).toEqual({ ...counts, skipped: true });
  });
});

describe("generated collaboration", () => {
  it("gives each school a grade-level team per grade of its teachers, with one facilitator each", async () => {
    const teams = await rows<{ members: number; facilitators: number; schools: number; foreign: number }>(sql`
      select count(*)::int as members, count(*) filter (where cm.team_role = 'facilitator')::int as facilitators,
             (select count(*)::int from community_schools cs where cs.community_id = c.id) as schools,
             count(*) filter (where not exists (
               select 1 from class_teachers ct join classes cl on cl.id = ct.class_id
                join community_schools cs on cs.community_id = c.id and cs.school_id = cl.school_id
               where ct.person_id = cm.person_id))::int as foreign
        from communities c join community_members cm on cm.community_id = c.id
       where c.district_id = ${districtId} and c.kind = 'grade_level' group by c.id`);
    expect(teams.length).toBeGreaterThan(5);
    for (const team of teams) expect(team).toMatchObject({ facilitators: 1, schools: 1, foreign: 0 });
  });

  it("holds meetings up to today and schedules the rest, with attendance and action items only for meetings held", async () => {
    const [held] = await rows<{ late: number; early: number; orphans: number; items: number; meetings: number }>(sql`
      select count(*) filter (where m.status = 'completed' and m.starts_at::date >= ${GENERATED_AS_OF}::date)::int as late,
             count(*) filter (where m.status = 'scheduled' and m.starts_at::date < ${GENERATED_AS_OF}::date)::int as early,
             (select count(*)::int from meeting_attendance ma join meetings x on x.id = ma.meeting_id
               where x.district_id = ${districtId} and x.status <> 'completed') as orphans,
             (select count(*)::int from action_items where district_id = ${districtId}) as items,
             count(*) filter (where m.status = 'completed')::int as meetings
        from meetings m where m.district_id = ${districtId}`);
    expect(held).toMatchObject({ late: 0, early: 0, orphans: 0 });
    expect(held?.items).toBe(2 * (held?.meetings ?? 0));
    const [open] = await rows<{ overdue: number; open: number }>(sql`
      select count(*) filter (where due_on < ${GENERATED_AS_OF}::date)::int as overdue, count(*)::int as open
        from action_items where district_id = ${districtId} and status = 'open'`);
    expect(open?.overdue).toBeGreaterThan(0);
    expect(open?.open).toBeGreaterThan(open?.overdue ?? 0);
  });

  it("gives every team a finished and an active cycle, some stalled, and answers that fit their items", async () => {
    const cycles = await rows<{ status: string; n: number }>(sql`
      select status::text, count(*)::int as n from cycles where district_id = ${districtId} group by 1 order by 1`);
    const teams = await rows<{ n: number }>(
      sql`select count(*)::int as n from communities where district_id = ${districtId}`,
    );
    expect(cycles).toEqual([
      { status: "active", n: teams[0]?.n },
      { status: "finished", n: teams[0]?.n },
    ]);
    const [answers] = await rows<{ outside: number; rounds: number }>(sql`
      select count(*) filter (where a.level > jsonb_array_length(i -> 'levels'))::int as outside,
             count(distinct a.round_id)::int as rounds
        from survey_answers a join survey_rounds r on r.id = a.round_id
        cross join lateral jsonb_array_elements(r.items) i
       where a.district_id = ${districtId} and i ->> 'key' = a.item_key`);
    expect(answers?.outside).toBe(0);
    expect(answers?.rounds).toBeGreaterThan(0);
    expect(collaboration.normRatings).toBeGreaterThan(0);
  });

  it("does nothing when the district already has its grade-level teams", async () => {
    expect(await seedGeneratedCollaboration(database.db, districtId)).toEqual({ ...collaboration, skipped: true });
  });
});
