import { IdParams, Ok } from "../../../contract/common";
import { publicBaseUrl } from "../../config";
import { actorContextOf, requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import type { App } from "../../types";
import { emailSummary } from "./email-summary";
import { loadMeetingFor } from "./meeting-access";
import { loadMeetingDetail } from "./meeting-detail";
import { renderSummaryPdf } from "./summary-pdf";

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
    const { meeting, community } = await loadMeetingFor(app.db, actor, id, action);
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
      const context = actorContextOf(request);
      const detail = await loadFor(context.actor, request.params.id, "community.contribute");
      const link = `${publicBaseUrl(app.config)}/meetings/${detail.id}`;
      await emailSummary(app.db, context, detail, { link, smtpConfigured: Boolean(app.config.smtpUrl) });
      return { ok: true as const };
    },
  );
}
