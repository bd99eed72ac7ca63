import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { MeetingPatch } from "../../../contract/meetings";
import type { AuditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { meetings } from "../../db/schema";
import { invalid } from "../../errors";
import type { MeetingRow } from "./meetings.queries";

/** Changes a meeting's title, notes, place, agenda or status (cancelling it, or scheduling it again). */
export async function updateMeeting(
  db: Db,
  context: AuditContext,
  meeting: MeetingRow,
  patch: z.infer<typeof MeetingPatch>,
): Promise<void> {
  await db
    .update(meetings)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(meetings.id, meeting.id));
  await recordAudit(db, context, {
    action: "meeting.updated",
    subjectType: "meeting",
    subjectId: meeting.id,
    details: { fields: Object.keys(patch) },
  });
}

/** Starts a meeting, at its protocol's current (or first) step; a cancelled meeting cannot start. */
export async function startMeeting(db: Db, context: AuditContext, meeting: MeetingRow): Promise<void> {
  if (meeting.status === "cancelled") invalid("This meeting was cancelled.");
  await db
    .update(meetings)
    .set({
      status: "in_progress",
      currentStep: meeting.protocol ? (meeting.currentStep ?? 0) : null,
      stepStartedAt: meeting.protocol ? sql`now()` : null,
      updatedAt: sql`now()`,
    })
    .where(eq(meetings.id, meeting.id));
  await recordAudit(db, context, { action: "meeting.started", subjectType: "meeting", subjectId: meeting.id });
}

/** Moves a running meeting to one of its protocol's steps; not audited, a facilitator clicks through many. */
export async function moveToStep(db: Db, meeting: MeetingRow, step: number): Promise<void> {
  const steps = meeting.protocol?.steps.length ?? 0;
  if (step >= steps) {
    invalid("This meeting's protocol has no such step.", [
      { pointer: "/body/step", detail: `Choose a step from 0 to ${steps - 1}.` },
    ]);
  }
  await db
    .update(meetings)
    .set({ status: "in_progress", currentStep: step, stepStartedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(meetings.id, meeting.id));
}

/** Marks a meeting completed and stops its step timer. */
export async function completeMeeting(db: Db, context: AuditContext, meeting: MeetingRow): Promise<void> {
  await db
    .update(meetings)
    .set({ status: "completed", stepStartedAt: null, updatedAt: sql`now()` })
    .where(eq(meetings.id, meeting.id));
  await recordAudit(db, context, { action: "meeting.completed", subjectType: "meeting", subjectId: meeting.id });
}
