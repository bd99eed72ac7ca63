import { type SQL, sql } from "drizzle-orm";
import type { CycleStage, CycleStatus } from "../../../contract/cycles";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";
import { notFound } from "../../errors";
import type { CycleTarget } from "../../policy/rules";

export type CycleRow = {
  id: string;
  districtId: string;
  communityId: string;
  communityName: string;
  schoolIds: string[];
  title: string;
  focus: string;
  status: CycleStatus;
  currentStage: CycleStage;
  startsOn: string;
  endsOn: string | null;
  reflection: string;
  finishedAt: string | null;
  overdueStages: number;
};

type RawCycle = Omit<CycleRow, "finishedAt" | "schoolIds"> & {
  finishedAt: Date | string | null;
  schoolIds: string[] | null;
};

function cycleColumns(today: string): SQL {
  return sql`c.id, c.district_id as "districtId", c.community_id as "communityId", cm.name as "communityName",
    array(select cs.school_id from community_schools cs where cs.community_id = c.community_id)::text[] as "schoolIds",
    c.title, c.focus, c.status, c.current_stage as "currentStage", c.starts_on::text as "startsOn",
    c.ends_on::text as "endsOn", c.reflection, c.finished_at as "finishedAt",
    (select count(*) from cycle_stages st
      where st.cycle_id = c.id and st.completed_at is null and st.due_on < ${today}::date)::int as "overdueStages"`;
}

function toCycleRow(raw: RawCycle): CycleRow {
  return {
    ...raw,
    schoolIds: raw.schoolIds ?? [],
    finishedAt: raw.finishedAt ? new Date(raw.finishedAt).toISOString() : null,
  };
}

/** The target the cycle rules take: the cycle's district and id, and its team as the community rules see it. */
export function cycleTargetOf(row: Pick<CycleRow, "id" | "districtId" | "communityId" | "schoolIds">): CycleTarget {
  return {
    districtId: row.districtId,
    id: row.id,
    community: { districtId: row.districtId, id: row.communityId, schoolIds: row.schoolIds },
  };
}

/** One cycle with its team's name and how many of its stages are overdue on `today`, or undefined. */
export async function findCycle(db: Db, id: string, today: string): Promise<CycleRow | undefined> {
  const result = await db.execute<RawCycle>(sql`select ${cycleColumns(today)}
    from cycles c join communities cm on cm.id = c.community_id where c.id = ${id}`);
  const raw = result.rows[0];
  return raw ? toCycleRow(raw) : undefined;
}

/** One cycle, or a 404 problem. */
export async function requireCycle(db: Db, id: string, today: string): Promise<CycleRow> {
  return (await findCycle(db, id, today)) ?? notFound("cycle");
}

/**
 * The cycle as the rules see it (for authorization in other cycle routes: cycle.read, cycle.contribute,
 * cycle.manage), or undefined when there is no such cycle.
 */
export async function loadCycleTarget(
  db: Db,
  cycleId: string,
): Promise<(CycleTarget & { title: string; communityId: string }) | undefined> {
  const result = await db.execute<{
    id: string;
    districtId: string;
    title: string;
    communityId: string;
    schoolIds: string[] | null;
  }>(sql`
    select c.id, c.district_id as "districtId", c.title, c.community_id as "communityId",
           array(select cs.school_id from community_schools cs where cs.community_id = c.community_id)::text[] as "schoolIds"
    from cycles c where c.id = ${cycleId}`);
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    ...cycleTargetOf({ ...row, schoolIds: row.schoolIds ?? [] }),
    title: row.title,
    communityId: row.communityId,
  };
}

/**
 * The district's cycles, newest first, of one team or of the teams given (null: all of the district's teams).
 * Callers keep those the reader may read with the rule itself.
 */
export async function listCycles(
  db: Db,
  districtId: string,
  communityIds: readonly string[] | null,
  today: string,
): Promise<CycleRow[]> {
  const scope = communityIds ? sql`and c.community_id = any(${uuidArray(communityIds)})` : sql``;
  const result = await db.execute<RawCycle>(sql`select ${cycleColumns(today)}
    from cycles c join communities cm on cm.id = c.community_id
    where c.district_id = ${districtId} ${scope}
    order by c.status = 'active' desc, c.starts_on desc, c.title`);
  return result.rows.map(toCycleRow);
}

export type StageRow = {
  stage: CycleStage;
  ownerId: string | null;
  ownerName: string | null;
  startsOn: string | null;
  dueOn: string | null;
  completedAt: Date | string | null;
  notes: string;
};

/** A cycle's seven stages in their order. */
export async function listStages(db: Db, cycleId: string): Promise<StageRow[]> {
  const result = await db.execute<StageRow>(sql`
    select st.stage, st.owner_id as "ownerId", p.display_name as "ownerName", st.starts_on::text as "startsOn",
           st.due_on::text as "dueOn", st.completed_at as "completedAt", st.notes
    from cycle_stages st left join people p on p.id = st.owner_id
    where st.cycle_id = ${cycleId} order by st.stage`);
  return result.rows;
}

export type CycleAssessmentRow = { id: string; title: string; givenOn: string | null; role: "baseline" | "followup" };

/** The assessments a cycle rests on, baseline first, then by the day they were given. */
export async function listCycleAssessments(db: Db, cycleId: string): Promise<CycleAssessmentRow[]> {
  const result = await db.execute<CycleAssessmentRow>(sql`
    select a.id, a.title, a.given_on::text as "givenOn", ca.role
    from cycle_assessments ca join assessments a on a.id = ca.assessment_id
    where ca.cycle_id = ${cycleId} order by ca.role, a.given_on nulls last, a.title`);
  return result.rows;
}

/** Of the given assessments, those that belong to the team (the only ones a cycle may rest on). */
export async function findTeamAssessments(db: Db, communityId: string, ids: readonly string[]): Promise<Set<string>> {
  const result = await db.execute<{ id: string }>(
    sql`select a.id from assessments a where a.community_id = ${communityId} and a.id = any(${uuidArray(ids)})`,
  );
  return new Set(result.rows.map((r) => r.id));
}

/** Whether a person is a member of the team (stage owners are). */
export async function isTeamMember(db: Db, communityId: string, personId: string): Promise<boolean> {
  const result = await db.execute(
    sql`select 1 from community_members where community_id = ${communityId} and person_id = ${personId}`,
  );
  return result.rows.length > 0;
}

export type LearningNeedRow = {
  id: string;
  need: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date | string;
};

/** The educators' own learning needs recorded for a cycle, oldest first. */
export async function listLearningNeeds(db: Db, cycleId: string, needId?: string): Promise<LearningNeedRow[]> {
  const one = needId ? sql`and n.id = ${needId}` : sql``;
  const result = await db.execute<LearningNeedRow>(sql`
    select n.id, n.need, n.author_id as "authorId", p.display_name as "authorName", n.created_at as "createdAt"
    from cycle_learning_needs n left join people p on p.id = n.author_id
    where n.cycle_id = ${cycleId} ${one} order by n.created_at, n.id`);
  return result.rows;
}
