import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { FamilyNoteInput } from "../../../contract/family-voice";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { familyNotes, interventionPlans } from "../../db/schema";
import { invalid } from "../../errors";

type Student = { id: string; districtId: string };

/** A family's note to their child's team, about the child or one of the child's plans; returns its id. */
export async function createFamilyNote(
  db: Db,
  context: ActorContext,
  student: Student,
  input: z.infer<typeof FamilyNoteInput>,
): Promise<string> {
  const { actor } = context;
  const { body, planId } = input;
  if (planId) {
    const [plan] = await db
      .select({ id: interventionPlans.id })
      .from(interventionPlans)
      .where(and(eq(interventionPlans.id, planId), eq(interventionPlans.studentId, student.id)));
    if (!plan) invalid("No such plan for this child.", [{ pointer: "/body/planId", detail: "Unknown plan." }]);
  }
  return db.transaction(async (tx) => {
    const [note] = await tx
      .insert(familyNotes)
      .values({
        districtId: student.districtId,
        studentId: student.id,
        authorId: actor.personId,
        planId: planId ?? null,
        body,
        language: actor.preferredLanguage,
      })
      .returning({ id: familyNotes.id });
    if (!note) throw new Error("family note insert returned nothing");
    await recordAudit(tx, context, {
      action: "family_note.created",
      subjectType: "student",
      subjectId: student.id,
      details: { noteId: note.id, planId: planId ?? null },
    });
    return note.id;
  });
}

/** The team acknowledges a family's note (the first acknowledgement stands). */
export async function acknowledgeFamilyNote(
  db: Db,
  context: ActorContext,
  student: Student,
  noteId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(familyNotes)
      .set({ acknowledgedAt: sql`now()`, acknowledgedById: context.actor.personId })
      .where(and(eq(familyNotes.id, noteId), isNull(familyNotes.acknowledgedAt)));
    await recordAudit(tx, context, {
      action: "family_note.acknowledged",
      subjectType: "student",
      subjectId: student.id,
      details: { noteId },
    });
  });
}
