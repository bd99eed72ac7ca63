import type { z } from "zod";
import type { InstrumentInput } from "../../../contract/surveys";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { surveyInstrumentItems, surveyInstruments } from "../../db/schema";

/** Saves a district instrument and its items in one transaction; returns its id. */
export async function createInstrument(
  db: Db,
  context: ActorContext,
  input: z.infer<typeof InstrumentInput>,
): Promise<string> {
  const districtId = context.actor.districtId;
  return db.transaction(async (tx) => {
    const [instrument] = await tx
      .insert(surveyInstruments)
      .values({ districtId, title: input.title, description: input.description, createdById: context.actor.personId })
      .returning({ id: surveyInstruments.id });
    const instrumentId = instrument?.id as string;
    await tx.insert(surveyInstrumentItems).values(
      input.items.map((item, position) => ({
        districtId,
        instrumentId,
        position,
        section: item.section,
        prompt: item.prompt,
        scale: item.scale,
        levels: item.scale === "rubric" ? (item.levels ?? []) : [],
      })),
    );
    await recordAudit(tx, context, {
      action: "survey.instrument_created",
      subjectType: "survey_instrument",
      subjectId: instrumentId,
      details: { items: input.items.length },
    });
    return instrumentId;
  });
}
