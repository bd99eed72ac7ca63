import { eq, sql } from "drizzle-orm";
import type { EssentialStandardInput, EssentialStandardPatch } from "../../../contract/essentials";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { essentialStandards } from "../../db/schema";
import { followScaleChange } from "../assessments/sync-targets";
import type { EssentialStandardRow } from "./essentials.queries";

const numbered = (levels: { label: string; descriptor: string }[]) =>
  levels.map((level, index) => ({ level: index + 1, label: level.label, descriptor: level.descriptor }));

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
