import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { CheckinInput, NormsInput } from "../../../contract/communities";
import type { ActorContext, AuditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { normAgreements, normCheckinResponses, normCheckins, normRatings, normVersions } from "../../db/schema";
import { conflict } from "../../errors";
import type { Actor } from "../../policy/actor";
import type { CommunityRow } from "./communities.queries";

type Team = Pick<CommunityRow, "id" | "districtId">;

/** Saves the team's norms as their next version. */
export async function saveNorms(db: Db, context: ActorContext, community: Team, input: z.infer<typeof NormsInput>) {
  await db.transaction(async (tx) => {
    const [latest] = await tx
      .select({ version: sql<number>`coalesce(max(${normVersions.version}), 0)::int` })
      .from(normVersions)
      .where(eq(normVersions.communityId, community.id));
    const version = (latest?.version ?? 0) + 1;
    const [row] = await tx
      .insert(normVersions)
      .values({
        districtId: community.districtId,
        communityId: community.id,
        version,
        norms: input.norms,
        changeNote: input.changeNote,
        createdById: context.actor.personId,
      })
      .returning({ id: normVersions.id });
    await recordAudit(tx, context, {
      action: "community.norms_changed",
      subjectType: "community",
      subjectId: community.id,
      details: { version, normVersionId: row?.id },
    });
  });
}

/** Records that the actor agrees to the current version of the norms. */
export async function agreeToNorms(
  db: Db,
  context: ActorContext,
  community: Team,
  current: { id: string; version: number },
) {
  const normVersionId = current.id;
  await db
    .insert(normAgreements)
    .values({ districtId: community.districtId, normVersionId, personId: context.actor.personId })
    .onConflictDoNothing();
  await recordAudit(db, context, {
    action: "community.norms_agreed",
    subjectType: "community",
    subjectId: community.id,
    details: { version: current.version },
  });
}

/** Schedules an anonymous check-in on the current norms. */
export async function scheduleCheckin(
  db: Db,
  context: AuditContext,
  community: Team,
  normVersionId: string,
  input: z.infer<typeof CheckinInput>,
) {
  await db.insert(normCheckins).values({
    districtId: community.districtId,
    communityId: community.id,
    normVersionId,
    opensOn: input.opensOn,
    closesOn: input.closesOn,
  });
  await recordAudit(db, context, {
    action: "community.checkin_scheduled",
    subjectType: "community",
    subjectId: community.id,
  });
}

/** One member's anonymous ratings: who responded and what they said are kept apart. */
export async function respondToCheckin(db: Db, actor: Actor, community: Team, checkinId: string, ratings: number[]) {
  await db.transaction(async (tx) => {
    const responded = await tx
      .insert(normCheckinResponses)
      .values({ districtId: community.districtId, checkinId: checkinId, personId: actor.personId })
      .onConflictDoNothing()
      .returning({ checkinId: normCheckinResponses.checkinId });
    if (!responded.length) conflict("You have already responded to this check-in.");
    // The ratings carry no person: who responded and what they said are kept apart.
    await tx.insert(normRatings).values(
      ratings.map((rating, normIndex) => ({
        districtId: community.districtId,
        checkinId: checkinId,
        normIndex,
        rating,
      })),
    );
  });
}
