import { eq, sql } from "drizzle-orm";
import type { ItemDistribution } from "../../../contract/surveys";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { meetings } from "../../db/schema";

const AGENDA_TITLE_MAX = 300;

/** The agenda line for a self-assessment item: its prompt and how many chose each level. */
export function agendaTitleFor(item: ItemDistribution): string {
  const spread = item.levels.map((l) => `${l.label} ${l.count}`).join(", ");
  const suffix = ` (${spread})`;
  const lead = "Self-assessment: ";
  const room = AGENDA_TITLE_MAX - lead.length - suffix.length;
  const prompt = item.prompt.length > room ? `${item.prompt.slice(0, Math.max(0, room - 1))}…` : item.prompt;
  return `${lead}${prompt}${suffix}`.slice(0, AGENDA_TITLE_MAX);
}

/** Appends an item to a meeting's agenda (set-based, so a concurrent edit of other fields is kept). */
export async function addToAgenda(
  db: Db,
  context: ActorContext,
  meeting: { id: string },
  roundId: string,
  title: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(meetings)
      .set({
        agenda: sql`${meetings.agenda} || ${JSON.stringify([{ title, minutes: null }])}::jsonb`,
        updatedAt: sql`now()`,
      })
      .where(eq(meetings.id, meeting.id));
    await recordAudit(tx, context, {
      action: "survey.item_added_to_agenda",
      subjectType: "meeting",
      subjectId: meeting.id,
      details: { roundId },
    });
  });
}
