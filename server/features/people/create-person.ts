import type { z } from "zod";
import type { PersonInput } from "../../../contract/people";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Config } from "../../config";
import type { Db } from "../../db/client";
import { people } from "../../db/schema";
import { invitePerson } from "./invite-person";
import { replaceRoles } from "./people.queries";

/** Adds a person to the district with their roles, invited (and emailed the invitation if asked); returns their id. */
export async function createPerson(
  db: Db,
  config: Config,
  context: ActorContext,
  input: z.infer<typeof PersonInput>,
  districtName: string,
): Promise<string> {
  const { sendInvite, ...person } = input;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(people)
      .values({
        districtId: context.actor.districtId,
        email: person.email,
        displayName: person.displayName,
        preferredLanguage: person.preferredLanguage,
        status: "invited",
      })
      .returning();
    if (!row) throw new Error("person insert returned nothing");
    await replaceRoles(tx, row, person.roles);
    await recordAudit(tx, context, { action: "person.created", subjectType: "person", subjectId: row.id });
    if (sendInvite) await invitePerson(tx, config, context, row, districtName);
    return row.id;
  });
}
