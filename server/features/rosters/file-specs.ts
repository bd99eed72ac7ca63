import { COMMON, type FileSpec, type OneRosterVersion, only, opt, type RowOf, req } from "./columns";

/**
 * Every OneRoster CSV file Collective knows, with its columns (interop.md §1.3–1.4). Columns of both
 * versions are listed; `only()` marks those of one version. Bold (required) columns are `req`.
 */

export const ORG_TYPES = ["department", "school", "district", "local", "state", "national"] as const;
export const SESSION_TYPES = ["gradingPeriod", "semester", "schoolYear", "term"] as const;
export const CLASS_TYPES = ["homeroom", "scheduled"] as const;
export const USER_ROLES_11 = [
  "administrator",
  "aide",
  "guardian",
  "parent",
  "proctor",
  "relative",
  "student",
  "teacher",
] as const;
export const ROLE_ROLES = [
  "aide",
  "administrator",
  "counselor",
  "districtAdministrator",
  "guardian",
  "parent",
  "principal",
  "proctor",
  "relative",
  "siteAdministrator",
  "student",
  "systemAdministrator",
  "teacher",
] as const;
export const ENROLLMENT_ROLES = ["administrator", "proctor", "student", "teacher"] as const;
export const SCORE_STATUSES = ["exempt", "fully graded", "not submitted", "partially graded", "submitted"] as const;

export const ORGS = {
  name: "orgs",
  columns: [...COMMON, req("name"), req("type", ORG_TYPES), opt("identifier"), opt("parentSourcedId")],
} as const satisfies FileSpec;

export const ACADEMIC_SESSIONS = {
  name: "academicSessions",
  columns: [
    ...COMMON,
    req("title"),
    req("type", SESSION_TYPES),
    req("startDate", "date"),
    req("endDate", "date"),
    opt("parentSourcedId"),
    req("schoolYear"),
  ],
} as const satisfies FileSpec;

export const COURSES = {
  name: "courses",
  columns: [
    ...COMMON,
    opt("schoolYearSourcedId"),
    req("title"),
    opt("courseCode"),
    opt("grades", "list"),
    req("orgSourcedId"),
    opt("subjects", "list"),
    opt("subjectCodes", "list"),
  ],
} as const satisfies FileSpec;

export const CLASSES = {
  name: "classes",
  columns: [
    ...COMMON,
    req("title"),
    opt("grades", "list"),
    req("courseSourcedId"),
    opt("classCode"),
    req("classType", CLASS_TYPES),
    opt("location"),
    req("schoolSourcedId"),
    req("termSourcedIds", "list"),
    opt("subjects", "list"),
    opt("subjectCodes", "list"),
    opt("periods", "list"),
  ],
} as const satisfies FileSpec;

export const USERS = {
  name: "users",
  columns: [
    ...COMMON,
    req("enabledUser", "bool"),
    only("1.1", req("orgSourcedIds", "list")),
    only("1.1", req("role", USER_ROLES_11)),
    req("username"),
    opt("userIds", "list"),
    req("givenName"),
    req("familyName"),
    opt("middleName"),
    opt("identifier"),
    opt("email"),
    opt("sms"),
    opt("phone"),
    opt("agentSourcedIds", "list"),
    opt("grades", "list"),
    opt("password"),
    only("1.2", opt("userMasterIdentifier")),
    only("1.2", opt("preferredGivenName")),
    only("1.2", opt("preferredMiddleName")),
    only("1.2", opt("preferredFamilyName")),
    only("1.2", opt("primaryOrgSourcedId")),
    only("1.2", opt("pronouns")),
  ],
} as const satisfies FileSpec;

export const ROLES = {
  name: "roles",
  columns: [
    ...COMMON,
    req("userSourcedId"),
    req("roleType", ["primary", "secondary"] as const),
    req("role", ROLE_ROLES),
    opt("beginDate", "date"),
    opt("endDate", "date"),
    req("orgSourcedId"),
    opt("userProfileSourcedId"),
  ],
} as const satisfies FileSpec;

