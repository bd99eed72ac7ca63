import { type SQL, sql } from "drizzle-orm";
import type {
  AssessmentItem,
  AssessmentStatus,
  AssessmentTargetInfo,
  ClassChoice,
  CutScore,
  TargetChoice,
} from "../../../contract/assessments";
import { DEFAULT_SCALE, type ProficiencyLevel } from "../../../contract/essentials";
import type { Db } from "../../db/client";
import type { AssessmentTarget } from "../../policy/rules";

export type AssessmentRow = {
  id: string;
  districtId: string;
  communityId: string | null;
  communityName: string | null;
  title: string;
  description: string;
  givenOn: string | null;
  status: AssessmentStatus;
  createdAt: string;
  itemCount: number;
  targetCount: number;
  classCount: number;
  sittingCount: number;
  /** The assessment as the rules see it. */
  target: AssessmentTarget;
};

type RawAssessment = {
  id: string;
  district_id: string;
  community_id: string | null;
  community_name: string | null;
  community_school_ids: string[] | null;
  title: string;
  description: string;
  given_on: string | null;
  status: AssessmentStatus;
  created_at: string | Date;
  item_count: number;
  target_count: number;
  class_count: number;
  sitting_count: number;
  school_ids: string[] | null;
  teacher_ids: string[] | null;
};

async function selectAssessments(db: Db, where: SQL): Promise<AssessmentRow[]> {
  const result = await db.execute<RawAssessment>(sql`
    select a.id, a.district_id, a.community_id, co.name as community_name, a.title, a.description,
      a.given_on::text as given_on, a.status, a.created_at,
      array(select cs.school_id from community_schools cs where cs.community_id = a.community_id) as community_school_ids,
      array(select distinct c.school_id from assessment_classes ac join classes c on c.id = ac.class_id
            where ac.assessment_id = a.id) as school_ids,
      array(select distinct ct.person_id from assessment_classes ac join class_teachers ct on ct.class_id = ac.class_id
            where ac.assessment_id = a.id) as teacher_ids,
      (select count(*) from assessment_items i where i.assessment_id = a.id)::int as item_count,
      (select count(*) from assessment_targets t where t.assessment_id = a.id)::int as target_count,
      (select count(*) from assessment_classes c where c.assessment_id = a.id)::int as class_count,
      (select count(*) from assessment_sittings s where s.assessment_id = a.id)::int as sitting_count
    from assessments a left join communities co on co.id = a.community_id
    where ${where}
    order by a.given_on desc nulls first, a.created_at desc`);
  return result.rows.map((raw) => ({
    id: raw.id,
    districtId: raw.district_id,
    communityId: raw.community_id,
    communityName: raw.community_name,
    title: raw.title,
    description: raw.description,
    givenOn: raw.given_on,
    status: raw.status,
    createdAt: new Date(raw.created_at).toISOString(),
    itemCount: raw.item_count,
    targetCount: raw.target_count,
    classCount: raw.class_count,
    sittingCount: raw.sitting_count,
    target: {
      id: raw.id,
      districtId: raw.district_id,
      community: raw.community_id
        ? { id: raw.community_id, districtId: raw.district_id, schoolIds: raw.community_school_ids ?? [] }
        : null,
      schoolIds: raw.school_ids ?? [],
      teacherIds: raw.teacher_ids ?? [],
    },
  }));
}

/** A team's assessments, newest first, with counts and what the rules need (one query). */
export function listAssessments(db: Db, communityId: string): Promise<AssessmentRow[]> {
  return selectAssessments(db, sql`a.community_id = ${communityId}`);
}

/** One assessment with counts, or undefined. */
export async function findAssessment(db: Db, id: string): Promise<AssessmentRow | undefined> {
  const [row] = await selectAssessments(db, sql`a.id = ${id}`);
  return row;
}

/** The items in order, each with the targets it is aligned to. */
export async function listItems(db: Db, assessmentId: string): Promise<AssessmentItem[]> {
  const result = await db.execute<{
    id: string;
    position: number;
    label: string;
    max_points: number;
    correct_response: string | null;
    target_ids: string[] | null;
  }>(sql`
    select i.id, i.position, i.label, i.max_points::float8 as max_points, i.correct_response,
      array(select it.target_id from item_targets it join learning_targets t on t.id = it.target_id
            where it.item_id = i.id order by t.position, t.statement) as target_ids
    from assessment_items i where i.assessment_id = ${assessmentId}
    order by i.position`);
  return result.rows.map((r) => ({
    id: r.id,
    position: r.position,
    label: r.label,
    maxPoints: r.max_points,
    correctResponse: r.correct_response,
    targetIds: r.target_ids ?? [],
  }));
}

