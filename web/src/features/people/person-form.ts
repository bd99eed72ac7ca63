import { DISTRICT_WIDE_ROLES, type RoleAssignment } from "../../../../contract/people";
import type { FieldErrors } from "../../components/form-errors";

export type PersonFormValues = {
  displayName: string;
  email: string;
  preferredLanguage: "en" | "es";
  roles: RoleAssignment[];
  /** Only when adding someone: whether to email the invitation now. */
  sendInvite?: boolean;
};

export const EMPTY_PERSON: PersonFormValues = {
  displayName: "",
  email: "",
  preferredLanguage: "en",
  roles: [{ role: "teacher", schoolId: null }],
  sendInvite: true,
};

/** Friendlier words for the contract's validation messages, by field path. */
export const PERSON_MESSAGES: Record<string, string> = {
  displayName: "Enter the person's name.",
  email: "Enter a valid email address, like name@school.org.",
  roles: "Give the person at least one role.",
};

/** District-wide roles carry no school, every other role needs one (the server says the same). */
export function checkRoleSchools(roles: RoleAssignment[]): FieldErrors {
  const errors: FieldErrors = {};
  roles.forEach((assignment, index) => {
    const isDistrictWide = DISTRICT_WIDE_ROLES.includes(assignment.role);
    if (!isDistrictWide && !assignment.schoolId) errors[`roles/${index}/schoolId`] = "Choose the school for this role.";
  });
  return errors;
}
