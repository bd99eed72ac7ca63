import { sql } from "drizzle-orm";
import type { EssentialStandardInput } from "../../../contract/essentials";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { essentialStandards } from "../../db/schema";
import { numbered } from "./scale-levels";

/** Makes a standard essential for the team (last in its list); returns the new essential standard's id. */
export async function createEssentialStandard(
  db: Db,
  context: ActorContext,
  communityId: string,
  input: EssentialStandardInput,
): Promise<string> {
  const { scaleLevels, ...fields } = input;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(essentialStandards)
      .values({
        ...fields,
        scaleLevels: numbered(scaleLevels),
        districtId: context.actor.districtId,
        communityId,
        createdById: context.actor.personId,
        position: sql`(select coalesce(max(position) + 1, 0) from essential_standards
          where community_id = ${communityId})`,
      })
      .returning({ id: essentialStandards.id });
    if (!row) throw new Error("essential standard insert returned nothing");
    await recordAudit(tx, context, {
      action: "essential_standard.created",
      subjectType: "essential_standard",
      subjectId: row.id,
      details: { communityId, standardId: fields.standardId, unitTitle: fields.unitTitle },
    });
    return row.id;
  });
}
