import type { TeamRole } from "../../contract/communities";
import type { RoleName } from "../../contract/people";
import {
  type Actor,
  hasRole,
  isDistrictLeader,
  isMemberOf,
  isStaff,
  leadsSchool,
  schoolsLed,
  teamRoleIn,
} from "./actor";

export type DistrictOwned = { districtId: string };
export type PersonTarget = DistrictOwned & { id: string; roles: { role: RoleName; schoolId: string | null }[] };
export type CommunityTarget = DistrictOwned & { id: string; schoolIds: string[] };
/** A classroom visit: its host, its visitors, and the team its shared feedback goes to. */
export type VisitTarget = DistrictOwned & {
  id: string;
  hostId: string;
  visitorIds: string[];
  community: CommunityTarget | null;
  hasSharedFeedback: boolean;
};
/** A discussion thread: in a community (which decides who sees it), or in the district-wide forum. */
export type ThreadTarget = DistrictOwned & { id: string; authorId: string | null; community: CommunityTarget | null };
/** A team's improvement cycle: the team decides who sees and works on it. */
export type CycleTarget = DistrictOwned & { id: string; community: CommunityTarget };
/**
 * A goal as it is being set (no id yet) or as it stands: its level, its owner and the schools the owner works at
 * (individual goals), its school (school goals) and its team (team goals).
 */
export type GoalDraft = DistrictOwned & {
  level: "district" | "school" | "team" | "individual";
  ownerId: string;
  ownerSchoolIds: string[];
  schoolId: string | null;
  community: CommunityTarget | null;
};
export type GoalTarget = GoalDraft & { id: string };

function inDistrict(actor: Actor, target: DistrictOwned): boolean {
  return actor.districtId === target.districtId;
}

/** A school leader manages people whose every role is a school role at a school they lead. */
function managesPerson(actor: Actor, person: PersonTarget): boolean {
  if (!inDistrict(actor, person)) return false;
  if (isDistrictLeader(actor)) return true;
  if (schoolsLed(actor).size === 0 || person.roles.length === 0) return false;
  return person.roles.every((r) => r.role !== "district_leader" && leadsSchool(actor, r.schoolId));
}

/**
 * The team role that counts for the team's work. Family and community members take part as guests only,
 * whatever role they were given: norms and discussion, never the team's student-level work.
 */
function workingRoleIn(actor: Actor, communityId: string): TeamRole | undefined {
  const role = teamRoleIn(actor, communityId);
  return role !== undefined && !isStaff(actor) ? "guest" : role;
}

/** Staff facilitators run their community; leaders of its schools and of the district may too. */
function managesCommunity(actor: Actor, community: CommunityTarget): boolean {
  if (!inDistrict(actor, community)) return false;
  return (
    isDistrictLeader(actor) ||
    workingRoleIn(actor, community.id) === "facilitator" ||
    community.schoolIds.some((schoolId) => leadsSchool(actor, schoolId))
  );
}

/** Staff members other than guests take part in the team's work: notes, attendance, action items. */
function contributesTo(actor: Actor, community: CommunityTarget): boolean {
  const role = workingRoleIn(actor, community.id);
  return (
    inDistrict(actor, community) && ((role !== undefined && role !== "guest") || managesCommunity(actor, community))
  );
}

function readsCommunity(actor: Actor, community: CommunityTarget): boolean {
  return inDistrict(actor, community) && (isMemberOf(actor, community.id) || managesCommunity(actor, community));
}

/**
 * Who reads a goal: school and district goals are the district's staff's; a team goal its working members and
 * accountable leaders; an individual goal its owner and the owner's leaders (district leaders, leaders of a
 * school the owner works at). Family and community members read no goal.
 */
function readsGoal(actor: Actor, g: GoalDraft): boolean {
  if (!inDistrict(actor, g) || !isStaff(actor)) return false;
  switch (g.level) {
    case "district":
    case "school":
      return true;
    case "team":
      return g.ownerId === actor.personId || (g.community !== null && contributesTo(actor, g.community));
    case "individual":
      return (
        g.ownerId === actor.personId ||
        isDistrictLeader(actor) ||
        g.ownerSchoolIds.some((schoolId) => leadsSchool(actor, schoolId))
      );
  }
}

