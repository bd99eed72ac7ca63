import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { PersonPatch } from "../../../contract/people";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { people } from "../../db/schema";
import { type PersonRow, replaceRoles } from "./people.queries";

/** Changes a person's fields and, when given, replaces their roles. */
export async function updatePerson(
  db: Db,
  context: ActorContext,
  person: Pick<PersonRow, "id" | "districtId">,
  patch: z.infer<typeof PersonPatch>,
): Promise<void> {
  const { roles, ...fields } = patch;
  await db.transaction(async (tx) => {
    if (Object.keys(fields).length) {
      await tx
        .update(people)
        .set({ ...fields, updatedAt: sql`now()` })
        .where(eq(people.id, person.id));
    }
    if (roles) await replaceRoles(tx, person, roles);
    await recordAudit(tx, context, {
      action: "person.updated",
      subjectType: "person",
      subjectId: person.id,
      details: { fields: Object.keys(patch) },
    });
  });
}
