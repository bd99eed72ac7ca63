import { type SQL, sql } from "drizzle-orm";
import type { GoalLevel, GoalMeasure } from "../../../contract/goals";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";
import type { Actor } from "../../policy/actor";
import { visibleCommunitiesFilter } from "../../policy/community-scope";
import { isVisibleGoal } from "../../policy/goal-scope";
import type { CommunityTarget, GoalTarget } from "../../policy/rules";

export type GoalRow = {
  id: string;
  districtId: string;
  level: GoalLevel;
  kind: "student" | "educator";
  title: string;
  description: string;
  school: { id: string; name: string } | null;
  community: (CommunityTarget & { name: string }) | null;
  cycleId: string | null;
  owner: { id: string; name: string };
  ownerSchoolIds: string[];
  measure: GoalMeasure;
  unit: string;
  baseline: number | null;
  target: number;
  startsOn: string;
  dueOn: string;
  archived: boolean;
  servesGoalIds: string[];
};

type RawGoal = {
  id: string;
  district_id: string;
  level: GoalLevel;
  kind: "student" | "educator";
  title: string;
  description: string;
  school_id: string | null;
  school_name: string | null;
  community_id: string | null;
  community_name: string | null;
  community_school_ids: string[] | null;
  cycle_id: string | null;
  owner_id: string;
  owner_name: string;
  owner_school_ids: string[] | null;
  measure_kind: GoalMeasure["kind"];
  measure: Record<string, unknown>;
  unit: string;
  baseline: number | null;
  target: number;
  starts_on: string;
  due_on: string;
  archived: boolean;
  serves: string[] | null;
};

/** Which goals to load: one, several, or a reader's filtered list (the reader's scope always applies to lists). */
export type GoalFilter = {
  id?: string;
  ids?: readonly string[];
  reader?: Actor;
  level?: GoalLevel;
  schoolId?: string;
  communityId?: string;
  cycleId?: string;
  /** Goals of any of these teams. */
  communityIds?: readonly string[];
  /** A person's own goals: their individual goals and their teams' goals. */
  mine?: { personId: string; communityIds: readonly string[] };
  q?: string;
  includeArchived?: boolean;
};

function toRow(raw: RawGoal): GoalRow {
  return {
    id: raw.id,
    districtId: raw.district_id,
    level: raw.level,
    kind: raw.kind,
    title: raw.title,
    description: raw.description,
    school: raw.school_id ? { id: raw.school_id, name: raw.school_name ?? "" } : null,
    community: raw.community_id
      ? {
          id: raw.community_id,
          districtId: raw.district_id,
          name: raw.community_name ?? "",
          schoolIds: raw.community_school_ids ?? [],
        }
      : null,
    cycleId: raw.cycle_id,
    owner: { id: raw.owner_id, name: raw.owner_name },
    ownerSchoolIds: raw.owner_school_ids ?? [],
    measure: { ...raw.measure, kind: raw.measure_kind } as GoalMeasure,
    unit: raw.unit,
    baseline: raw.baseline === null ? null : Number(raw.baseline),
    target: Number(raw.target),
    startsOn: raw.starts_on,
    dueOn: raw.due_on,
    archived: raw.archived,
    servesGoalIds: raw.serves ?? [],
  };
}