export const ENROLLMENTS = {
  name: "enrollments",
  columns: [
    ...COMMON,
    req("classSourcedId"),
    req("schoolSourcedId"),
    req("userSourcedId"),
    req("role", ENROLLMENT_ROLES),
    opt("primary", "bool"),
    opt("beginDate", "date"),
    opt("endDate", "date"),
  ],
} as const satisfies FileSpec;

export const DEMOGRAPHICS = {
  name: "demographics",
  columns: [
    ...COMMON,
    opt("birthDate", "date"),
    opt("sex"),
    opt("americanIndianOrAlaskaNative", "bool"),
    opt("asian", "bool"),
    opt("blackOrAfricanAmerican", "bool"),
    opt("nativeHawaiianOrOtherPacificIslander", "bool"),
    opt("white", "bool"),
    opt("demographicRaceTwoOrMoreRaces", "bool"),
    opt("hispanicOrLatinoEthnicity", "bool"),
    opt("countryOfBirthCode"),
    opt("stateOfBirthAbbreviation"),
    opt("cityOfBirth"),
    opt("publicSchoolResidenceStatus"),
  ],
} as const satisfies FileSpec;

export const CATEGORIES = {
  name: "categories",
  columns: [...COMMON, req("title"), only("1.2", opt("weight", "number"))],
} as const satisfies FileSpec;

export const LINE_ITEMS = {
  name: "lineItems",
  columns: [
    ...COMMON,
    req("title"),
    opt("description"),
    req("assignDate", "date"),
    req("dueDate", "date"),
    req("classSourcedId"),
    req("categorySourcedId"),
    only("1.1", req("gradingPeriodSourcedId")),
    only("1.2", req("academicSessionSourcedId")),
    opt("resultValueMin", "number"),
    opt("resultValueMax", "number"),
    only("1.2", opt("schoolSourcedId")),
  ],
} as const satisfies FileSpec;

export const RESULTS = {
  name: "results",
  columns: [
    ...COMMON,
    req("lineItemSourcedId"),
    req("studentSourcedId"),
    req("scoreStatus", SCORE_STATUSES),
    only("1.1", req("score", "number")),
    req("scoreDate", "date"),
    opt("comment"),
    only("1.2", opt("textScore")),
    only("1.2", opt("classSourcedId")),
    only("1.2", opt("inProgress", "bool")),
    only("1.2", opt("incomplete", "bool")),
    only("1.2", opt("late", "bool")),
    only("1.2", opt("missing", "bool")),
  ],
} as const satisfies FileSpec;

export const SCORE_SCALES = {
  name: "scoreScales",
  columns: [
    ...COMMON,
    req("title"),
    req("type"),
    req("orgSourcedId"),
    req("courseSourcedId"),
    req("classSourcedId"),
    req("scoreScaleValue"),
  ],
} as const satisfies FileSpec;

export const LINE_ITEM_SCORE_SCALES = {
  name: "lineItemScoreScales",
  columns: [...COMMON, opt("title"), req("lineItemSourcedId"), req("scoreScaleSourcedId")],
} as const satisfies FileSpec;

export const RESULT_SCORE_SCALES = {
  name: "resultScoreScales",
  columns: [...COMMON, opt("title"), req("resultSourcedId"), req("scoreScaleSourcedId")],
} as const satisfies FileSpec;

export const LINE_ITEM_OBJECTIVES = {
  name: "lineItemLearningObjectiveIds",
  columns: [...COMMON, req("lineItemSourcedId"), req("source"), req("learningObjectiveId")],
} as const satisfies FileSpec;

export const RESULT_OBJECTIVES = {
  name: "resultLearningObjectiveIds",
  columns: [
    ...COMMON,
    req("resultSourcedId"),
    req("source"),
    req("learningObjectiveId"),
    opt("score", "number"),
    opt("textScore"),
  ],
} as const satisfies FileSpec;

