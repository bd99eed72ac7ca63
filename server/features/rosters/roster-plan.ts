import type pg from "pg";
import type { RoleName } from "../../../contract/people";
import type { ClassRow, CourseRow, DemographicsRow, EnrollmentRow, SessionRow, UserRow } from "./file-specs";
import type { LineItemRow, ResultRow } from "./gradebook-specs";
import type { ProblemList } from "./problems";
import type { RosterSet } from "./read-roster-set";
import type { KnownResult, KnownUser, RefIndex } from "./references";

/** Everything the checks need: the open transaction, the district, the set and the indexes of what it names. */
export type ValidationContext = {
  client: pg.PoolClient;
  districtId: string;
  districtSlug: string;
  set: RosterSet;
  problems: ProblemList;
  index: {
    orgs: RefIndex;
    terms: RefIndex;
    courses: RefIndex;
    classes: RefIndex;
    users: RefIndex<KnownUser>;
    lineItems: RefIndex;
    results: RefIndex<KnownResult>;
  };
};

/** An org that becomes a school: matched to an existing school by sourcedId or name, or created. */
export type SchoolPlan = {
  sourcedId: string;
  name: string;
  level: "elementary" | "middle" | "high" | "k12" | "other";
  /** An existing school (matched by name) that takes this sourcedId. */
  matchId: string | null;
};

export type PersonPlan = {
  row: UserRow;
  /** An existing person of the district with this email, not yet linked to a sourcedId. */
  matchId: string | null;
  email: string;
  displayName: string;
  roles: { role: RoleName; schoolSourcedId: string | null }[];
  /** A parent, guardian or relative (who may hold staff roles too). */
  isFamily: boolean;
};

export type StudentPlan = { row: UserRow; schoolSourcedId: string | null; grade: string | null };

export type FamilyLinkPlan = { guardianSid: string; studentSid: string; relationship: string };

/** What the import will do, decided entirely before the first write. */
export type RosterPlan = {
  /** Entity types whose file is bulk: what the district holds from earlier imports and the file lacks goes. */
  bulk: Set<
    "orgs" | "terms" | "courses" | "classes" | "users" | "enrollments" | "demographics" | "lineItems" | "results"
  >;
  schools: SchoolPlan[];
  otherOrgs: number;
  deleted: {
    schools: string[];
    terms: string[];
    courses: string[];
    classes: string[];
    users: string[];
    enrollments: string[];
    demographics: string[];
    lineItems: string[];
    results: string[];
  };
  terms: SessionRow[];
  courses: { row: CourseRow; schoolSourcedId: string | null }[];
  classes: { row: ClassRow; schoolSourcedId: string; courseSourcedId: string | null; termSourcedIds: string[] }[];
  students: StudentPlan[];
  people: PersonPlan[];
  familyLinks: FamilyLinkPlan[];
  classStudents: EnrollmentRow[];
  classTeachers: EnrollmentRow[];
  demographics: DemographicsRow[];
  gradebook: GradebookPlan;
  /** Rows read but not stored, by what they were (orgs that are not schools, skipped files…). */
  skippedCounts: Record<string, number>;
};

export type CutScore = { level: number; minPoints: number };

/** A learning objective (source + id), resolved to a standard of the district when one has that CASE id. */
export type ObjectivePlan = {
  key: string;
  learningObjectiveId: string;
  standard: { id: string; statement: string; code: string | null } | null;
};

/** A lineItem becomes an assessment given to its class, measuring its objectives (or one "Score" item). */
export type LineItemPlan = {
  row: LineItemRow;
  classSourcedId: string;
  maxPoints: number;
  cutScores: CutScore[];
  proficientLevel: number;
  objectiveKeys: string[];
};

/** A result becomes a sitting (completed, absent or exempt) and, with a score, an item score. */
export type ResultPlan = {
  row: ResultRow;
  lineItemSourcedId: string;
  studentSourcedId: string;
  classSourcedId: string | null;
  status: "completed" | "absent" | "exempt";
  score: number | null;
};

/** A score on one objective of one result, where the result is in this set or was imported before. */
export type TargetResultPlan = {
  lineItemSourcedId: string;
  studentSourcedId: string;
  classSourcedId: string | null;
  assessedOn: string | null;
  objectiveKey: string;
  score: number;
};

export type GradebookPlan = {
  objectives: Map<string, ObjectivePlan>;
  lineItems: LineItemPlan[];
  /** Objectives scored on lineItems imported before (not in this set): added to them if missing. */
  extraTargets: { lineItemSourcedId: string; objectiveKey: string; maxPoints: number; cutScores: CutScore[] }[];
  results: ResultPlan[];
  targetResults: TargetResultPlan[];
};

export function emptyPlan(): RosterPlan {
  return {
    bulk: new Set(),
    schools: [],
    otherOrgs: 0,
    deleted: {
      schools: [],
      terms: [],
      courses: [],
      classes: [],
      users: [],
      enrollments: [],
      demographics: [],
      lineItems: [],
      results: [],
    },
    terms: [],
    courses: [],
    classes: [],
    students: [],
    people: [],
    familyLinks: [],
    classStudents: [],
    classTeachers: [],
    demographics: [],
    gradebook: { objectives: new Map(), lineItems: [], extraTargets: [], results: [], targetResults: [] },
    skippedCounts: {},
  };
}

/**
 * Marks an id that names a row the district already has (not a sourcedId of this set). The NUL byte cannot
 * occur in a CSV value Collective stores, so the two never mix.
 */
export const KNOWN_ID = "\u0000";

/** An id from the set (a sourcedId, looked up in `map`) or one the district already had (marked with KNOWN_ID). */
export function idOf(map: Map<string, string>, ref: string | null): string | null {
  if (!ref) return null;
  return ref.startsWith(KNOWN_ID) ? ref.slice(KNOWN_ID.length) : (map.get(ref) ?? null);
}

/** Rows of a file split by status: active rows to apply, sourcedIds to delete. */
export function splitByStatus<Row extends { sourcedId: string; status: string | null }>(
  rows: Row[] | undefined,
): { active: Row[]; deleted: string[] } {
  const active: Row[] = [];
  const deleted: string[] = [];
  for (const row of rows ?? []) {
    if (row.status === "tobedeleted") deleted.push(row.sourcedId);
    else active.push(row);
  }
  return { active, deleted };
}
