import type { Person } from "../../../contract/people";
import type { Actor } from "../../policy/actor";
import { abilities } from "../../policy/authorize";
import { isPlaceholderEmail } from "../rosters/validate-users";
import type { PersonRow } from "./people.queries";

/** A person as the API shows them, with what the actor may do to them. */
export function presentPerson(actor: Actor, person: PersonRow): Person {
  // A roster placeholder is no address: shown as none, and nobody can be invited there.
  const hasEmail = !isPlaceholderEmail(person.email);
  const can = abilities(actor, ["person.update", "person.deactivate", "person.invite"], person);
  return {
    id: person.id,
    email: hasEmail ? person.email : "",
    displayName: person.displayName,
    status: person.status,
    preferredLanguage: person.preferredLanguage,
    roles: person.roles,
    createdAt: person.createdAt.toISOString(),
    can: { ...can, invite: can.invite && hasEmail },
  };
}
