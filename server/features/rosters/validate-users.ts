import { createHash } from "node:crypto";
import type { RoleName } from "../../../contract/people";
import { lookUpExistingUsers } from "./existing-users";
import type { UserRow } from "./file-specs";
import { checkRef } from "./references";
import { KNOWN_ID, type PersonPlan, type RosterPlan, splitByStatus, type ValidationContext } from "./roster-plan";
import type { SchoolResolver } from "./validate-organization";

type Mapped = { kind: "student" } | { kind: "person"; role: RoleName; relationship?: string };

/** OneRoster roles (users.role in 1.1, roles.role in 1.2) as Collective's students and people. */
function mapRole(role: string): Mapped | undefined {
  switch (role) {
    case "student":
      return { kind: "student" };
    case "teacher":
      return { kind: "person", role: "teacher" };
    case "aide":
    case "proctor":
    case "counselor":
      return { kind: "person", role: "support_staff" };
    case "administrator":
    case "principal":
    case "siteAdministrator":
      return { kind: "person", role: "school_leader" };
    case "districtAdministrator":
      return { kind: "person", role: "district_leader" };
    case "parent":
    case "guardian":
    case "relative":
      return { kind: "person", role: "family_member", relationship: role };
    default:
      return undefined;
  }
}

type UserRole = { role: string; orgSourcedId: string | null; isPrimary: boolean; line: number; file: string };

