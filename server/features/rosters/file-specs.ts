import { COMMON, type FileSpec, ignored, only, opt, type RowOf, req } from "./columns";

/**
 * The OneRoster roster files (orgs … demographics), with their columns (interop.md §1.3–1.4). Columns of both
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
    ignored("schoolYearSourcedId"),
    req("title"),
    opt("courseCode"),
    opt("grades", "list"),
    req("orgSourcedId"),
    opt("subjects", "list"),
    ignored("subjectCodes"),
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
    ignored("subjectCodes"),
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
    ignored("userIds"),
    req("givenName"),
    req("familyName"),
    ignored("middleName"),
    opt("identifier"),
    opt("email"),
    ignored("sms"),
    ignored("phone"),
    opt("agentSourcedIds", "list"),
    opt("grades", "list"),
    ignored("password"),
    only("1.2", ignored("userMasterIdentifier")),
    only("1.2", opt("preferredGivenName")),
    only("1.2", ignored("preferredMiddleName")),
    only("1.2", opt("preferredFamilyName")),
    only("1.2", opt("primaryOrgSourcedId")),
    only("1.2", ignored("pronouns")),
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

export type OrgRow = RowOf<typeof ORGS.columns>;
export type SessionRow = RowOf<typeof ACADEMIC_SESSIONS.columns>;
export type CourseRow = RowOf<typeof COURSES.columns>;
export type ClassRow = RowOf<typeof CLASSES.columns>;
export type UserRow = RowOf<typeof USERS.columns>;
export type EnrollmentRow = RowOf<typeof ENROLLMENTS.columns>;
export type DemographicsRow = RowOf<typeof DEMOGRAPHICS.columns>;
