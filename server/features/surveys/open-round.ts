import type { z } from "zod";
import type { Instrument, RoundInput } from "../../../contract/surveys";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { surveyRounds } from "../../db/schema";

/** Opens a round of an instrument for a team or a school, with a snapshot of the instrument's items. */
export async function openRound(
  db: Db,
  context: ActorContext,
  instrument: Instrument,
  input: z.infer<typeof RoundInput>,
): Promise<string> {
  return db.transaction(async (tx) => {
    const [round] = await tx
      .insert(surveyRounds)
      .values({
        districtId: context.actor.districtId,
        instrumentKey: instrument.builtIn ? instrument.ref : null,
        instrumentId: instrument.builtIn ? null : instrument.ref,
        title: instrument.title,
        items: instrument.items,
        communityId: input.audience.kind === "team" ? input.audience.communityId : null,
        schoolId: input.audience.kind === "school" ? input.audience.schoolId : null,
        termLabel: input.termLabel,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        openedById: context.actor.personId,
      })
      .returning({ id: surveyRounds.id });
    const id = round?.id as string;
    await recordAudit(tx, context, {
      action: "survey.round_opened",
      subjectType: "survey_round",
      subjectId: id,
      details: { instrument: instrument.ref, audience: input.audience.kind, termLabel: input.termLabel },
    });
    return id;
  });
}
