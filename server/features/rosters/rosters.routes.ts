import { rm } from "node:fs/promises";
import { PassThrough } from "node:stream";
import multipart from "@fastify/multipart";
import { IdParams } from "../../../contract/common";
import { RosterImport, type RosterImportEvent, RosterImportPage, RosterImportsQuery } from "../../../contract/rosters";
import { recordAudit } from "../../audit/record-audit";
import { notFound } from "../../errors";
import { auditContextOf, requireActor } from "../../http/signed-in";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { markInterruptedImports } from "./interrupted-imports";
import { MAX_ROSTER_FILES, receiveRosterUpload } from "./receive-roster-upload";
import { presentRosterImport } from "./rosters.present";
import { findRosterImport, listRosterImports } from "./rosters.queries";
import { auditDetails, runRosterImport } from "./run-roster-import";

/** OneRoster imports for district leaders: upload and run one (progress streamed), and the record of past runs. */
export async function rostersRoutes(app: App) {
  await app.register(multipart, {
    limits: {
      fileSize: app.config.maxUploadBytes,
      files: MAX_ROSTER_FILES,
      fields: 0,
      parts: MAX_ROSTER_FILES,
      headerPairs: 100,
    },
  });

  app.get(
    "/rosters/imports",
    {
      config: { policy: "roster.import" },
      schema: { querystring: RosterImportsQuery, response: { 200: RosterImportPage } },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "roster.import", { districtId: actor.districtId });
      const { page, pageSize } = request.query;
      await markInterruptedImports(app.db, actor.districtId);
      return { ...(await listRosterImports(app.db, actor.districtId, page, pageSize)), page, pageSize };
    },
  );

  app.get(
    "/rosters/imports/:id",
    { config: { policy: "roster.import" }, schema: { params: IdParams, response: { 200: RosterImport } } },
    async (request) => {
      const actor = requireActor(request);
      await markInterruptedImports(app.db, actor.districtId);
      const found = (await findRosterImport(app.db, request.params.id)) ?? notFound("import");
      authorize(actor, "roster.import", { districtId: found.districtId });
      return presentRosterImport(found);
    },
  );

  // The answer is newline-delimited JSON, streamed while the import runs: on PGlite the import's transaction
  // holds the one database connection, so the browser could not poll another route for progress.
  app.post("/rosters/imports", { config: { policy: "roster.import" } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, "roster.import", { districtId: actor.districtId });
    const upload = await receiveRosterUpload(request, app.config.dataDir, app.config.maxUploadBytes);
    const stream = new PassThrough();
    const send = (event: RosterImportEvent) => stream.write(`${JSON.stringify(event)}\n`);
    send({ type: "progress", phase: "reading", done: 0, total: 0 });
    const run = async () => {
      try {
        const record = await runRosterImport(app.pool, {
          districtId: actor.districtId,
          source: upload.source,
          sourceLabel: upload.label,
          startedById: actor.personId,
          dbKind: app.dbKind,
          limits: app.config.importLimits,
          onProgress: (progress) => send({ type: "progress", ...progress }),
          audit: (done) =>
            recordAudit(app.db, auditContextOf(request), {
              action: "roster.import",
              subjectType: "roster_import",
              subjectId: done.id,
              details: auditDetails(done),
            }),
        });
        if (record.unexpectedError) request.log.error({ err: record.unexpectedError }, "roster import failed");
        const found = await findRosterImport(app.db, record.id);
        if (found) send({ type: "result", import: presentRosterImport(found) });
      } catch (error) {
        request.log.error({ err: error }, "roster import failed");
        send({ type: "error", message: "The import could not be completed. Nothing was changed." });
      } finally {
        await rm(upload.dir, { recursive: true, force: true });
        stream.end();
      }
    };
    void run();
    return reply
      .type("application/x-ndjson; charset=utf-8")
      .header("cache-control", "no-store")
      .header("x-accel-buffering", "no")
      .send(stream);
  });
}