/** Who sets and edits a goal: district leaders the district's, school leaders their school's, a team's facilitator and leaders the team's, the owner their own. */
function setsGoal(actor: Actor, g: GoalDraft): boolean {
  if (!inDistrict(actor, g) || !isStaff(actor)) return false;
  switch (g.level) {
    case "district":
      return isDistrictLeader(actor);
    case "school":
      return isDistrictLeader(actor) || leadsSchool(actor, g.schoolId);
    case "team":
      return g.community !== null && managesCommunity(actor, g.community);
    case "individual":
      return g.ownerId === actor.personId;
  }
}

/** A library resource as it is being shared: a community-scope one carries its community. */
export type ResourceDraft = DistrictOwned & {
  scope: "private" | "community" | "school" | "district";
  schoolId: string | null;
  community: CommunityTarget | null;
};
export type ResourceTarget = ResourceDraft & { id: string; createdById: string | null };

/** Staff with a role at this school; family and community members are staff nowhere. */
function isStaffAt(actor: Actor, schoolId: string | null): boolean {
  return schoolId !== null && actor.roles.some((r) => r.schoolId === schoolId && isStaff({ ...actor, roles: [r] }));
}

/**
 * Private: its creator only. Community: whoever may read the community. School: staff of that school and
 * district leaders. District: all staff. So family and community members see their communities' resources only.
 */
function readsResource(actor: Actor, r: ResourceTarget): boolean {
  if (!inDistrict(actor, r)) return false;
  if (r.createdById === actor.personId) return true;
  switch (r.scope) {
    case "private":
      return false;
    case "community":
      return r.community !== null && (isMemberOf(actor, r.community.id) || managesCommunity(actor, r.community));
    case "school":
      return isDistrictLeader(actor) || isStaffAt(actor, r.schoolId);
    case "district":
      return isStaff(actor);
  }
}

/** Sharing takes a place in the work (staff, not a guest in the community); with a school, a staff role there. */
function sharesResourceAt(actor: Actor, r: ResourceDraft): boolean {
  if (!inDistrict(actor, r)) return false;
  switch (r.scope) {
    case "private":
      return isStaff(actor);
    case "community":
      return r.community !== null && contributesTo(actor, r.community);
    case "school":
      return isDistrictLeader(actor) || isStaffAt(actor, r.schoolId);
    case "district":
      return isStaff(actor);
  }
}

/** Its creator looks after a resource; district leaders, and a community's managers, may too. */
function managesResource(actor: Actor, r: ResourceTarget): boolean {
  return (
    readsResource(actor, r) &&
    (r.createdById === actor.personId ||
      isDistrictLeader(actor) ||
      (r.scope === "community" && r.community !== null && managesCommunity(actor, r.community)))
  );
}

/**
 * A student as the rules see them: the schools they attend, the teachers of their classes, the teams that
 * share them (with the school of the class through which each does), and their family members.
 * Loaded by loadStudentTarget() in student-scope.ts, whose SQL scope visibleStudentIds() must agree.
 */
export type StudentTarget = DistrictOwned & {
  id: string;
  schoolIds: string[];
  teacherIds: string[];
  teamShares: TeamShare[];
  familyIds: string[];
};

/**
 * A team shares a student through one of their classes when the class's teacher is a non-guest member of the
 * team who chose to share their students (sharesStudents, set only by themself), and the team works on shared
 * students: its kind does (SHARING_KINDS) or a leader approved sharing for it. Not archived.
 */
export type TeamShare = { teamId: string; schoolId: string };

/** Kinds of teams that work on shared students by their nature: grade-level and course (content-area) teams. */
export const SHARING_KINDS = ["grade_level", "content_area"] as const;

/**
 * District leaders, leaders of the student's schools, their teachers, their own family, and the non-guest staff
 * members of a team that shares them, when the reader works at (has a staff role at) the school of the class
 * through which the team shares them.
 */
function readsStudent(actor: Actor, s: StudentTarget): boolean {
  if (!inDistrict(actor, s)) return false;
  if (s.familyIds.includes(actor.personId)) return true;
  if (!isStaff(actor)) return false;
  return (
    isDistrictLeader(actor) ||
    s.schoolIds.some((schoolId) => leadsSchool(actor, schoolId)) ||
    s.teacherIds.includes(actor.personId) ||
    s.teamShares.some((share) => {
      const role = teamRoleIn(actor, share.teamId);
      return role !== undefined && role !== "guest" && isStaffAt(actor, share.schoolId);
    })
  );
}

