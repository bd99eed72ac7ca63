import type { Instrument } from "../../../contract/surveys";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { surveyRounds } from "../../db/schema";

/** Who a round asks: a team (and, for feedback, one of its meetings), a school's staff, or a school's families. */
export type RoundPlace =
  | { kind: "team"; communityId: string }
  | { kind: "meeting"; communityId: string; meetingId: string }
  | { kind: "school"; schoolId: string }
  | { kind: "families"; schoolId: string };

export type RoundOpening = { place: RoundPlace; termLabel: string; opensOn: string; closesOn: string };

/** Opens a round of an instrument with a snapshot of its items. */
export async function openRound(
  db: Db,
  context: ActorContext,
  instrument: Instrument,
  opening: RoundOpening,
): Promise<string> {
  const { place } = opening;
  return db.transaction(async (tx) => {
    const [round] = await tx
      .insert(surveyRounds)
      .values({
        districtId: context.actor.districtId,
        instrumentKey: instrument.builtIn ? instrument.ref : null,
        instrumentId: instrument.builtIn ? null : instrument.ref,
        title: instrument.title,
        items: instrument.items,
        communityId: "communityId" in place ? place.communityId : null,
        meetingId: place.kind === "meeting" ? place.meetingId : null,
        schoolId: "schoolId" in place ? place.schoolId : null,
        forFamilies: place.kind === "families",
        termLabel: opening.termLabel,
        opensOn: opening.opensOn,
        closesOn: opening.closesOn,
        openedById: context.actor.personId,
      })
      .returning({ id: surveyRounds.id });
    const id = round?.id as string;
    await recordAudit(tx, context, {
      action: "survey.round_opened",
      subjectType: "survey_round",
      subjectId: id,
      details: { instrument: instrument.ref, audience: place.kind, termLabel: opening.termLabel },
    });
    return id;
  });
}
