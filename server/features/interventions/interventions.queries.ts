import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";
import type { Actor } from "../../policy/actor";
import { visibleResourcesFilter } from "../../policy/resource-scope";
import { isVisibleStudent } from "../../policy/student-scope";
import type { ProgressPoint } from "./progress-rules";

const studentName = sql`coalesce(nullif(trim(s.preferred_name), ''), s.given_name) || ' ' || s.family_name`;

export type GroupRow = {
  id: string;
  district_id: string;
  community_id: string;
  community_name: string;
  community_school_ids: string[] | null;
  kind: "intervention" | "extension";
  name: string;
  tier: number;
  focus: string;
  learning_target_ids: string[] | null;
  source_assessment_id: string | null;
  strategy_resource_id: string | null;
  strategy_title: string | null;
  strategy: string;
  delivered_by_id: string | null;
  delivered_by_name: string | null;
  minutes_per_session: number | null;
  days_per_week: number | null;
  schedule: string;
  start_date: string;
  review_date: string;
  goal_date: string;
  measure: string;
  closed_at: string | null;
};

function groupSelect(actor: Actor, where: SQL): SQL {
  return sql`
    select g.id, g.district_id, g.community_id, c.name as community_name,
      array(select cs.school_id from community_schools cs where cs.community_id = g.community_id) as community_school_ids,
      g.kind, g.name, g.tier, g.focus, g.learning_target_ids, g.source_assessment_id,
      g.strategy_resource_id, r.title as strategy_title, g.strategy,
      g.delivered_by_id, d.display_name as delivered_by_name, g.minutes_per_session, g.days_per_week, g.schedule,
      g.start_date::text as start_date, g.review_date::text as review_date, g.goal_date::text as goal_date,
      g.measure, to_json(g.closed_at) #>> '{}' as closed_at
    from intervention_groups g
    join communities c on c.id = g.community_id
    left join people d on d.id = g.delivered_by_id
    left join resources r on r.id = g.strategy_resource_id and ${visibleResourcesFilter(actor)}
    where ${where}
    order by (g.closed_at is not null), g.start_date desc, g.name, g.id`;
}

/** The groups of one team, open ones first. */
export async function listCommunityGroups(db: Db, actor: Actor, communityId: string): Promise<GroupRow[]> {
  return (await db.execute<GroupRow>(groupSelect(actor, sql`g.community_id = ${communityId}`))).rows;
}

/** Groups of the teams the actor takes part in (not as a guest), and groups they deliver. */
export async function listOwnGroups(db: Db, actor: Actor): Promise<GroupRow[]> {
  const teams = Object.entries(actor.memberships)
    .filter(([, role]) => role !== "guest")
    .map(([id]) => id);
  return (
    await db.execute<GroupRow>(
      groupSelect(
        actor,
        sql`g.district_id = ${actor.districtId}
          and (g.community_id = any(${uuidArray(teams)}) or g.delivered_by_id = ${actor.personId})`,
      ),
    )
  ).rows;
}

export async function findGroup(db: Db, actor: Actor, id: string): Promise<GroupRow | undefined> {
  return (await db.execute<GroupRow>(groupSelect(actor, sql`g.id = ${id}`))).rows[0];
}

/** The plan fields the rule, the trend and the lists need. */
export type PlanRow = {
  id: string;
  district_id: string;
  student_id: string;
  student_name: string;
  student_grade: string | null;
  community_id: string;
  community_name: string;
  group_id: string | null;
  group_name: string | null;
  kind: "intervention" | "extension";
  tier: number;
  status: "active" | "closed";
  focus: string;
  measure: string;
  learning_target_ids: string[] | null;
  source_assessment_id: string | null;
  strategy_resource_id: string | null;
  strategy_title: string | null;
  strategy: string;
  delivered_by_id: string | null;
  delivered_by_name: string | null;
  minutes_per_session: number | null;
  days_per_week: number | null;
  schedule: string;
  start_date: string;
  review_date: string;
  goal_date: string;
  baseline: number;
  goal: number;
  rule_points: number;
  outcome: "met" | "not_met" | null;
  closed_at: string | null;
};

