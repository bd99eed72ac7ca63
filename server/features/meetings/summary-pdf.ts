import { DateTime } from "luxon";
import type { MeetingDetail } from "../../../contract/meetings";
import { BODY, BOLD, newPdfDocument } from "../../reports/pdf-document";

const STATUS_LABEL = { present: "Present", absent: "Absent", excused: "Excused" } as const;

/** When a meeting happened, in its own time zone when it has one. */
export function meetingWhen(meeting: Pick<MeetingDetail, "startsAt" | "endsAt" | "timezone">): string {
  const zone = meeting.timezone ?? "UTC";
  const start = DateTime.fromISO(meeting.startsAt, { zone });
  const end = DateTime.fromISO(meeting.endsAt, { zone });
  return `${start.toFormat("cccc d LLLL yyyy, HH:mm")}–${end.toFormat("HH:mm")} (${zone})`;
}

/** The plain-text summary used in the email (and as the PDF's content, in the same order). */
export function summaryText(meeting: MeetingDetail): string {
  const lines = [`${meeting.communityName}: ${meeting.title}`, meetingWhen(meeting), ""];
  if (meeting.protocol) lines.push(`Protocol: ${meeting.protocol.name}`, "");
  lines.push("Decisions");
  lines.push(...(meeting.decisions.length ? meeting.decisions.map((d) => `- ${d.text}`) : ["- None recorded"]), "");
  lines.push("Action items");
  lines.push(
    ...(meeting.actionItems.length
      ? meeting.actionItems.map(
          (a) =>
            `- [${a.status === "done" ? "x" : " "}] ${a.title} (${a.ownerName ?? "no owner"}${a.dueOn ? `, due ${a.dueOn}` : ""})`,
        )
      : ["- None"]),
    "",
  );
  lines.push("Attendance");
  lines.push(
    ...meeting.attendance.map((a) => `- ${a.displayName}: ${a.status ? STATUS_LABEL[a.status] : "Not recorded"}`),
    "",
  );
  if (meeting.notes.trim()) lines.push("Notes", meeting.notes.trim());
  return lines.join("\n");
}

/** A one-page summary of a meeting (notes, decisions, action items, attendance) as a PDF. */
export function renderSummaryPdf(meeting: MeetingDetail): Promise<Buffer> {
  const doc = newPdfDocument({
    margin: 54,
    info: { Title: `${meeting.communityName}: ${meeting.title}`, Creator: "Collective" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  const heading = (text: string) => doc.moveDown(0.6).font(BOLD).fontSize(12).text(text).font(BODY).fontSize(10);
  doc.font(BOLD).fontSize(16).text(`${meeting.communityName}: ${meeting.title}`);
  doc.font(BODY).fontSize(10).fillColor("#333333").text(meetingWhen(meeting));
  if (meeting.protocol) doc.text(`Protocol: ${meeting.protocol.name}`);
  doc.fillColor("#000000");

  heading("Decisions");
  if (meeting.decisions.length) doc.list(meeting.decisions.map((d) => d.text));
  else doc.text("None recorded.");

  heading("Action items");
  if (meeting.actionItems.length) {
    doc.list(
      meeting.actionItems.map(
        (a) =>
          `${a.status === "done" ? "Done: " : ""}${a.title} — ${a.ownerName ?? "no owner"}${a.dueOn ? `, due ${a.dueOn}` : ""}`,
      ),
    );
  } else doc.text("None.");

  heading("Attendance");
  const byStatus = (status: keyof typeof STATUS_LABEL) =>
    meeting.attendance
      .filter((a) => a.status === status)
      .map((a) => a.displayName)
      .join(", ") || "—";
  doc
    .text(`Present: ${byStatus("present")}`)
    .text(`Absent: ${byStatus("absent")}`)
    .text(`Excused: ${byStatus("excused")}`);

  if (meeting.notes.trim()) {
    heading("Notes");
    doc.text(meeting.notes.trim(), { align: "left" });
  }
  doc.end();
  return done;
}