/** Approving student sharing for a team: district leaders, and leaders of every one of the team's schools. */
function approvesStudentSharing(actor: Actor, community: CommunityTarget): boolean {
  return (
    inDistrict(actor, community) &&
    (isDistrictLeader(actor) ||
      (community.schoolIds.length > 0 && community.schoolIds.every((schoolId) => leadsSchool(actor, schoolId))))
  );
}

/** A learning target: a team's own (community set) or district-wide (made for an imported learning objective). */
export type LearningTargetTarget = DistrictOwned & { community: CommunityTarget | null };

/**
 * A common formative assessment: a team's (community set) or imported from a gradebook (community null),
 * with the classes it is given to, their schools and their teachers.
 */
export type AssessmentTarget = DistrictOwned & {
  id: string;
  community: CommunityTarget | null;
  schoolIds: string[];
  teacherIds: string[];
};

function readsAssessment(actor: Actor, x: AssessmentTarget): boolean {
  if (!inDistrict(actor, x) || !isStaff(actor)) return false;
  return (
    isDistrictLeader(actor) ||
    x.teacherIds.includes(actor.personId) ||
    x.schoolIds.some((schoolId) => leadsSchool(actor, schoolId)) ||
    (x.community !== null && readsCommunity(actor, x.community))
  );
}

function managesAssessment(actor: Actor, x: AssessmentTarget): boolean {
  if (!inDistrict(actor, x)) return false;
  return x.community !== null ? contributesTo(actor, x.community) : isDistrictLeader(actor);
}

/** Results are student-level: the team's members other than guests, the classes' teachers, and leaders. */
function analysesAssessment(actor: Actor, x: AssessmentTarget): boolean {
  if (!readsAssessment(actor, x)) return false;
  return (
    isDistrictLeader(actor) ||
    x.teacherIds.includes(actor.personId) ||
    x.schoolIds.some((schoolId) => leadsSchool(actor, schoolId)) ||
    (x.community !== null && contributesTo(actor, x.community))
  );
}

/** An intervention or extension plan: its student (as student.read sees them), its team, who delivers it. */
export type PlanTarget = DistrictOwned & {
  id: string;
  student: StudentTarget;
  community: CommunityTarget;
  deliveredById: string | null;
};
/** A team's intervention or extension group; who sees which member still follows student.read. */
export type GroupTarget = DistrictOwned & { id: string; community: CommunityTarget; deliveredById: string | null };

/** Staff who may read the student, and whoever delivers the plan. Families use the family view instead. */
function readsPlan(actor: Actor, p: PlanTarget): boolean {
  if (!inDistrict(actor, p) || !isStaff(actor)) return false;
  return readsStudent(actor, p.student) || p.deliveredById === actor.personId;
}

/** The team's members other than guests, its managers, and the person delivering the plan. */
function worksOnPlan(actor: Actor, p: PlanTarget): boolean {
  return readsPlan(actor, p) && (contributesTo(actor, p.community) || p.deliveredById === actor.personId);
}

function worksWithGroup(actor: Actor, g: GroupTarget): boolean {
  return (
    inDistrict(actor, g) && isStaff(actor) && (contributesTo(actor, g.community) || g.deliveredById === actor.personId)
  );
}

/**
 * A self-assessment round's audience: a team (its community) or a school. The round adds its id once it exists.
 * Answers are anonymous and results are only ever counts, so who may read a round reads nothing but aggregates.
 */
export type SurveyAudience = DistrictOwned & {
  community: CommunityTarget | null;
  schoolId: string | null;
  /** The school's families answer (a family survey), not its staff. */
  forFamilies?: boolean;
};
export type RoundTarget = SurveyAudience & { id: string };
/** A round as one person would answer it: a family survey names the schools of that person's own children. */
export type AnswerTarget = RoundTarget & { ownChildrenSchoolIds?: readonly string[] };

/** A team's round: its facilitator and leaders open it; a school's: that school's leaders and district leaders. */
function opensRound(actor: Actor, r: SurveyAudience): boolean {
  if (!inDistrict(actor, r) || !isStaff(actor)) return false;
  if (r.community) return managesCommunity(actor, r.community);
  return isDistrictLeader(actor) || leadsSchool(actor, r.schoolId);
}

/**
 * The team's working members answer a team's round; the school's staff a school's; a family survey, the family
 * members of the school's students. Guests never answer, and families answer only their school's family survey.
 */
