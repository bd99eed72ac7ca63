import { z } from "zod";
import { PageQuery, pageOf } from "./common";
import { ActionItem, MeetingSummary } from "./meetings";

export const COMMUNITY_KINDS = [
  "grade_level",
  "content_area",
  "vertical",
  "cross_school",
  "job_alike",
  "leadership",
  "school_improvement",
  "virtual",
] as const;
export const CommunityKind = z.enum(COMMUNITY_KINDS);
export type CommunityKind = z.infer<typeof CommunityKind>;
export const COMMUNITY_KIND_LABELS: Record<z.infer<typeof CommunityKind>, string> = {
  grade_level: "Grade-level team",
  content_area: "Content-area (course) team",
  vertical: "Vertical team",
  cross_school: "Cross-school team",
  job_alike: "Job-alike network",
  leadership: "Leadership team",
  school_improvement: "School-improvement team",
  virtual: "Virtual community",
};

export const TEAM_ROLES = ["facilitator", "recorder", "member", "guest"] as const;
export const TeamRole = z.enum(TEAM_ROLES);
export type TeamRole = z.infer<typeof TeamRole>;

/** What the actor may do in a community. */
export const CommunityAbilities = z.object({
  update: z.boolean(),
  contribute: z.boolean(),
  participate: z.boolean(),
  shareStudents: z.boolean(),
  approveStudentSharing: z.boolean(),
});

export const CommunitySummary = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: CommunityKind,
  purpose: z.string(),
  archived: z.boolean(),
  schools: z.array(z.object({ id: z.uuid(), name: z.string() })),
  memberCount: z.number().int(),
  isMember: z.boolean(),
  nextMeetingAt: z.string().nullable(),
  /**
   * Whether members' students are shared in this team: by its kind (grade-level and course teams), or by a
   * leader's approval. Only members who chose to share (Member.sharesStudents) share theirs.
   */
  studentSharing: z.object({ byKind: z.boolean(), approved: z.boolean() }),
  /** The team counts partly scored results as "needs more time" (by default they are shown apart). */
  countsPartlyScoredAsNeed: z.boolean(),
  can: CommunityAbilities,
});
export type CommunitySummary = z.infer<typeof CommunitySummary>;
export const CommunityPage = pageOf(CommunitySummary);

export const CommunitiesQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  kind: CommunityKind.optional(),
  schoolId: z.uuid().optional(),
  mine: z.enum(["true", "false"]).default("false"),
  includeArchived: z.enum(["true", "false"]).default("false"),
});

export const CommunityInput = z.strictObject({
  name: z.string().trim().min(1).max(160),
  kind: CommunityKind,
  purpose: z.string().trim().max(4000).default(""),
  schoolIds: z.array(z.uuid()).min(1).max(50),
});
export const CommunityPatch = z.strictObject({
  name: z.string().trim().min(1).max(160).optional(),
  kind: CommunityKind.optional(),
  purpose: z.string().trim().max(4000).optional(),
  schoolIds: z.array(z.uuid()).min(1).max(50).optional(),
  archived: z.boolean().optional(),
  countsPartlyScoredAsNeed: z.boolean().optional(),
});

export const Member = z.object({
  personId: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  teamRole: TeamRole,
  /** The member chose to share their classes' students with the team (only they can set it). */
  sharesStudents: z.boolean(),
  roles: z.array(z.string()),
  schoolNames: z.array(z.string()),
});
export type Member = z.infer<typeof Member>;

export const MemberInput = z.strictObject({ personId: z.uuid(), teamRole: TeamRole.default("member") });
export const MemberPatch = z.strictObject({ teamRole: TeamRole });
/** A member's own choice to share their students with the team. */
export const StudentSharingInput = z.strictObject({ sharesStudents: z.boolean() });
/** A leader's approval of student sharing in a team whose kind does not share by itself. */
export const StudentSharingApproval = z.strictObject({ approved: z.boolean() });
export const MemberParams = z.strictObject({ id: z.uuid(), personId: z.uuid() });

export const NormVersion = z.object({
  id: z.uuid(),
  version: z.number().int(),
  norms: z.array(z.string()),
  changeNote: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  agreedBy: z.array(z.object({ personId: z.uuid(), displayName: z.string(), agreedAt: z.string() })),
  allAgreed: z.boolean(),
});
export const NormsInput = z.strictObject({
  norms: z.array(z.string().trim().min(1).max(500)).min(1).max(30),
  changeNote: z.string().trim().max(500).default(""),
});
export const NormHistory = z.object({ current: NormVersion.nullable(), versions: z.array(NormVersion) });

export const CheckinInput = z.strictObject({ opensOn: z.iso.date(), closesOn: z.iso.date() });
export const CheckinResponseInput = z.strictObject({ ratings: z.array(z.number().int().min(1).max(4)).min(1).max(30) });
export const Checkin = z.object({
  id: z.uuid(),
  opensOn: z.string(),
  closesOn: z.string(),
  norms: z.array(z.string()),
  responses: z.number().int(),
  averages: z.array(z.number().nullable()),
  hasResponded: z.boolean(),
  isOpen: z.boolean(),
});
export const CheckinList = z.object({ items: z.array(Checkin) });

export const CommunityHome = CommunitySummary.extend({
  members: z.array(Member),
  norms: NormVersion.nullable(),
  nextMeeting: MeetingSummary.nullable(),
  upcomingMeetings: z.array(MeetingSummary),
  recentMeetings: z.array(MeetingSummary),
  openActionItems: z.array(ActionItem),
});
export type CommunityHome = z.infer<typeof CommunityHome>;