/** Each user's roles: roles.csv in 1.2 (when present), else the user row's own role and orgs. */
function rolesByUser(ctx: ValidationContext): Map<string, UserRole[]> {
  const { set, problems, index } = ctx;
  const byUser = new Map<string, UserRole[]>();
  const add = (sid: string, role: UserRole) => {
    const roles = byUser.get(sid);
    if (roles) roles.push(role);
    else byUser.set(sid, [role]);
  };
  const roleFile = set.files.roles;
  if (roleFile) {
    for (const row of splitByStatus(roleFile.rows).active) {
      const where = { file: roleFile.fileName, line: row.line, column: "userSourcedId" };
      if (!checkRef(problems, where, index.users, row.userSourcedId, "error")) continue;
      const role = { role: row.role, orgSourcedId: row.orgSourcedId, isPrimary: row.roleType === "primary" };
      add(row.userSourcedId, { ...role, line: row.line, file: roleFile.fileName });
    }
    return byUser;
  }
  const userFile = set.files.users;
  for (const row of userFile?.rows ?? []) {
    if (!row.role) continue;
    const orgs: (string | null)[] = row.orgSourcedIds.length ? row.orgSourcedIds : [null];
    for (const [i, org] of orgs.entries()) {
      add(row.sourcedId, { role: row.role, orgSourcedId: org, isPrimary: i === 0, line: row.line, file: "" });
    }
  }
  return byUser;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const PLACEHOLDER_DOMAIN = ".roster.invalid";

/** Whether an address is a roster placeholder (the person has no email yet), not one to write to. */
export function isPlaceholderEmail(email: string): boolean {
  return email.toLowerCase().endsWith(PLACEHOLDER_DOMAIN);
}

/** people.email is required and unique: a user without one gets `<sourcedId>@<district>.roster.invalid`. */
export function placeholderEmail(sourcedId: string, districtSlug: string): string {
  const clean = (text: string) => text.toLowerCase().replace(/[^a-z0-9._-]/g, "-");
  let local = clean(sourcedId);
  if (local !== sourcedId.toLowerCase() || local.length > 60 || local === "") {
    const hash = createHash("sha256").update(sourcedId).digest("hex").slice(0, 8);
    local = `${local.slice(0, 50)}-${hash}`;
  }
  return `${local}@${clean(districtSlug)}${PLACEHOLDER_DOMAIN}`;
}

function displayName(row: UserRow): string {
  return `${row.preferredGivenName ?? row.givenName} ${row.preferredFamilyName ?? row.familyName}`.trim();
}

/** Users become students or people (with roles at schools), and guardians are linked to their students. */
export async function planUsers(ctx: ValidationContext, plan: RosterPlan, schools: SchoolResolver) {
  const { set, problems, index } = ctx;
  const userFile = set.files.users;
  const fileName = userFile?.fileName ?? "users.csv";
  const users = splitByStatus(userFile?.rows);
  plan.deleted.users = users.deleted;
  const roles = rolesByUser(ctx);
  // A 1.2 delta (or a set without roles.csv) names only the roles that changed: the others stand.
  const roleless = set.files.roles?.mode === "bulk" ? [] : users.active.filter((row) => !roles.has(row.sourcedId));
  const existing = await lookUpExistingUsers(
    ctx.client,
    ctx.districtId,
    roleless.map((row) => row.sourcedId),
  );
  const kinds = new Map<string, { kind: "student" | "person"; isFamily: boolean; relationship?: string }>();
  const people: PersonPlan[] = [];
  for (const row of users.active) {
    const own = roles.get(row.sourcedId) ?? [];
    const known: (UserRole & { mapped: Mapped })[] = [];
    for (const r of own) {
      const mapped = mapRole(r.role);
      if (mapped) known.push({ ...r, mapped });
      else problems.warn(r.file || fileName, r.line, "role", `Role "${r.role}" has no place in Collective; ignored.`);
    }
    const before = own.length === 0 ? existing.get(row.sourcedId) : undefined;
    if (before?.kind === "student") {
      const school = row.primaryOrgSourcedId ? schools.schoolOf(row.primaryOrgSourcedId) : null;
      const schoolSourcedId = school ?? (before.schoolId ? `${KNOWN_ID}${before.schoolId}` : null);
      plan.students.push({ row, schoolSourcedId, grade: row.grades[0] ?? null });
      kinds.set(row.sourcedId, { kind: "student", isFamily: false });
      continue;
    }
    if (before?.kind === "person") {
      const person = {
        row,
        matchId: null,
        email: "",
        displayName: displayName(row),
        roles: [],
        isFamily: before.isFamily,
      };
      kinds.set(row.sourcedId, { kind: "person", isFamily: before.isFamily });
      people.push(person);
      continue;
    }
    if (known.length === 0) {
      if (own.length === 0) problems.warn(fileName, row.line, null, "This user has no role; not imported.");
      continue;
    }
    const studentRoles = known.filter((m) => m.mapped.kind === "student");
    if (studentRoles.length) {
      // The school: the primary org if it is one, else the org of a primary student role, else of any.
      let schoolSourcedId = row.primaryOrgSourcedId ? schools.schoolOf(row.primaryOrgSourcedId) : null;
      for (const r of [...studentRoles.filter((s) => s.isPrimary), ...studentRoles]) {
        if (schoolSourcedId) break;
        schoolSourcedId = r.orgSourcedId ? schools.schoolOf(r.orgSourcedId) : null;
      }
      plan.students.push({ row, schoolSourcedId: schoolSourcedId ?? null, grade: row.grades[0] ?? null });
      kinds.set(row.sourcedId, { kind: "student", isFamily: false });
      continue;
    }
    const person: PersonPlan = {
      row,
      matchId: null,
      email: "",
      displayName: displayName(row),
      roles: [],
      isFamily: false,
    };
    let relationship: string | undefined;
    for (const r of known) {
      if (r.mapped.kind !== "person") continue;
      relationship ??= r.mapped.relationship;
      if (r.mapped.role === "district_leader") {
        person.roles.push({ role: "district_leader", schoolSourcedId: null });
        continue;
      }
      const school = r.orgSourcedId ? schools.schoolOf(r.orgSourcedId) : undefined;
      if (school) person.roles.push({ role: r.mapped.role, schoolSourcedId: school });
      else if (school === undefined && r.orgSourcedId) {
        const where = { file: r.file || fileName, line: r.line, column: r.file ? "orgSourcedId" : "orgSourcedIds" };
        checkRef(problems, where, index.orgs, r.orgSourcedId, "warning", "no role is given at that org.");
      }
    }
    person.isFamily = relationship !== undefined;
    kinds.set(row.sourcedId, { kind: "person", isFamily: person.isFamily, relationship });
    people.push(person);
  }
  planFamilyLinks(ctx, plan, users.active, kinds, fileName);
  placeFamilyAtChildrensSchools(plan, people);
  await resolveEmails(ctx, people, fileName);
  plan.people = people.filter((p) => p.email !== "");
}

/**
 * A family member's role belongs at a school; exports often place guardians at the district org. Those get
 * their role at the schools of the children they are linked to.
 */
function placeFamilyAtChildrensSchools(plan: RosterPlan, people: PersonPlan[]): void {
  const schoolOf = new Map(plan.students.map((s) => [s.row.sourcedId, s.schoolSourcedId]));
  const children = new Map<string, string[]>();
  for (const link of plan.familyLinks) {
    const list = children.get(link.guardianSid);
    if (list) list.push(link.studentSid);
    else children.set(link.guardianSid, [link.studentSid]);
  }
  for (const person of people) {
    if (!person.isFamily || person.roles.some((r) => r.role === "family_member")) continue;
    const schools = new Set((children.get(person.row.sourcedId) ?? []).flatMap((sid) => schoolOf.get(sid) ?? []));
    for (const school of schools) person.roles.push({ role: "family_member", schoolSourcedId: school });
  }
}

/** agentSourcedIds may sit on the student (naming guardians) or on the guardian (naming students). */
function planFamilyLinks(
  ctx: ValidationContext,
  plan: RosterPlan,
  rows: UserRow[],
  kinds: Map<string, { kind: "student" | "person"; isFamily: boolean; relationship?: string }>,
  fileName: string,
) {
  const kindOf = (sid: string) => kinds.get(sid) ?? ctx.index.users.db.get(sid);
  const seen = new Set<string>();
  let ignored = 0;
  for (const row of rows) {
    const self = kinds.get(row.sourcedId);
    if (!self) continue;
    for (const agent of row.agentSourcedIds) {
      const where = { file: fileName, line: row.line, column: "agentSourcedIds" };
      if (!checkRef(ctx.problems, where, ctx.index.users, agent, "error", "no link is made.")) continue;
      const other = kindOf(agent);
      let link: { guardianSid: string; studentSid: string; relationship: string } | undefined;
      if (self.kind === "student" && other?.kind === "person" && other.isFamily) {
        link = {
          guardianSid: agent,
          studentSid: row.sourcedId,
          relationship: kinds.get(agent)?.relationship ?? "guardian",
        };
      } else if (self.kind === "person" && self.isFamily && other?.kind === "student") {
        link = { guardianSid: row.sourcedId, studentSid: agent, relationship: self.relationship ?? "guardian" };
      }
      if (!link) {
        ignored += 1;
        continue;
      }
      const key = `${link.guardianSid}\u0000${link.studentSid}`;
      if (!seen.has(key)) plan.familyLinks.push(link);
      seen.add(key);
    }
  }
  if (ignored) {
    ctx.problems.warn(
      fileName,
      null,
      "agentSourcedIds",
      `${ignored} agent links are not between a student and a family member; ignored.`,
    );
  }
}

/**
 * People keep their sourcedId as key, and their email follows the SIS. A new one is matched to an existing person
 * of the district with the same email. An email held by another user here is an error naming that user; one
 * held in another district is an error that says only that it cannot be used (see ARCHITECTURE.md, "People in
 * two districts"), so no district learns who another one employs.
 */
async function resolveEmails(ctx: ValidationContext, people: PersonPlan[], fileName: string) {
  const { rows: existing } = await ctx.client.query<{ sourced_id: string; email: string }>(
    `select p.sourced_id, lower(p.email) as email from people p where p.sourced_id = any($2::text[]) and p.district_id = $1`,
    [ctx.districtId, people.map((p) => p.row.sourcedId)],
  );
  const known = new Map(existing.map((e) => [e.sourced_id, e.email]));
  const firstLine = new Map<string, number>();
  const claims: PersonPlan[] = [];
  for (const person of people) {
    const email = person.row.email?.toLowerCase() ?? "";
    if (email && !EMAIL.test(email)) {
      ctx.problems.warn(fileName, person.row.line, "email", `"${person.row.email}" is not an email address; not used.`);
    }
    person.email = email && EMAIL.test(email) ? email : placeholderEmail(person.row.sourcedId, ctx.districtSlug);
    if (!EMAIL.test(email) || known.get(person.row.sourcedId) === email) continue;
    const first = firstLine.get(email);
    if (first !== undefined) {
      ctx.problems.error(fileName, person.row.line, "email", `The email ${email} is also on line ${first}.`);
    } else firstLine.set(email, person.row.line);
    claims.push(person);
  }
  const fresh = people.filter((p) => !known.has(p.row.sourcedId));
  const { rows: owners } = await ctx.client.query<{
    id: string;
    district_id: string;
    sourced_id: string | null;
    email: string;
  }>(
    `select p.id, p.district_id, p.sourced_id, lower(p.email) as email
       from people p where lower(p.email) = any($1::text[])`,
    [[...new Set([...claims, ...fresh].map((p) => p.email))]],
  );
  const byEmail = new Map(owners.map((o) => [o.email, o]));
  for (const person of new Set([...claims, ...fresh])) {
    const owner = byEmail.get(person.email);
    if (!owner) continue;
    const where = [fileName, person.row.line, "email"] as const;
    const isKnown = known.has(person.row.sourcedId);
    if (owner.district_id !== ctx.districtId) {
      ctx.problems.error(...where, `The email ${person.email} cannot be used; give this user another address.`);
    } else if (owner.sourced_id === person.row.sourcedId) {
      // Their own address already.
    } else if (owner.sourced_id !== null || isKnown) {
      const who = owner.sourced_id === null ? "another person of the district" : `the user "${owner.sourced_id}"`;
      ctx.problems.error(...where, `The email ${person.email} belongs to ${who}.`);
    } else person.matchId = owner.id;
  }
}