function answersRound(actor: Actor, r: AnswerTarget): boolean {
  if (!inDistrict(actor, r)) return false;
  if (r.forFamilies) {
    return (
      hasRole(actor, "family_member") && r.schoolId !== null && (r.ownChildrenSchoolIds ?? []).includes(r.schoolId)
    );
  }
  if (!isStaff(actor)) return false;
  if (r.community) {
    const role = workingRoleIn(actor, r.community.id);
    return role !== undefined && role !== "guest";
  }
  return isStaffAt(actor, r.schoolId);
}

/** Those who answer it and those accountable for the team or school read a round's aggregated results. */
function readsRound(actor: Actor, r: SurveyAudience): boolean {
  if (!inDistrict(actor, r) || !isStaff(actor)) return false;
  if (r.community) return contributesTo(actor, r.community);
  return isDistrictLeader(actor) || leadsSchool(actor, r.schoolId) || isStaffAt(actor, r.schoolId);
}

/**
 * Every permission in Collective. Each rule is a pure function of the actor and a small target shape;
 * the target always names its district, and a rule never grants across districts.
 */
export const rules = {
  "district.read": (a: Actor, d: DistrictOwned) => inDistrict(a, d),

  "school.list": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isStaff(a),
  "school.read": (a: Actor, s: DistrictOwned) => inDistrict(a, s) && isStaff(a),
  "school.create": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isDistrictLeader(a),
  "school.update": (a: Actor, s: DistrictOwned) => inDistrict(a, s) && isDistrictLeader(a),

  "person.list": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isStaff(a),
  "person.read": (a: Actor, p: PersonTarget) => inDistrict(a, p) && (isStaff(a) || p.id === a.personId),
  "person.create": (a: Actor, p: PersonTarget) => managesPerson(a, p),
  "person.update": (a: Actor, p: PersonTarget) => managesPerson(a, p),
  "person.deactivate": (a: Actor, p: PersonTarget) => managesPerson(a, p) && p.id !== a.personId,
  "person.invite": (a: Actor, p: PersonTarget) => managesPerson(a, p),

  // A community's work is visible to its members and to those accountable for it (leaders of the district
  // and of its schools), and to nobody else; the list query applies the same scope (community-scope.ts).
  "community.list": (a: Actor, d: DistrictOwned) => inDistrict(a, d),
  "community.read": (a: Actor, c: CommunityTarget) => readsCommunity(a, c),
  "community.create": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isStaff(a),
  "community.update": (a: Actor, c: CommunityTarget) => managesCommunity(a, c),
  "community.contribute": (a: Actor, c: CommunityTarget) => contributesTo(a, c),
  "community.participate": (a: Actor, c: CommunityTarget) => inDistrict(a, c) && isMemberOf(a, c.id),
  // Team-based student access (readsStudent): a member shares their own students only by their own choice,
  // never because someone added them; a leader approves sharing in teams whose kind does not share by itself.
  "community.shareStudents": (a: Actor, c: CommunityTarget) =>
    inDistrict(a, c) && isStaff(a) && workingRoleIn(a, c.id) !== undefined && workingRoleIn(a, c.id) !== "guest",
  "community.approveStudentSharing": (a: Actor, c: CommunityTarget) => approvesStudentSharing(a, c),

  // The district forum is the staff's network across communities; a community's threads follow the community.
  "thread.read": (a: Actor, t: ThreadTarget) =>
    inDistrict(a, t) && (t.community ? readsCommunity(a, t.community) : isStaff(a)),
  "thread.post": (a: Actor, t: ThreadTarget) =>
    inDistrict(a, t) && (t.community ? readsCommunity(a, t.community) : isStaff(a)),
  "thread.update": (a: Actor, t: ThreadTarget) =>
    inDistrict(a, t) &&
    (t.authorId === a.personId || (t.community ? managesCommunity(a, t.community) : isDistrictLeader(a))),

  // Only a post's author attaches files to it; who may download them follows the thread (thread.read).
  "post.attach": (a: Actor, p: DistrictOwned & { authorId: string | null }) =>
    inDistrict(a, p) && p.authorId === a.personId,

  // The shared library: who sees a resource follows its scope (readsResource); the list query applies the
  // same scope (visibleResourcesFilter). Comments, ratings and uses come from staff and community members.
  "resource.list": (a: Actor, d: DistrictOwned) => inDistrict(a, d),
  "resource.read": (a: Actor, r: ResourceTarget) => readsResource(a, r),
  "resource.create": (a: Actor, r: ResourceDraft) => sharesResourceAt(a, r),
  "resource.update": (a: Actor, r: ResourceTarget) => managesResource(a, r),
  "resource.delete": (a: Actor, r: ResourceTarget) => managesResource(a, r),
  "resource.interact": (a: Actor, r: ResourceTarget) =>
    readsResource(a, r) &&
    (isStaff(a) || r.createdById === a.personId || (r.community !== null && isMemberOf(a, r.community.id))),

  // Visits are non-evaluative: only the host and visitors see one, and the team's staff members once the host
  // shares feedback with it. Leaders see counts (visit.counts), never the content, shared or not; a leader who
  // is on the team reads shared feedback as a member. Family and community members on a team do not.
  "visit.create": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isStaff(a),
  "visit.read": (a: Actor, v: VisitTarget) =>
    inDistrict(a, v) &&
    (v.hostId === a.personId ||
      v.visitorIds.includes(a.personId) ||
      (v.hasSharedFeedback && v.community !== null && isStaff(a) && isMemberOf(a, v.community.id))),
  "visit.update": (a: Actor, v: VisitTarget) => inDistrict(a, v) && v.hostId === a.personId,
  "visit.giveFeedback": (a: Actor, v: VisitTarget) => inDistrict(a, v) && v.visitorIds.includes(a.personId),
  "visit.counts": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && (isDistrictLeader(a) || schoolsLed(a).size > 0),

  // Student-level data. Lists use the SQL scope visibleStudentIds() (student-scope.ts), which agrees with
  // student.read; every read is audit-logged.
  "student.list": (a: Actor, d: DistrictOwned) => inDistrict(a, d),
  "student.read": (a: Actor, s: StudentTarget) => readsStudent(a, s),
  "roster.import": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isDistrictLeader(a),

  // Standards frameworks are the district's shared reference; teams unpack standards into learning targets.
  "standard.read": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isStaff(a),
  "standard.import": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isDistrictLeader(a),
  "target.manage": (a: Actor, t: LearningTargetTarget) =>
    inDistrict(a, t) && (t.community !== null ? contributesTo(a, t.community) : isDistrictLeader(a)),

  // Common formative assessments belong to a team; results are student-level (assessment.analyze).
  "assessment.create": (a: Actor, c: CommunityTarget) => contributesTo(a, c),
  "assessment.read": (a: Actor, x: AssessmentTarget) => readsAssessment(a, x),
  "assessment.update": (a: Actor, x: AssessmentTarget) => managesAssessment(a, x),
  "assessment.enterResults": (a: Actor, x: AssessmentTarget) =>
    managesAssessment(a, x) || (inDistrict(a, x) && x.teacherIds.includes(a.personId)),
  "assessment.analyze": (a: Actor, x: AssessmentTarget) => analysesAssessment(a, x),
  // Proficiency counts per target across assessments (no student named): the district's leaders, and a school's
  // leaders for that school (schoolId null: the schools they lead).
  "analysis.rollup": (a: Actor, x: DistrictOwned & { schoolId: string | null }) =>
    inDistrict(a, x) &&
    (isDistrictLeader(a) || (x.schoolId === null ? schoolsLed(a).size > 0 : leadsSchool(a, x.schoolId))),
  // The family view: a family member's own children (family_links), in plain language.
  "family.readChildren": (a: Actor, d: DistrictOwned) =>
    inDistrict(a, d) && a.roles.some((r) => r.role === "family_member"),

  // Responding and extending (MTSS). A plan is student-level: staff who may read its student, and whoever
  // delivers it; the team (non-guest members and its managers) and the deliverer change it and record data.
  "plan.read": (a: Actor, p: PlanTarget) => readsPlan(a, p),
  "plan.create": (a: Actor, x: DistrictOwned & { community: CommunityTarget; student: StudentTarget }) =>
    contributesTo(a, x.community) && readsStudent(a, x.student),
  "plan.update": (a: Actor, p: PlanTarget) => worksOnPlan(a, p),
  "plan.recordProgress": (a: Actor, p: PlanTarget) =>
    worksOnPlan(a, p) || (readsPlan(a, p) && p.student.teacherIds.includes(a.personId)),
  "plan.decide": (a: Actor, p: PlanTarget) => worksOnPlan(a, p),
  // A student's support history across teams and years: staff who may read the student (families use the family view).
  "student.readPlans": (a: Actor, s: StudentTarget) => isStaff(a) && readsStudent(a, s),
  // A group's page lists only the members the reader may see (visibleStudentIds).
  "group.create": (a: Actor, c: CommunityTarget) => contributesTo(a, c),
  "group.read": (a: Actor, g: GroupTarget) => worksWithGroup(a, g),
  "group.update": (a: Actor, g: GroupTarget) => worksWithGroup(a, g),
  // The team's review list and its "not yet responded to" list, over the students the reader may see.
  "team.reviewStudents": (a: Actor, c: CommunityTarget) => contributesTo(a, c),
  // Family voice: a family member writes to their own child's team; staff who read the student see it.
  "familyNote.create": (a: Actor, s: StudentTarget) => inDistrict(a, s) && s.familyIds.includes(a.personId),
  "familyNote.acknowledge": (a: Actor, s: StudentTarget) => isStaff(a) && readsStudent(a, s),
  // Answering a family is for the staff who read the note; the inbox lists only the students the reader may read.
  "familyNote.reply": (a: Actor, s: StudentTarget) => isStaff(a) && readsStudent(a, s),
  "familyNote.inbox": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isStaff(a),
  // Family notes are read by staff who read the student; the family sees its own notes in the family view.
  "familyNote.read": (a: Actor, s: StudentTarget) => isStaff(a) && readsStudent(a, s),
  // The family view of one child (plans in plain words): only a family member linked to that child.
  "family.readChild": (a: Actor, s: StudentTarget) => inDistrict(a, s) && s.familyIds.includes(a.personId),
  // Intervention reports for those accountable: the district's leaders, and a school's leaders for that school.
  "interventionReport.read": (a: Actor, x: DistrictOwned & { schoolId: string | null }) =>
    inDistrict(a, x) &&
    (isDistrictLeader(a) || (x.schoolId === null ? schoolsLed(a).size > 0 : leadsSchool(a, x.schoolId))),

  // The evaluation of professional learning (team figures, no student named): the same leaders as the reports.
  "learningEvaluation.read": (a: Actor, x: DistrictOwned & { schoolId: string | null }) =>
    inDistrict(a, x) &&
    (isDistrictLeader(a) || (x.schoolId === null ? schoolsLed(a).size > 0 : leadsSchool(a, x.schoolId))),

  // The homes by role. An educator's home is their own work (their teams, classes, plans and items); a school's
  // home is for its leaders and the district's; the district's home for district leaders. Every student figure
  // on them is counted over visibleStudentIds and the read is audit-logged.
  "home.educator": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isStaff(a),
  "home.school": (a: Actor, x: DistrictOwned & { schoolId: string }) =>
    inDistrict(a, x) && (isDistrictLeader(a) || leadsSchool(a, x.schoolId)),
  "home.district": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isDistrictLeader(a),

  // A team's improvement cycles are the work of its staff: members other than guests and the team's leaders.
  // Its facilitator and leaders steer it (stage owners and dates, closing it); every working member logs evidence.
  "cycle.create": (a: Actor, c: CommunityTarget) => contributesTo(a, c),
  "cycle.read": (a: Actor, c: CycleTarget) => contributesTo(a, c.community),
  "cycle.contribute": (a: Actor, c: CycleTarget) => contributesTo(a, c.community),
  "cycle.manage": (a: Actor, c: CycleTarget) => managesCommunity(a, c.community),
  // Finished cycles are the district's record to learn from, without student names: its staff read them.
  "cycle.readRecord": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isStaff(a),

  // Goals: the list and the alignment tree are for the district's staff, each showing only the goals its reader may read.
  "goal.list": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isStaff(a),
  // Individual goals stay between their owner and the owner's leaders; team goals with the team's working members.
  "goal.read": (a: Actor, g: GoalTarget) => readsGoal(a, g),
  // Each level is set by those accountable for it: district leaders, a school's leaders, a team's facilitator and
  // leaders, the educator for themselves.
  "goal.create": (a: Actor, g: GoalDraft) => setsGoal(a, g),
  "goal.update": (a: Actor, g: GoalTarget) => setsGoal(a, g),
  // Check-ins are recorded by whoever sets the goal, by its owner, and for a team goal by the team's working members.
  "goal.checkIn": (a: Actor, g: GoalTarget) =>
    setsGoal(a, g) ||
    (readsGoal(a, g) &&
      (g.ownerId === a.personId || (g.level === "team" && g.community !== null && contributesTo(a, g.community)))),

  // Self-assessment surveys. Answers carry no person (survey_answers), and every result is a count shown only from
  // SUPPRESSION_THRESHOLD answers on: readers, leaders included, see aggregates and nothing else.
  "survey.list": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isStaff(a),
  // Instruments of the district's own, beside the built-in ones: written by school and district leaders.
  "surveyInstrument.create": (a: Actor, d: DistrictOwned) =>
    inDistrict(a, d) && isStaff(a) && (isDistrictLeader(a) || schoolsLed(a).size > 0),
  "surveyRound.open": (a: Actor, r: SurveyAudience) => opensRound(a, r),
  "surveyRound.read": (a: Actor, r: RoundTarget) => readsRound(a, r),
  "surveyRound.answer": (a: Actor, r: AnswerTarget) => answersRound(a, r),
  // A low item goes on the team's next meeting's agenda: the team's working members and its managers.
  "surveyRound.addToAgenda": (a: Actor, r: RoundTarget) => r.community !== null && contributesTo(a, r.community),
  // Rounds by school and team for those accountable: the district's leaders, and a school's leaders for theirs.
  "surveyReport.read": (a: Actor, d: DistrictOwned) =>
    inDistrict(a, d) && (isDistrictLeader(a) || schoolsLed(a).size > 0),

  "audit.read": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isDistrictLeader(a),
  "outbox.read": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isDistrictLeader(a),
  // API tokens are for staff's scripts and tools; a token acts as its maker, so a token may never make another
  // (the routes need a session: see token-scopes.ts).
  "apiToken.manage": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isStaff(a) && a.apiToken === undefined,
} satisfies Record<string, (actor: Actor, target: never) => boolean>;