function planSelect(actor: Actor, where: SQL, order: SQL): SQL {
  return sql`
    select p.id, p.district_id, p.student_id, ${studentName} as student_name, s.grade as student_grade,
      p.community_id, c.name as community_name, p.group_id, g.name as group_name,
      p.kind, p.tier, p.status, p.focus, p.measure, p.learning_target_ids, p.source_assessment_id,
      p.strategy_resource_id, r.title as strategy_title, p.strategy,
      p.delivered_by_id, d.display_name as delivered_by_name, p.minutes_per_session, p.days_per_week, p.schedule,
      p.start_date::text as start_date, p.review_date::text as review_date, p.goal_date::text as goal_date,
      p.baseline::float8 as baseline, p.goal::float8 as goal, p.rule_points, p.outcome,
      to_json(p.closed_at) #>> '{}' as closed_at
    from intervention_plans p
    join students s on s.id = p.student_id
    join communities c on c.id = p.community_id
    left join intervention_groups g on g.id = p.group_id
    left join people d on d.id = p.delivered_by_id
    left join resources r on r.id = p.strategy_resource_id and ${visibleResourcesFilter(actor)}
    where ${where}
    order by ${order}`;
}

export async function findPlan(db: Db, actor: Actor, id: string): Promise<PlanRow | undefined> {
  return (await db.execute<PlanRow>(planSelect(actor, sql`p.id = ${id}`, sql`p.id`))).rows[0];
}

/** Every plan of a student, across teams and years, newest first. */
export async function listStudentPlans(db: Db, actor: Actor, studentId: string): Promise<PlanRow[]> {
  return (
    await db.execute<PlanRow>(
      planSelect(actor, sql`p.student_id = ${studentId}`, sql`p.start_date desc, p.created_at desc, p.id`),
    )
  ).rows;
}

/** The plans of these groups whose students the actor may see, in student name order. */
export async function listGroupPlans(
  db: Db,
  actor: Actor,
  groupIds: readonly string[],
  options: { activeOnly?: boolean } = {},
): Promise<PlanRow[]> {
  if (groupIds.length === 0) return [];
  const active = options.activeOnly ? sql`and p.status = 'active'` : sql``;
  return (
    await db.execute<PlanRow>(
      planSelect(
        actor,
        sql`p.group_id = any(${uuidArray(groupIds)}) ${active} and ${isVisibleStudent(actor)}`,
        sql`(p.status <> 'active'), s.family_name, s.given_name, p.id`,
      ),
    )
  ).rows;
}

/** Scores by plan, oldest first. */
export async function loadScores(db: Db, planIds: readonly string[]) {
  const byPlan = new Map<string, (ProgressPoint & { note: string })[]>();
  if (planIds.length === 0) return byPlan;
  const result = await db.execute<{ plan_id: string; measured_on: string; score: number; note: string }>(sql`
    select plan_id, measured_on::text as measured_on, score::float8 as score, note from progress_scores
    where plan_id = any(${uuidArray(planIds)}) order by measured_on`);
  for (const row of result.rows) {
    const list = byPlan.get(row.plan_id) ?? [];
    list.push({ measuredOn: row.measured_on, score: row.score, note: row.note });
    byPlan.set(row.plan_id, list);
  }
  return byPlan;
}

export type SessionRow = {
  sessionOn: string;
  attendance: "present" | "absent" | "not_held";
  minutes: number | null;
};

/** Sessions by plan, oldest first. */
export async function loadSessions(db: Db, planIds: readonly string[]) {
  const byPlan = new Map<string, SessionRow[]>();
  if (planIds.length === 0) return byPlan;
  const result = await db.execute<{
    plan_id: string;
    session_on: string;
    attendance: SessionRow["attendance"];
    minutes: number | null;
  }>(sql`
    select plan_id, session_on::text as session_on, attendance, minutes from intervention_sessions
    where plan_id = any(${uuidArray(planIds)}) order by session_on`);
  for (const row of result.rows) {
    const list = byPlan.get(row.plan_id) ?? [];
    list.push({ sessionOn: row.session_on, attendance: row.attendance, minutes: row.minutes });
    byPlan.set(row.plan_id, list);
  }
  return byPlan;
}

export type DecisionRow = {
  id: string;
  decision: "start" | "continue" | "adjust" | "intensify" | "exit";
  reason: string;
  tier_before: number | null;
  tier_after: number;
  flag: string | null;
  decided_on: string;
  decided_by_id: string | null;
  decided_by_name: string | null;
};

/** The plan's decisions, oldest first: its tier history. */
export async function listDecisions(db: Db, planId: string): Promise<DecisionRow[]> {
  const result = await db.execute<DecisionRow>(sql`
    select x.id, x.decision, x.reason, x.tier_before, x.tier_after, x.flag, x.decided_on::text as decided_on,
      x.decided_by_id, d.display_name as decided_by_name
    from plan_decisions x left join people d on d.id = x.decided_by_id
    where x.plan_id = ${planId} order by x.decided_on, x.created_at, x.id`);
  return result.rows;
}
