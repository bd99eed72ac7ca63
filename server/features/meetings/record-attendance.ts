import type { z } from "zod";
import type { AttendanceInput } from "../../../contract/meetings";
import type { AuditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { meetingAttendance } from "../../db/schema";
import { invalid } from "../../errors";
import { listAttendeeIds } from "./meetings.queries";

type Meeting = { id: string; communityId: string; districtId: string };

/** Records who was present, absent or excused, for members (and people already recorded) only. */
export async function recordAttendance(
  db: Db,
  context: AuditContext,
  meeting: Meeting,
  input: z.infer<typeof AttendanceInput>,
): Promise<void> {
  const allowed = await listAttendeeIds(db, meeting);
  const problems = input.entries.flatMap((entry, i) =>
    allowed.has(entry.personId)
      ? []
      : [{ pointer: `/body/entries/${i}/personId`, detail: "Not a member of this community." }],
  );
  if (problems.length) invalid("Attendance is recorded for members only.", problems);
  await db.transaction(async (tx) => {
    for (const entry of input.entries) {
      await tx
        .insert(meetingAttendance)
        .values({
          districtId: meeting.districtId,
          meetingId: meeting.id,
          personId: entry.personId,
          status: entry.status,
        })
        .onConflictDoUpdate({
          target: [meetingAttendance.meetingId, meetingAttendance.personId],
          set: { status: entry.status },
        });
    }
    await recordAudit(tx, context, {
      action: "meeting.attendance_recorded",
      subjectType: "meeting",
      subjectId: meeting.id,
    });
  });
}
