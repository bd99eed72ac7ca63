import { z } from "zod";
import { PageQuery, pageOf } from "./common";

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const StudentSort = z.enum(["name", "grade", "school"]);
export type StudentSort = z.infer<typeof StudentSort>;

/** The students list: search by name or identifier, narrow by school, class and grade. */
export const StudentsQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  schoolId: z.uuid().optional(),
  classId: z.uuid().optional(),
  grade: z.string().trim().min(1).max(20).optional(),
  sort: StudentSort.default("name"),
});
export type StudentsQuery = z.infer<typeof StudentsQuery>;

export const StudentListItem = z.object({
  id: z.uuid(),
  name: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  grade: z.string().nullable(),
  identifier: z.string().nullable(),
  school: Ref.nullable(),
  classes: z.array(z.object({ id: z.uuid(), title: z.string() })),
});
export type StudentListItem = z.infer<typeof StudentListItem>;
export const StudentPage = pageOf(StudentListItem);
export type StudentPage = z.infer<typeof StudentPage>;

export const StudentFiltersQuery = z.strictObject({ schoolId: z.uuid().optional() });

/** Choices for the list's filters: classes with students the reader may see (at a school, if one is given). */
export const StudentFilters = z.object({
  classes: z.array(z.object({ id: z.uuid(), title: z.string(), schoolName: z.string() })),
  grades: z.array(z.string()),
  /** More classes exist than were listed; narrow by school to see them. */
  hasMoreClasses: z.boolean(),
});
export type StudentFilters = z.infer<typeof StudentFilters>;

/** One result on one target: points out of the target's maximum on that assessment, and the level reached. */
export const StudentResult = z.object({
  assessmentId: z.uuid(),
  assessmentTitle: z.string(),
  date: z.string().nullable(),
  points: z.number(),
  maxPoints: z.number().nullable(),
  level: z.number().int(),
  proficientLevel: z.number().int().nullable(),
  topLevel: z.number().int().nullable(),
  isProficient: z.boolean().nullable(),
});
export type StudentResult = z.infer<typeof StudentResult>;

export const StudentTargetHistory = z.object({
  targetId: z.uuid(),
  code: z.string().nullable(),
  statement: z.string(),
  /** Oldest first. */
  results: z.array(StudentResult),
});
export type StudentTargetHistory = z.infer<typeof StudentTargetHistory>;

export const MissedAssessment = z.object({
  assessmentId: z.uuid(),
  assessmentTitle: z.string(),
  date: z.string().nullable(),
  status: z.enum(["absent", "exempt"]),
});

/** A student's page: who they are in school (no demographics) and every target over time. */
export const StudentProfile = z.object({
  id: z.uuid(),
  name: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  grade: z.string().nullable(),
  identifier: z.string().nullable(),
  school: Ref.nullable(),
  classes: z.array(z.object({ id: z.uuid(), title: z.string(), teachers: z.array(Ref) })),
  targets: z.array(StudentTargetHistory),
  missed: z.array(MissedAssessment),
});
export type StudentProfile = z.infer<typeof StudentProfile>;

export const CHILD_TARGET_STATUSES = ["working_toward", "shown", "beyond"] as const;
export const ChildTargetStatus = z.enum(CHILD_TARGET_STATUSES);

/** One of a child's learning targets as their family sees it: where they are now, in plain words. */
export const ChildTarget = z.object({
  targetId: z.uuid(),
  statement: z.string(),
  status: ChildTargetStatus,
  /** "Emma is working toward this goal." */
  sentence: z.string(),
  lastAssessedOn: z.string().nullable(),
});
export type ChildTarget = z.infer<typeof ChildTarget>;

export const Child = z.object({
  id: z.uuid(),
  firstName: z.string(),
  name: z.string(),
  grade: z.string().nullable(),
  schoolName: z.string().nullable(),
  targets: z.array(ChildTarget),
});
export type Child = z.infer<typeof Child>;

export const FamilyChildren = z.object({ items: z.array(Child) });
export type FamilyChildren = z.infer<typeof FamilyChildren>;
