import { AuditPage, AuditQuery } from "../../contract/audit";
import { requireActor } from "../http/signed-in";
import { authorize } from "../policy/authorize";
import type { App } from "../types";
import { presentAuditEntry } from "./audit.present";
import { listAuditEntries } from "./audit.queries";

/** The district's audit log, newest first, for district leaders. */
export async function auditRoutes(app: App) {
  app.get(
    "/audit",
    { config: { policy: "audit.read" }, schema: { querystring: AuditQuery, response: { 200: AuditPage } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "audit.read", { districtId: actor.districtId });
      const { rows, total } = await listAuditEntries(app.db, actor.districtId, request.query);
      return { items: rows.map(presentAuditEntry), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );
}
