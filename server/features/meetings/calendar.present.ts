import ical, { ICalEventStatus } from "ical-generator";
import type { FeedMeeting } from "./calendar-feed";

/** The meetings as an iCalendar file, each linking to its page under `base`. */
export function renderCalendar(meetings: FeedMeeting[], base: string): string {
  const calendar = ical({ name: "Collective meetings", prodId: { company: "Collective", product: "meetings" } });
  for (const m of meetings) {
    calendar.createEvent({
      id: `${m.id}@collective`,
      start: new Date(m.starts_at),
      end: new Date(m.ends_at),
      summary: `${m.community_name}: ${m.title}`,
      location: m.link ? `${m.location ? `${m.location} / ` : ""}${m.link}` : m.location || null,
      description: [m.protocol_name ? `Protocol: ${m.protocol_name}` : null, `${base}/meetings/${m.id}`]
        .filter(Boolean)
        .join("\n"),
      url: `${base}/meetings/${m.id}`,
      status: m.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
