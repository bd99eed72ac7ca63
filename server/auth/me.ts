import type { Me } from "../../contract/auth";
import { type Actor, isStaff } from "../policy/actor";
import { can } from "../policy/authorize";

/** What the web app needs about the signed-in person: identity, roles, and which areas to show. */
export function presentMe(actor: Actor): Me {
  const district = { districtId: actor.districtId };
  const capabilities = {
    managePeople: can(actor, "person.create", { ...district, id: "", roles: [] }) || managesAnySchool(actor),
    manageSchools: can(actor, "school.create", district),
    readAudit: can(actor, "audit.read", district),
    readOutbox: can(actor, "outbox.read", district),
    startCommunity: can(actor, "community.create", district),
    readForum: can(actor, "thread.read", { ...district, id: "", authorId: null, community: null }),
    inviteVisitors: can(actor, "visit.create", district),
    readVisitCounts: can(actor, "visit.counts", district),
    readOwnChildren: can(actor, "family.readChildren", district),
    readTargetRollup: can(actor, "analysis.rollup", { ...district, schoolId: null }),
    rollUpDistrict: can(actor, "analysis.rollup", { ...district, schoolId: SCHOOL_WITHOUT_TIES }),
    readInterventionReports: can(actor, "interventionReport.read", { ...district, schoolId: null }),
    readLearningEvaluation: can(actor, "learningEvaluation.read", { ...district, schoolId: null }),
    importRosters: can(actor, "roster.import", district),
    manageApiTokens: can(actor, "apiToken.manage", district),
    // Anyone who may share a resource at all may keep one to themselves: the library's "Add resource".
    addResource: can(actor, "resource.create", { ...district, scope: "private", schoolId: null, community: null }),
    readEducatorHome: can(actor, "home.educator", district),
    readDistrictHome: can(actor, "home.district", district),
  };
  return {
    id: actor.personId,
    email: actor.email,
    displayName: actor.displayName,
    preferredLanguage: actor.preferredLanguage,
    district: { id: actor.districtId, name: actor.districtName, slug: actor.districtSlug, timeZone: actor.timeZone },
    roles: actor.roles.map((r) => ({ role: r.role, schoolId: r.schoolId, schoolName: r.schoolName ?? null })),
    navigation: navigationFor(actor, capabilities.managePeople || capabilities.readAudit),
    can: capabilities,
    rollupSchools: schoolsOfRoles(actor).filter((school) =>
      can(actor, "analysis.rollup", { ...district, schoolId: school.id }),
    ),
    homeSchools: schoolsOfRoles(actor).filter((school) =>
      can(actor, "home.school", { ...district, schoolId: school.id }),
    ),
    resourceSchools: schoolsOfRoles(actor).filter((school) =>
      can(actor, "resource.create", { ...district, scope: "school", schoolId: school.id, community: null }),
    ),
  };
}

/**
 * A school id no role names: a rule that allows it allows every school of the district, whatever ties the
 * actor has. The district's schools are not loaded for /me, so this asks the rule the district-wide question.
 */
const SCHOOL_WITHOUT_TIES = "00000000-0000-0000-0000-000000000000";

/** The schools the actor's roles name, once each, in the order of the roles. */
function schoolsOfRoles(actor: Actor): { id: string; name: string }[] {
  const names = new Map<string, string>();
  for (const role of actor.roles) if (role.schoolId) names.set(role.schoolId, role.schoolName ?? "School");
  return [...names].map(([id, name]) => ({ id, name }));
}

function managesAnySchool(actor: Actor): boolean {
  return actor.roles.some(
    (r) =>
      r.role === "school_leader" &&
      r.schoolId !== null &&
      can(actor, "person.create", {
        districtId: actor.districtId,
        id: "",
        roles: [{ role: "teacher", schoolId: r.schoolId }],
      }),
  );
}

function navigationFor(actor: Actor, isAdmin: boolean): Me["navigation"] {
  if (isStaff(actor)) {
    const areas: Me["navigation"] = [
      "home",
      "communities",
      "students",
      "standards",
      "interventions",
      "goals",
      "surveys",
      "library",
    ];
    return isAdmin ? [...areas, "admin"] : areas;
  }
  const isFamily = actor.roles.some((r) => r.role === "family_member");
  return isFamily ? ["home", "communities", "family"] : ["home", "communities", "library"];
}

/** One of the actor's sessions as the account page lists it, marking the one in use. */
export function presentSession(
  actor: Actor,
  session: { id: string; createdAt: Date; lastSeenAt: Date; ip: string | null; userAgent: string | null },
) {
  return {
    id: session.id,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    ip: session.ip,
    userAgent: session.userAgent,
    current: session.id === actor.sessionId,
  };
}
