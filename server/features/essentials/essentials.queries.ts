import { type SQL, sql } from "drizzle-orm";
import type { LearningTarget, ProficiencyLevel, StandardRef } from "../../../contract/essentials";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";
import { notFound } from "../../errors";

export type EssentialStandardRow = {
  id: string;
  districtId: string;
  communityId: string;
  standard: StandardRef;
  course: { id: string; title: string } | null;
  grade: string | null;
  unitTitle: string;
  startsOn: string | null;
  endsOn: string | null;
  rationale: string;
  scaleLevels: ProficiencyLevel[];
  proficientLevel: number;
  position: number;
  targets: LearningTarget[];
};

type Raw = {
  id: string;
  district_id: string;
  community_id: string;
  standard: StandardRef;
  course: { id: string; title: string } | null;
  grade: string | null;
  unit_title: string;
  starts_on: string | null;
  ends_on: string | null;
  rationale: string;
  scale_levels: ProficiencyLevel[];
  proficient_level: number;
  position: number;
  targets: LearningTarget[] | null;
};

/** True when an assessment measures the target (items, cut scores or results): then it may not be deleted. */
export const isTargetAssessed = (target: SQL) => sql`(
  exists (select 1 from item_targets it where it.target_id = ${target})
  or exists (select 1 from assessment_targets at where at.target_id = ${target})
  or exists (select 1 from target_results tr where tr.target_id = ${target}))`;

const targetsOf = sql`coalesce((
  select json_agg(json_build_object(
      'id', t.id, 'essentialStandardId', t.essential_standard_id, 'code', t.code, 'statement', t.statement,
      'position', t.position, 'isAssessed', ${isTargetAssessed(sql`t.id`)})
    order by t.position, t.created_at, t.id)
  from learning_targets t where t.essential_standard_id = e.id), '[]'::json)`;

function toRow(raw: Raw): EssentialStandardRow {
  return {
    id: raw.id,
    districtId: raw.district_id,
    communityId: raw.community_id,
    standard: raw.standard,
    course: raw.course,
    grade: raw.grade,
    unitTitle: raw.unit_title,
    startsOn: raw.starts_on,
    endsOn: raw.ends_on,
    rationale: raw.rationale,
    scaleLevels: raw.scale_levels,
    proficientLevel: raw.proficient_level,
    position: raw.position,
    targets: raw.targets ?? [],
  };
}

async function selectEssentialStandards(db: Db, where: SQL): Promise<EssentialStandardRow[]> {
  const result = await db.execute<Raw>(sql`
    select e.id, e.district_id, e.community_id, e.grade, e.unit_title, e.starts_on::text, e.ends_on::text,
      e.rationale, e.scale_levels, e.proficient_level, e.position,
      json_build_object('id', s.id, 'humanCodingScheme', s.human_coding_scheme, 'fullStatement', s.full_statement,
        'frameworkTitle', f.title) as standard,
      case when co.id is null then null else json_build_object('id', co.id, 'title', co.title) end as course,
      ${targetsOf} as targets
    from essential_standards e
    join standards s on s.id = e.standard_id
    join standard_frameworks f on f.id = s.framework_id
    left join courses co on co.id = e.course_id
    where ${where}
    order by e.starts_on nulls last, e.unit_title, e.position, s.human_coding_scheme, e.created_at`);
  return result.rows.map(toRow);
}

/** A team's essential standards, unit by unit, each with its learning targets (one query). */
export function listEssentialStandards(db: Db, communityId: string): Promise<EssentialStandardRow[]> {
  return selectEssentialStandards(db, sql`e.community_id = ${communityId}`);
}

/** One essential standard with its targets, or a 404 problem. */
export async function requireEssentialStandard(db: Db, id: string): Promise<EssentialStandardRow> {
  const [row] = await selectEssentialStandards(db, sql`e.id = ${id}`);
  return row ?? notFound("essential standard");
}

export type LearningTargetRow = {
  id: string;
  districtId: string;
  communityId: string | null;
  essentialStandardId: string | null;
  position: number;
  isAssessed: boolean;
};

/** One learning target as the routes need it, or a 404 problem. */
export async function requireLearningTarget(db: Db, id: string): Promise<LearningTargetRow> {
  const result = await db.execute<{
    id: string;
    district_id: string;
    community_id: string | null;
    essential_standard_id: string | null;
    position: number;
    is_assessed: boolean;
  }>(sql`
    select t.id, t.district_id, t.community_id, t.essential_standard_id, t.position,
      ${isTargetAssessed(sql`t.id`)} as is_assessed
    from learning_targets t where t.id = ${id}`);
  const raw = result.rows[0];
  if (!raw) notFound("learning target");
  return {
    id: raw.id,
    districtId: raw.district_id,
    communityId: raw.community_id,
    essentialStandardId: raw.essential_standard_id,
    position: raw.position,
    isAssessed: raw.is_assessed,
  };
}

/** Whether any of the essential standard's targets is measured by an assessment. */
export async function hasAssessedTargets(db: Db, essentialStandardId: string): Promise<boolean> {
  const result = await db.execute<{ used: boolean }>(sql`
    select exists (select 1 from learning_targets t
      where t.essential_standard_id = ${essentialStandardId} and ${isTargetAssessed(sql`t.id`)}) as used`);
  return result.rows[0]?.used === true;
}

/** Renumbers a standard's targets 0..n-1, putting `movedId` at `position` (when given). */
export async function reorderTargets(db: Db, essentialStandardId: string, movedId?: string, position?: number) {
  const result = await db.execute<{ id: string }>(sql`
    select id from learning_targets where essential_standard_id = ${essentialStandardId}
    order by position, created_at, id`);
  const ids = result.rows.map((r) => r.id).filter((id) => id !== movedId);
  if (movedId !== undefined) ids.splice(Math.min(position ?? ids.length, ids.length), 0, movedId);
  if (!ids.length) return;
  await db.execute(sql`
    update learning_targets t set position = o.ord - 1, updated_at = now()
    from unnest(${uuidArray(ids)}) with ordinality as o(id, ord)
    where t.id = o.id and t.position <> o.ord - 1`);
}

/** Whether the team already holds this standard essential for a unit of this title (other than `exceptId`). */
export async function isAlreadyEssential(
  db: Db,
  essential: { communityId: string; standardId: string; unitTitle: string; exceptId?: string },
): Promise<boolean> {
  const result = await db.execute<{ taken: boolean }>(sql`
    select exists (select 1 from essential_standards where community_id = ${essential.communityId}
      and standard_id = ${essential.standardId} and coalesce(unit_title, '') = ${essential.unitTitle}
      and id <> ${essential.exceptId ?? "00000000-0000-0000-0000-000000000000"}) as taken`);
  return result.rows[0]?.taken === true;
}
