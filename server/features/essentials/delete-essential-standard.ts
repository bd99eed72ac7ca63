import { eq } from "drizzle-orm";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { essentialStandards } from "../../db/schema";
import type { EssentialStandardRow } from "./essentials.queries";

/** Removes an essential standard from the team's list. */
export async function deleteEssentialStandard(
  db: Db,
  context: ActorContext,
  current: Pick<EssentialStandardRow, "id" | "communityId" | "standard" | "unitTitle">,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(essentialStandards).where(eq(essentialStandards.id, current.id));
    await recordAudit(tx, context, {
      action: "essential_standard.deleted",
      subjectType: "essential_standard",
      subjectId: current.id,
      details: { communityId: current.communityId, standardId: current.standard.id, unitTitle: current.unitTitle },
    });
  });
}