/** Goals with what their rules and presenters need, in one query; lists narrowed to what the reader may read. */
export async function listGoals(db: Db, filter: GoalFilter): Promise<GoalRow[]> {
  const where: SQL[] = [];
  if (filter.id) where.push(sql`g.id = ${filter.id}`);
  if (filter.ids) where.push(sql`g.id = any(${uuidArray(filter.ids)})`);
  if (filter.reader) where.push(isVisibleGoal(filter.reader, "g"));
  if (filter.level) where.push(sql`g.level = ${filter.level}`);
  if (filter.schoolId) where.push(sql`g.school_id = ${filter.schoolId}`);
  if (filter.communityId) where.push(sql`g.community_id = ${filter.communityId}`);
  if (filter.cycleId) where.push(sql`g.cycle_id = ${filter.cycleId}`);
  if (filter.communityIds) where.push(sql`g.community_id = any(${uuidArray(filter.communityIds)})`);
  if (filter.mine) {
    where.push(sql`((g.level = 'individual' and g.owner_id = ${filter.mine.personId})
      or g.community_id = any(${uuidArray(filter.mine.communityIds)}))`);
  }
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(sql`(g.title ilike ${pattern} or g.description ilike ${pattern})`);
  }
  if (!filter.id && !filter.includeArchived) where.push(sql`g.archived_at is null`);
  if (where.length === 0) throw new Error("listGoals needs a filter");
  const result = await db.execute<RawGoal>(sql`
    select g.id, g.district_id, g.level, g.kind, g.title, g.description, g.school_id, sc.name as school_name,
           g.community_id, c.name as community_name,
           array(select cs.school_id from community_schools cs where cs.community_id = g.community_id)
             as community_school_ids,
           g.cycle_id, g.owner_id, p.display_name as owner_name,
           array(select distinct ra.school_id from role_assignments ra
                  where ra.person_id = g.owner_id and ra.school_id is not null) as owner_school_ids,
           g.measure_kind, g.measure, g.unit, g.baseline, g.target, g.starts_on::text, g.due_on::text,
           g.archived_at is not null as archived,
           array(select l.serves_goal_id from goal_links l where l.goal_id = g.id) as serves
      from goals g
      join people p on p.id = g.owner_id
      left join schools sc on sc.id = g.school_id
      left join communities c on c.id = g.community_id
     where ${sql.join(where, sql` and `)}
     order by array_position(array['district', 'school', 'team', 'individual']::goal_level[], g.level),
              g.due_on, g.title, g.id`);
  return result.rows.map(toRow);
}

/** The shape "goal.read" and its kin judge. */
export function goalTarget(goal: GoalRow): GoalTarget {
  return {
    id: goal.id,
    districtId: goal.districtId,
    level: goal.level,
    ownerId: goal.owner.id,
    ownerSchoolIds: goal.ownerSchoolIds,
    schoolId: goal.school?.id ?? null,
    community: goal.community,
  };
}

export type CheckinRow = {
  id: string;
  checkedOn: string;
  value: number | null;
  note: string;
  author: { id: string; name: string } | null;
};

/** A goal's check-ins, oldest first. */
export async function listCheckins(db: Db, goalId: string): Promise<CheckinRow[]> {
  const result = await db.execute<{
    id: string;
    checked_on: string;
    value: number | null;
    note: string;
    author_id: string | null;
    author_name: string | null;
  }>(sql`
    select k.id, k.checked_on::text, k.value, k.note, k.author_id, p.display_name as author_name
      from goal_checkins k left join people p on p.id = k.author_id
     where k.goal_id = ${goalId}
     order by k.checked_on, k.created_at, k.id`);
  return result.rows.map((row) => ({
    id: row.id,
    checkedOn: row.checked_on,
    value: row.value === null ? null : Number(row.value),
    note: row.note,
    author: row.author_id ? { id: row.author_id, name: row.author_name ?? "" } : null,
  }));
}

/** The schools a person holds a role at: who leads them leads the person's individual goals. */
export async function findPersonSchoolIds(db: Db, districtId: string, personId: string): Promise<string[] | null> {
  const result = await db.execute<{ found: boolean; school_ids: string[] | null }>(sql`
    select true as found,
           array(select distinct ra.school_id from role_assignments ra
                  where ra.person_id = p.id and ra.school_id is not null) as school_ids
      from people p where p.id = ${personId} and p.district_id = ${districtId} and p.status <> 'deactivated'`);
  const row = result.rows[0];
  return row ? (row.school_ids ?? []) : null;
}

/** A school of the district, or undefined. */
export async function findDistrictSchool(db: Db, districtId: string, schoolId: string) {
  const result = await db.execute<{ id: string; name: string }>(
    sql`select id, name from schools where id = ${schoolId} and district_id = ${districtId}`,
  );
  return result.rows[0];
}

/** The district's schools, and the unarchived teams the actor may read: where they might set goals. */
export async function listGoalPlaces(db: Db, actor: Actor) {
  const schools = await db.execute<{ id: string; name: string }>(
    sql`select id, name from schools where district_id = ${actor.districtId} order by name, id`,
  );
  const teams = await db.execute<{ id: string; name: string; school_ids: string[] | null }>(sql`
    select c.id, c.name, array(select cs.school_id from community_schools cs where cs.community_id = c.id) as school_ids
      from communities c
     where c.archived_at is null and ${visibleCommunitiesFilter(actor)}
     order by c.name, c.id`);
  return {
    schools: schools.rows,
    communities: teams.rows.map((t) => ({ id: t.id, name: t.name, schoolIds: t.school_ids ?? [] })),
  };
}
