import { DISTRICT_WIDE_ROLES, type RoleAssignment } from "../../../contract/people";
import type { Db } from "../../db/client";
import { invalid } from "../../errors";
import { schoolsInDistrict } from "../schools/schools.queries";

/** District-wide roles carry no school; school roles name a school of this district. */
export async function validateRoles(db: Db, districtId: string, roles: RoleAssignment[]): Promise<void> {
  const problems: { pointer: string; detail: string }[] = [];
  const known = await schoolsInDistrict(
    db,
    districtId,
    roles.flatMap((r) => (r.schoolId ? [r.schoolId] : [])),
  );
  roles.forEach((r, i) => {
    const isDistrictWide = DISTRICT_WIDE_ROLES.includes(r.role);
    if (isDistrictWide && r.schoolId) {
      problems.push({
        pointer: `/body/roles/${i}/schoolId`,
        detail: "This role is district-wide; leave the school empty.",
      });
    } else if (!isDistrictWide && !r.schoolId) {
      problems.push({ pointer: `/body/roles/${i}/schoolId`, detail: "Choose the school for this role." });
    } else if (r.schoolId && !known.has(r.schoolId)) {
      problems.push({ pointer: `/body/roles/${i}/schoolId`, detail: "No such school in this district." });
    }
  });
  if (problems.length) invalid("Some roles are not valid.", problems);
}
