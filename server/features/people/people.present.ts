import type { Person } from "../../../contract/people";
import type { Actor } from "../../policy/actor";
import { abilities } from "../../policy/authorize";
import type { PersonRow } from "./people.queries";

/** A person as the API shows them, with what the actor may do to them. */
export function presentPerson(actor: Actor, person: PersonRow): Person {
  return {
    id: person.id,
    email: person.email,
    displayName: person.displayName,
    status: person.status,
    preferredLanguage: person.preferredLanguage,
    roles: person.roles,
    createdAt: person.createdAt.toISOString(),
    can: abilities(actor, ["person.update", "person.deactivate", "person.invite"], person),
  };
}
