import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { MeetingInput } from "../../../contract/meetings";
import type { AuditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { meetingSeries, meetings, type ProtocolSnapshot, protocols } from "../../db/schema";
import { invalid } from "../../errors";
import type { CommunityRow } from "../communities/communities.queries";
import { findLibraryProtocol } from "./protocol-library";
import { expandOccurrences, isValidTimezone, localToInstant } from "./recurrence";

type Input = z.infer<typeof MeetingInput>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The protocol a meeting will run on, as a snapshot: from the library, or the community's own copy. */
async function resolveProtocol(db: Db, communityId: string, key: string | null): Promise<ProtocolSnapshot | null> {
  if (!key) return null;
  const library = findLibraryProtocol(key);
  if (library) return { key: library.key, name: library.name, purpose: library.purpose, steps: library.steps };
  if (UUID.test(key)) {
    const [copy] = await db
      .select()
      .from(protocols)
      .where(and(eq(protocols.id, key), eq(protocols.communityId, communityId)));
    if (copy) return { key: copy.id, name: copy.name, purpose: copy.purpose, steps: copy.steps };
  }
  return invalid("No such protocol for this community.", [
    { pointer: "/body/protocolKey", detail: "Choose a protocol from the list." },
  ]);
}

/** Schedules a one-off meeting, or a recurring series with its occurrences, in one transaction; returns the ids. */
export async function scheduleMeetings(
  db: Db,
  context: AuditContext,
  community: CommunityRow,
  input: Input,
): Promise<string[]> {
  if (!isValidTimezone(input.timezone)) {
    invalid("Unknown time zone.", [
      { pointer: "/body/timezone", detail: "Use an IANA time zone such as America/Chicago." },
    ]);
  }
  if (input.mode !== "in_person" && !input.link) {
    invalid("A virtual or blended meeting needs a link.", [
      { pointer: "/body/link", detail: "Add the link people join with." },
    ]);
  }
  const protocol = await resolveProtocol(db, community.id, input.protocolKey);
  const occurrences = input.recurrence
    ? expandOccurrences(input.recurrence, input.startsAt, input.timezone, input.durationMinutes)
    : {
        rule: null,
        occurrences: [
          {
            startsAt: localToInstant(input.startsAt, input.timezone),
            endsAt: new Date(localToInstant(input.startsAt, input.timezone).getTime() + input.durationMinutes * 60_000),
          },
        ],
      };
  if (!occurrences.occurrences.length) {
    invalid("This recurrence has no dates.", [{ pointer: "/body/recurrence", detail: "Check the end date." }]);
  }
  const actorId = context.actor?.personId ?? null;
  return db.transaction(async (tx) => {
    let seriesId: string | null = null;
    if (occurrences.rule) {
      const [series] = await tx
        .insert(meetingSeries)
        .values({
          districtId: community.districtId,
          communityId: community.id,
          rrule: occurrences.rule,
          timezone: input.timezone,
          createdById: actorId,
        })
        .returning({ id: meetingSeries.id });
      seriesId = series?.id ?? null;
    }
    const rows = await tx
      .insert(meetings)
      .values(
        occurrences.occurrences.map((o) => ({
          districtId: community.districtId,
          communityId: community.id,
          seriesId,
          title: input.title,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          mode: input.mode,
          location: input.location,
          link: input.link,
          protocol,
          agenda: input.agenda.map((item) => ({ title: item.title, minutes: item.minutes })),
          createdById: actorId,
        })),
      )
      .returning({ id: meetings.id });
    await recordAudit(tx, context, {
      action: "meeting.scheduled",
      subjectType: "community",
      subjectId: community.id,
      details: { meetings: rows.length, recurring: seriesId !== null },
    });
    return rows.map((r) => r.id);
  });
}