export type Action = keyof typeof rules;
export type TargetOf<A extends Action> = Parameters<(typeof rules)[A]>[1];

/** The actions whose rule accepts every target `A`'s rule accepts: the ones that can say whether `A`'s target is known. */
type RevealerOf<A extends Action> = { [R in Action]: TargetOf<A> extends TargetOf<R> ? R : never }[Action];

/**
 * Which refusals are 403 rather than 404. Refused `A` on a target is 403 when the actor may do `refusalRevealedBy[A]`
 * to it (they know it exists, they just may not do this); otherwise 404, so a refusal never confirms that
 * something exists. District-level targets (lists, creation) have nothing to hide and are always 403.
 */
export const refusalRevealedBy: { [A in Action]?: RevealerOf<A> } = {
  "person.create": "person.read",
  "person.update": "person.read",
  "person.deactivate": "person.read",
  "person.invite": "person.read",
  "school.update": "school.read",
  "community.update": "community.read",
  "community.contribute": "community.read",
  "community.participate": "community.read",
  "community.shareStudents": "community.read",
  "community.approveStudentSharing": "community.read",
  "thread.post": "thread.read",
  "thread.update": "thread.read",
  "resource.update": "resource.read",
  "resource.delete": "resource.read",
  "resource.interact": "resource.read",
  "visit.update": "visit.read",
  "visit.giveFeedback": "visit.read",
  "standard.import": "standard.read",
  "assessment.create": "community.read",
  "assessment.update": "assessment.read",
  "assessment.enterResults": "assessment.read",
  "assessment.analyze": "assessment.read",
  "plan.update": "plan.read",
  "plan.recordProgress": "plan.read",
  "plan.decide": "plan.read",
  "student.readPlans": "student.read",
  "group.create": "community.read",
  "group.update": "group.read",
  "team.reviewStudents": "community.read",
  "familyNote.create": "familyNote.read",
  "familyNote.acknowledge": "familyNote.read",
  "familyNote.reply": "familyNote.read",
  "cycle.create": "community.read",
  "cycle.contribute": "cycle.read",
  "cycle.manage": "cycle.read",
  "goal.update": "goal.read",
  "goal.checkIn": "goal.read",
  "surveyRound.answer": "surveyRound.read",
  "surveyRound.addToAgenda": "surveyRound.read",
};
