import { sql } from "drizzle-orm";
import { IdParams, Ok } from "../../../contract/common";
import { recordAudit } from "../../audit/record-audit";
import { publicBaseUrl } from "../../config";
import { notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import { sendMail } from "../../mail/send-mail";
import type { Actor } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { findCommunity } from "../communities/communities.queries";
import { loadMeetingDetail } from "./meeting-detail";
import { findMeeting } from "./meetings.queries";
import { renderSummaryPdf, summaryText } from "./summary-pdf";

function fileName(title: string): string {
  return `${
    title
      .replace(/[^\w -]+/g, "")
      .trim()
      .replace(/\s+/g, "-")
      .toLowerCase() || "meeting"
  }-summary.pdf`;
}

/** A meeting's one-page summary: as a PDF download, and emailed to the members. */
export async function summaryRoutes(app: App) {
  async function loadFor(actor: Actor, id: string, action: "community.read" | "community.contribute") {
    const meeting = (await findMeeting(app.db, id)) ?? notFound("meeting");
    const community = (await findCommunity(app.db, meeting.communityId)) ?? notFound("community");
    authorize(actor, action, community);
    return loadMeetingDetail(app.db, actor, meeting, community);
  }

  app.get(
    "/meetings/:id/summary.pdf",
    { config: { policy: "community.read" }, schema: { params: IdParams } },
    async (request, reply) => {
      const detail = await loadFor(requireActor(request), request.params.id, "community.read");
      const pdf = await renderSummaryPdf(detail);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${fileName(detail.title)}"`)
        .send(pdf);
    },
  );

  app.post(
    "/meetings/:id/summary/email",
    { config: { policy: "community.contribute" }, schema: { params: IdParams, response: { 200: Ok } } },
    async (request) => {
      const actor = requireActor(request);
      const detail = await loadFor(actor, request.params.id, "community.contribute");
      const recipients = await app.db.execute<{ email: string }>(sql`
        select p.email from community_members cm join people p on p.id = cm.person_id
         where cm.community_id = ${detail.communityId} and p.status = 'active'`);
      const link = `${publicBaseUrl(app.config)}/meetings/${detail.id}`;
      const text = `${summaryText(detail)}\n\nThe meeting page and its PDF summary: ${link}\n`;
      await app.db.transaction(async (tx) => {
        for (const { email } of recipients.rows) {
          await sendMail(
            tx,
            {
              districtId: actor.districtId,
              to: email,
              subject: `Summary: ${detail.communityName}, ${detail.title}`,
              text,
            },
            { smtpConfigured: Boolean(app.config.smtpUrl) },
          );
        }
        await recordAudit(tx, request, {
          action: "meeting.summary_emailed",
          subjectType: "meeting",
          subjectId: detail.id,
          details: { recipients: recipients.rows.length },
        });
      });
      return { ok: true as const };
    },
  );
}
