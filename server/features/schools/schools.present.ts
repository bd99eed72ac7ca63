import type { School } from "../../../contract/schools";
import type { Actor } from "../../policy/actor";
import { abilities } from "../../policy/authorize";
import type { SchoolRow } from "./schools.queries";

/** A school as the API shows it, with what the actor may do to it. */
export function presentSchool(actor: Actor, school: SchoolRow): School {
  const { districtId: _districtId, ...shown } = school;
  return { ...shown, can: abilities(actor, ["school.update"], school) };
}
