import type { z } from "zod";
import type { SchoolInput } from "../../../contract/schools";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { schools } from "../../db/schema";

/** Adds a school to the actor's district; returns its id. */
export async function createSchool(db: Db, context: ActorContext, input: z.infer<typeof SchoolInput>): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schools)
      .values({ districtId: context.actor.districtId, ...input })
      .returning({ id: schools.id });
    if (!row) throw new Error("school insert returned nothing");
    await recordAudit(tx, context, { action: "school.created", subjectType: "school", subjectId: row.id });
    return row.id;
  });
}
