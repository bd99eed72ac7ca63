import { eq, sql } from "drizzle-orm";
import type { EssentialStandardPatch } from "../../../contract/essentials";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { essentialStandards } from "../../db/schema";
import { followScaleChange } from "../assessments/sync-targets";
import type { EssentialStandardRow } from "./essentials.queries";
import { numbered } from "./scale-levels";

/** Changes an essential standard; when its scale changes, the open assessments that measure it follow. */
export async function updateEssentialStandard(
  db: Db,
  context: ActorContext,
  current: Pick<EssentialStandardRow, "id">,
  patch: EssentialStandardPatch,
  isScaleChange: boolean,
): Promise<void> {
  const { scaleLevels, ...fields } = patch;
  await db.transaction(async (tx) => {
    await tx
      .update(essentialStandards)
      .set({ ...fields, ...(scaleLevels ? { scaleLevels: numbered(scaleLevels) } : {}), updatedAt: sql`now()` })
      .where(eq(essentialStandards.id, current.id));
    const { following, closedKept } = isScaleChange
      ? await followScaleChange(tx, current.id)
      : { following: 0, closedKept: 0 };
    await recordAudit(tx, context, {
      action: "essential_standard.updated",
      subjectType: "essential_standard",
      subjectId: current.id,
      details: { fields: Object.keys(patch), assessmentsFollowing: following, closedAssessmentsKept: closedKept },
    });
  });
}
