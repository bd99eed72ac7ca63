import { z } from "zod";
import { RoleAssignment } from "./people";

/** Long enough to resist guessing; we do not impose composition rules (NIST SP 800-63B). */
export const NewPassword = z.string().min(10, "Use at least 10 characters.").max(200);

export const SignInInput = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

/** What a person may change about themselves; name and email stay with the district's leaders. */
export const MePatch = z.strictObject({ preferredLanguage: z.enum(["en", "es"]) });
export type MePatch = z.infer<typeof MePatch>;

/** A school offered in a picker: its id and its name. */
const SchoolChoice = z.object({ id: z.uuid(), name: z.string() });

export const Me = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  preferredLanguage: z.string(),
  /** The district, with its IANA time zone: its days are the app's days (what "today" is in a date field). */
  district: z.object({ id: z.uuid(), name: z.string(), slug: z.string(), timeZone: z.string() }),
  roles: z.array(RoleAssignment.extend({ schoolName: z.string().nullable() })),
  /** Which areas of the app to show; the server decides from the policy module. */
  navigation: z.array(
    z.enum([
      "home",
      "communities",
      "students",
      "family",
      "standards",
      "interventions",
      "goals",
      "surveys",
      "library",
      "admin",
    ]),
  ),
  can: z.object({
    managePeople: z.boolean(),
    manageSchools: z.boolean(),
    readAudit: z.boolean(),
    readOutbox: z.boolean(),
    startCommunity: z.boolean(),
    readForum: z.boolean(),
    inviteVisitors: z.boolean(),
    readVisitCounts: z.boolean(),
    readOwnChildren: z.boolean(),
    readTargetRollup: z.boolean(),
    /** The rollup may cover every school of the district (else only rollupSchools). */
    rollUpDistrict: z.boolean(),
    readInterventionReports: z.boolean(),
    /** The evaluation of professional learning (their schools', or the district's). */
    readLearningEvaluation: z.boolean(),
    importRosters: z.boolean(),
    manageApiTokens: z.boolean(),
    addResource: z.boolean(),
    /** The educator's home (their teams, classes, plans and items). */
    readEducatorHome: z.boolean(),
    /** The district's home, by school. */
    readDistrictHome: z.boolean(),
  }),
  /** The schools of the person's roles whose home (their teams at a glance) they may read. */
  homeSchools: z.array(SchoolChoice),
  /** The schools of the person's roles whose proficiency they may roll up (analysis.rollup). */
  rollupSchools: z.array(SchoolChoice),
  /** The schools of the person's roles they may share a library resource with (resource.create). */
  resourceSchools: z.array(SchoolChoice),
});
export type Me = z.infer<typeof Me>;

export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: NewPassword,
});

export const SessionInfo = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export const SessionList = z.object({ items: z.array(SessionInfo) });

export const TokenParams = z.strictObject({ token: z.string().min(20).max(200) });

export const InviteInfo = z.object({
  email: z.string(),
  displayName: z.string(),
  districtName: z.string(),
});

export const AcceptInviteInput = z.strictObject({ password: NewPassword });
export const ResetRequestInput = z.strictObject({ email: z.string().trim().min(1).max(254) });
export const ResetCompleteInput = z.strictObject({ token: z.string().min(20).max(200), password: NewPassword });

export const RevokedCount = z.object({ revoked: z.number().int() });
