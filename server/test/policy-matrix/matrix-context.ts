import { randomUUID } from "node:crypto";
import { ROLES, type RoleName } from "../../../contract/people";
import { now, nowMs } from "../../clock";
import type { Db } from "../../db/client";
import {
  accountTokens,
  actionItems,
  communities,
  communityMembers,
  communitySchools,
  meetingDecisions,
  meetings,
  normCheckins,
  normVersions,
  protocols,
} from "../../db/schema";
import { sendMail } from "../../mail/send-mail";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../factories";

/** One district's objects that the matrix aims requests at. */
export type Targets = {
  district: TestDistrict;
  teacher: TestPerson;
  invited: TestPerson;
  outboxId: string;
  /** The token of the reset link in the outbox message: never shown to anyone but its recipient. */
  resetToken: string;
  communityId: string;
  meetingId: string;
  checkinId: string;
  actionItemId: string;
  protocolId: string;
};

export type Ctx = {
  db: Db;
  /** The app's DATA_DIR, for objects kept on disk (uploaded files). */
  dataDir: string;
  own: Targets;
  other: Targets;
  /** The people signed in for each role, all in the own district. */
  members: Map<RoleName, TestPerson>;
  unique: () => string;
  /** A fresh member of a community (for routes that remove one). */
  freshMember: (targets: Targets) => Promise<string>;
  /** A fresh decision on a meeting (for routes that delete one). */
  freshDecision: (targets: Targets) => Promise<string>;
};

export type Req = { url: string; payload?: unknown; headers?: Record<string, string> };

export type Case = {
  /** Roles that may do this in their own district; "all" = anyone signed in; "public" = no sign-in needed. */
  allowed: readonly RoleName[] | "all" | "public";
  own: (ctx: Ctx) => Req | Promise<Req>;
  /** The same request aimed at another district's object: always 404. Lists instead must not leak it. */
  other?: (ctx: Ctx) => Req | Promise<Req>;
  /** Text the response must never contain, even when the route is allowed. */
  leakCheck?: (ctx: Ctx) => string | string[];
};

export const STAFF: RoleName[] = ["district_leader", "school_leader", "coach", "teacher", "support_staff"];
export const LEADERS: RoleName[] = ["district_leader", "school_leader"];
export const DISTRICT: RoleName[] = ["district_leader"];
// In each district's community: the coach facilitates, the teacher and the family member are members (a family
// member still takes part as a guest only); the school leader leads the community's school. Support staff and
// community members do not belong.
export const COMMUNITY_READERS: RoleName[] = ["district_leader", "school_leader", "coach", "teacher", "family_member"];
export const COMMUNITY_MANAGERS: RoleName[] = ["district_leader", "school_leader", "coach"];
export const COMMUNITY_CONTRIBUTORS: RoleName[] = [...COMMUNITY_MANAGERS, "teacher"];
export const COMMUNITY_PARTICIPANTS: RoleName[] = ["coach", "teacher", "family_member"];

async function buildTargets(db: Db, district: TestDistrict, members: Map<RoleName, TestPerson>): Promise<Targets> {
  const teacher = await buildPerson(db, district, "teacher");
  const invited = await buildPerson(db, district, "teacher", { status: "invited" });
  // A reset email as the app sends it: the link carries a live token only its recipient may read.
  const resetToken = `reset-token-${district.id}`;
  const messageId = await sendMail(
    db,
    {
      districtId: district.id,
      to: teacher.email,
      subject: "Reset your password",
      text: `Choose a new password: http://localhost:3000/reset-password/${resetToken}`,
      secrets: [`http://localhost:3000/reset-password/${resetToken}`],
    },
    { smtpConfigured: false },
  );
  await db.insert(accountTokens).values({
    tokenHash: `seed-${district.id}`,
    purpose: "invite",
    districtId: district.id,
    personId: invited.id,
    expiresAt: new Date(nowMs() + 3_600_000),
  });
  const [community] = await db
    .insert(communities)
    .values({ districtId: district.id, name: "Grade 3 team", kind: "grade_level" })
    .returning();
  const communityId = community?.id as string;
  await db
    .insert(communitySchools)
    .values({ districtId: district.id, communityId, schoolId: district.schools.elementary.id });
  const roleInTeam = { coach: "facilitator", teacher: "member", family_member: "member" } as const;
  for (const [role, teamRole] of Object.entries(roleInTeam)) {
    const person = members.get(role as RoleName) ?? (await buildPerson(db, district, role as RoleName));
    await db
      .insert(communityMembers)
      .values({ districtId: district.id, communityId, personId: person.id, teamRole, sharesStudents: true });
  }
  // The members chose to share their students with the (grade-level) team, so its staff read them.
  await db
    .insert(communityMembers)
    .values({ districtId: district.id, communityId, personId: teacher.id, teamRole: "member", sharesStudents: true });
  const [version] = await db
    .insert(normVersions)
    .values({ districtId: district.id, communityId, version: 1, norms: ["Start on time", "Assume good intent"] })
    .returning();
  const today = now().toISOString().slice(0, 10);
  const [checkin] = await db
    .insert(normCheckins)
    .values({
      districtId: district.id,
      communityId,
      normVersionId: version?.id as string,
      opensOn: today,
      closesOn: "2099-12-31",
    })
    .returning();
  const [meeting] = await db
    .insert(meetings)
    .values({
      districtId: district.id,
      communityId,
      title: "Data meeting",
      startsAt: new Date(nowMs() + 86_400_000),
      endsAt: new Date(nowMs() + 90_000_000),
      protocol: {
        key: "library:tuning",
        name: "Tuning",
        purpose: "",
        steps: [{ title: "Go", minutes: 5, roles: [], prompts: [] }],
      },
    })
    .returning();
  const [item] = await db
    .insert(actionItems)
    .values({ districtId: district.id, communityId, title: "Bring student work", ownerId: teacher.id })
    .returning();
  const [protocol] = await db
    .insert(protocols)
    .values({
      districtId: district.id,
      communityId,
      name: "Our tuning",
      steps: [{ title: "Go", minutes: 5, roles: [], prompts: [] }],
    })
    .returning();
  return {
    district,
    teacher,
    invited,
    outboxId: messageId,
    resetToken,
    communityId,
    meetingId: meeting?.id as string,
    checkinId: checkin?.id as string,
    actionItemId: item?.id as string,
    protocolId: protocol?.id as string,
  };
}

/** Two districts with one of everything, and a person per role in the first. */
export async function buildMatrixContext(db: Db, dataDir: string): Promise<Ctx> {
  const ownDistrict = await buildDistrict(db, "Own District");
  const otherDistrict = await buildDistrict(db, "Other District");
  const members = new Map<RoleName, TestPerson>();
  for (const role of ROLES) members.set(role, await buildPerson(db, ownDistrict, role));
  let counter = 0;
  return {
    db,
    dataDir,
    own: await buildTargets(db, ownDistrict, members),
    other: await buildTargets(db, otherDistrict, new Map()),
    members,
    unique: () => `${nowMs()}-${counter++}`,
    freshMember: async (targets) => {
      const person = await buildPerson(db, targets.district, "teacher");
      await db.insert(communityMembers).values({
        districtId: targets.district.id,
        communityId: targets.communityId,
        personId: person.id,
        teamRole: "member",
      });
      return person.id;
    },
    freshDecision: async (targets) => {
      const [decision] = await db
        .insert(meetingDecisions)
        .values({ districtId: targets.district.id, meetingId: targets.meetingId, text: `Decided ${randomUUID()}` })
        .returning();
      return decision?.id as string;
    },
  };
}