/** Files read for their headers only: Collective has nowhere to keep them. */
const SKIPPED: FileSpec[] = [
  {
    name: "resources",
    skipped: true,
    columns: [
      ...COMMON,
      req("vendorResourceId"),
      opt("title"),
      opt("roles"),
      opt("importance"),
      opt("vendorId"),
      opt("applicationId"),
    ],
  },
  {
    name: "classResources",
    skipped: true,
    columns: [...COMMON, opt("title"), req("classSourcedId"), req("resourceSourcedId")],
  },
  {
    name: "courseResources",
    skipped: true,
    columns: [...COMMON, opt("title"), req("courseSourcedId"), req("resourceSourcedId")],
  },
  {
    name: "userProfiles",
    skipped: true,
    columns: [
      ...COMMON,
      req("userSourcedId"),
      req("profileType"),
      req("vendorId"),
      opt("applicationId"),
      opt("description"),
      req("credentialType"),
      req("username"),
      opt("password"),
    ],
  },
  {
    name: "userResources",
    skipped: true,
    columns: [
      ...COMMON,
      req("userSourcedId"),
      opt("orgSourcedId"),
      opt("classSourcedId"),
      req("resourceSourcedId"),
    ],
  },
];

export type OrgRow = RowOf<typeof ORGS.columns>;
export type SessionRow = RowOf<typeof ACADEMIC_SESSIONS.columns>;
export type CourseRow = RowOf<typeof COURSES.columns>;
export type ClassRow = RowOf<typeof CLASSES.columns>;
export type UserRow = RowOf<typeof USERS.columns>;
export type RoleRow = RowOf<typeof ROLES.columns>;
export type EnrollmentRow = RowOf<typeof ENROLLMENTS.columns>;
export type DemographicsRow = RowOf<typeof DEMOGRAPHICS.columns>;
export type CategoryRow = RowOf<typeof CATEGORIES.columns>;
export type LineItemRow = RowOf<typeof LINE_ITEMS.columns>;
export type ResultRow = RowOf<typeof RESULTS.columns>;
export type ScoreScaleRow = RowOf<typeof SCORE_SCALES.columns>;
export type LineItemScoreScaleRow = RowOf<typeof LINE_ITEM_SCORE_SCALES.columns>;
export type ResultScoreScaleRow = RowOf<typeof RESULT_SCORE_SCALES.columns>;
export type LineItemObjectiveRow = RowOf<typeof LINE_ITEM_OBJECTIVES.columns>;
export type ResultObjectiveRow = RowOf<typeof RESULT_OBJECTIVES.columns>;

/** The files each version defines, in the order they are read (what others refer to comes first). */
const FILES_11: FileSpec[] = [
  ORGS,
  ACADEMIC_SESSIONS,
  COURSES,
  CLASSES,
  USERS,
  ENROLLMENTS,
  DEMOGRAPHICS,
  CATEGORIES,
  LINE_ITEMS,
  RESULTS,
  ...SKIPPED.filter((f) => ["resources", "classResources", "courseResources"].includes(f.name)),
];

const FILES_12: FileSpec[] = [
  ORGS,
  ACADEMIC_SESSIONS,
  COURSES,
  CLASSES,
  USERS,
  ROLES,
  ENROLLMENTS,
  DEMOGRAPHICS,
  CATEGORIES,
  SCORE_SCALES,
  LINE_ITEMS,
  LINE_ITEM_SCORE_SCALES,
  LINE_ITEM_OBJECTIVES,
  RESULTS,
  RESULT_SCORE_SCALES,
  RESULT_OBJECTIVES,
  ...SKIPPED,
];

export function filesOfVersion(version: OneRosterVersion): readonly FileSpec[] {
  return version === "1.1" ? FILES_11 : FILES_12;
}

/** Every file name either version knows, so a 1.2 file in a 1.1 set is named as such. */
export const ALL_FILE_NAMES: ReadonlySet<string> = new Set(FILES_12.map((f) => f.name));
