import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { FamilyNoteInput } from "../../../contract/family-voice";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { familyNoteReplies, familyNotes, interventionPlans } from "../../db/schema";
import { invalid } from "../../errors";
import { type NoticeMail, sendNotices } from "../notifications/notices";

type Student = { id: string; districtId: string };

/**
 * A family's note to their child's team, about the child or one of the child's plans; returns its id. The child's
 * teachers and whoever delivers the child's plans are told in the same transaction (bell, and email by their
 * choice), so a note is never stored without its notice, nor noticed twice.
 */
export async function createFamilyNote(
  db: Db,
  context: ActorContext,
  student: Student,
  input: z.infer<typeof FamilyNoteInput>,
  mail: NoticeMail,
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
    const recipients = await tx.execute<{ person_id: string; first_name: string }>(sql`
      select distinct x.person_id,
             (select coalesce(nullif(trim(s.preferred_name), ''), s.given_name) from students s where s.id = ${student.id})
               as first_name
        from (select ct.person_id from class_students cs join class_teachers ct on ct.class_id = cs.class_id
               where cs.student_id = ${student.id}
              union
              select p.delivered_by_id from intervention_plans p
               where p.student_id = ${student.id} and p.status = 'active' and p.delivered_by_id is not null) x`);
    await sendNotices(
      tx,
      recipients.rows.map((row) => ({
        districtId: student.districtId,
        personId: row.person_id,
        kind: "family_note" as const,
        title: `A family wrote about ${row.first_name}`,
        link: `/students/${student.id}`,
        actorId: actor.personId,
        dedupeKey: `family_note:${note.id}`,
      })),
      mail,
    );
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

/** The family's words for "the school answered", in the language they read. */
const ANSWERED: Record<string, (child: string) => string> = {
  en: (child) => `The school answered your note about ${child}`,
  es: (child) => `La escuela respondió a su nota sobre ${child}`,
};

/**
 * A team member answers a family's note: the reply is kept with the language it was written in, the note counts as
 * read, and the family is told in their own language (bell, and email by their choice), in one transaction.
 */
export async function replyToFamilyNote(
  db: Db,
  context: ActorContext,
  student: Student,
  note: { id: string; authorId: string | null },
  input: { body: string; language: string },
  mail: NoticeMail,
): Promise<void> {
  const { actor } = context;
  await db.transaction(async (tx) => {
    const [reply] = await tx
      .insert(familyNoteReplies)
      .values({ districtId: student.districtId, noteId: note.id, authorId: actor.personId, ...input })
      .returning({ id: familyNoteReplies.id });
    if (!reply) throw new Error("reply insert returned nothing");
    await tx
      .update(familyNotes)
      .set({ acknowledgedAt: sql`now()`, acknowledgedById: actor.personId })
      .where(and(eq(familyNotes.id, note.id), isNull(familyNotes.acknowledgedAt)));
    if (note.authorId) {
      const family = await tx.execute<{ language: string; first_name: string }>(sql`
        select p.preferred_language as language,
               (select coalesce(nullif(trim(s.preferred_name), ''), s.given_name) from students s where s.id = ${student.id})
                 as first_name
          from people p where p.id = ${note.authorId}`);
      const row = family.rows[0];
      const say = ANSWERED[row?.language ?? "en"] ?? ANSWERED.en;
      if (row && say) {
        await sendNotices(
          tx,
          [
            {
              districtId: student.districtId,
              personId: note.authorId,
              kind: "family_reply",
              title: say(row.first_name),
              link: "/family",
              actorId: actor.personId,
              dedupeKey: `family_reply:${reply.id}`,
            },
          ],
          mail,
        );
      }
    }
    await recordAudit(tx, context, {
      action: "family_note.replied",
      subjectType: "student",
      subjectId: student.id,
      details: { noteId: note.id, replyId: reply.id, language: input.language },
    });
  });
}
