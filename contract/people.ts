import { z } from "zod";
import { PageQuery, pageOf } from "./common";

export const ROLES = [
  "district_leader",
  "school_leader",
  "coach",
  "teacher",
  "support_staff",
  "family_member",
  "community_member",
] as const;
export const RoleName = z.enum(ROLES);
export type RoleName = z.infer<typeof RoleName>;

export const ROLE_LABELS: Record<RoleName, string> = {
  district_leader: "District leader",
  school_leader: "School leader",
  coach: "Coach",
  teacher: "Teacher",
  support_staff: "Support staff",
  family_member: "Family member",
  community_member: "Community member",
};

/** Roles that are held district-wide rather than at one school. */
export const DISTRICT_WIDE_ROLES: readonly RoleName[] = ["district_leader"];

export const PERSON_STATUSES = ["invited", "active", "deactivated"] as const;
export const PersonStatus = z.enum(PERSON_STATUSES);

export const RoleAssignment = z.strictObject({
  role: RoleName,
  schoolId: z.uuid().nullable(),
});
export type RoleAssignment = z.infer<typeof RoleAssignment>;

/** What the actor may do to a person. */
export const PersonAbilities = z.object({ update: z.boolean(), deactivate: z.boolean(), invite: z.boolean() });

export const Person = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  status: PersonStatus,
  preferredLanguage: z.string(),
  roles: z.array(RoleAssignment.extend({ schoolName: z.string().nullable() })),
  createdAt: z.string(),
  can: PersonAbilities,
});
export type Person = z.infer<typeof Person>;

export const PersonPage = pageOf(Person);

export const PeopleQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  role: RoleName.optional(),
  schoolId: z.uuid().optional(),
  status: PersonStatus.optional(),
  /** "true": only staff (educators and leaders), never family or community members. */
  staff: z.enum(["true", "false"]).optional(),
  sort: z.enum(["name", "email", "created"]).default("name"),
});

const email = z
  .email()
  .max(254)
  .transform((value) => value.toLowerCase());
const displayName = z.string().trim().min(1).max(120);

export const PersonInput = z.strictObject({
  email,
  displayName,
  preferredLanguage: z.enum(["en", "es"]).default("en"),
  roles: z.array(RoleAssignment).min(1).max(20),
  sendInvite: z.boolean().default(true),
});
export type PersonInput = z.input<typeof PersonInput>;

export const PersonPatch = z.strictObject({
  email: email.optional(),
  displayName: displayName.optional(),
  preferredLanguage: z.enum(["en", "es"]).optional(),
  roles: z.array(RoleAssignment).min(1).max(20).optional(),
});
export type PersonPatch = z.input<typeof PersonPatch>;