/** The targets the assessment measures, with points, cut scores and the scale they map to. */
export async function listAssessmentTargets(db: Db, assessmentId: string): Promise<AssessmentTargetInfo[]> {
  const result = await db.execute<{
    target_id: string;
    code: string | null;
    statement: string;
    standard_code: string | null;
    max_points: number;
    cut_scores: CutScore[];
    proficient_level: number;
    scale_levels: ProficiencyLevel[] | null;
  }>(sql`
    select at.target_id, t.code, t.statement, s.human_coding_scheme as standard_code,
      at.max_points::float8 as max_points, at.cut_scores, at.proficient_level, es.scale_levels
    from assessment_targets at
    join learning_targets t on t.id = at.target_id
    left join standards s on s.id = t.standard_id
    left join essential_standards es on es.id = t.essential_standard_id
    where at.assessment_id = ${assessmentId}
    order by at.position`);
  return result.rows.map((r) => ({
    targetId: r.target_id,
    code: r.code,
    statement: r.statement,
    standardCode: r.standard_code,
    maxPoints: r.max_points,
    cutScores: r.cut_scores,
    proficientLevel: r.proficient_level,
    scaleLevels: r.scale_levels ?? [...DEFAULT_SCALE],
  }));
}

/** The team's learning targets that items may be aligned to, unit by unit. */
export async function listTargetChoices(db: Db, communityId: string | null): Promise<TargetChoice[]> {
  if (!communityId) return [];
  const result = await db.execute<{
    id: string;
    code: string | null;
    statement: string;
    standard_code: string | null;
    unit_title: string;
  }>(sql`
    select t.id, t.code, t.statement, s.human_coding_scheme as standard_code, coalesce(es.unit_title, '') as unit_title
    from learning_targets t
    left join standards s on s.id = t.standard_id
    left join essential_standards es on es.id = t.essential_standard_id
    where t.community_id = ${communityId}
    order by es.starts_on nulls last, es.unit_title nulls last, es.position, s.human_coding_scheme, t.position, t.id`);
  return result.rows.map((r) => ({
    id: r.id,
    code: r.code,
    statement: r.statement,
    standardCode: r.standard_code,
    unitTitle: r.unit_title,
  }));
}

/** Classes taught today by the team's members (guests aside): the classes a team assessment may go to. */
export function teamClassIds(communityId: string): SQL {
  return sql`select ct.class_id from class_teachers ct
    join community_members m on m.person_id = ct.person_id and m.team_role <> 'guest'
    join classes c on c.id = ct.class_id and c.archived_at is null
    where m.community_id = ${communityId}`;
}

/** The classes the assessment may be given to, and those it is given to now. */
export async function listClassChoices(
  db: Db,
  communityId: string | null,
  assessmentId: string | null,
): Promise<ClassChoice[]> {
  const team = communityId ? teamClassIds(communityId) : sql`select null::uuid as class_id where false`;
  const result = await db.execute<{
    id: string;
    title: string;
    school_name: string;
    teacher_names: string[] | null;
    student_count: number;
    is_selected: boolean;
  }>(sql`
    with chosen as (select class_id from assessment_classes where assessment_id = ${assessmentId})
    select c.id, c.title, s.name as school_name,
      array(select p.display_name from class_teachers ct join people p on p.id = ct.person_id
            where ct.class_id = c.id order by p.display_name) as teacher_names,
      (select count(*) from class_students cs where cs.class_id = c.id)::int as student_count,
      c.id in (select class_id from chosen) as is_selected
    from classes c join schools s on s.id = c.school_id
    where c.id in (${team}) or c.id in (select class_id from chosen)
    order by s.name, c.title, c.id`);
  return result.rows.map((r) => ({
    id: r.id,
    title: r.title,
    schoolName: r.school_name,
    teacherNames: r.teacher_names ?? [],
    studentCount: r.student_count,
    isSelected: r.is_selected,
  }));
}

/** How many students have a sitting, a score or a target result recorded: an assessment's results. */
export async function countResults(db: Db, assessmentId: string): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`
    select (select count(*) from assessment_sittings where assessment_id = ${assessmentId})
      + (select count(*) from item_scores where assessment_id = ${assessmentId})
      + (select count(*) from target_results where assessment_id = ${assessmentId}) as n`);
  return Number(result.rows[0]?.n ?? 0);
}
