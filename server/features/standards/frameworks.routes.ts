import multipart from "@fastify/multipart";
import { IdParams, Ok } from "../../../contract/common";
import {
  Framework,
  FrameworkImportInput,
  FrameworkList,
  FrameworksQuery,
  ImportReport,
} from "../../../contract/standards";
import { conflict, forbidden, HttpProblem, notFound, unauthorized } from "../../errors";
import { actorContextOf, requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { abilities, authorize, can } from "../../policy/authorize";
import type { App } from "../../types";
import { deleteFramework } from "./delete-framework";
import { fetchCasePackage, MAX_PACKAGE_BYTES } from "./fetch-package";
import { importFramework } from "./import-framework";
import { receivePackageFile } from "./receive-package";
import { presentFramework } from "./standards.present";
import { countFrameworkReferences, findFramework, listFrameworks } from "./standards.queries";

/** Frameworks: the district's list, one framework, import from a CASE package (file, URL or inline), delete. */
export async function frameworksRoutes(app: App) {
  // Only the import reads multipart bodies: one JSON file, and the allowRemovals confirmation beside it.
  await app.register(multipart, {
    limits: { fileSize: MAX_PACKAGE_BYTES, files: 1, fields: 1, fieldSize: 16, parts: 2, headerPairs: 100 },
  });

  async function loadFramework(actor: Actor, id: string) {
    const framework = (await findFramework(app.db, id)) ?? notFound("framework");
    // The row names its id, so someone who may not read standards learns nothing: 404, not 403.
    authorize(actor, "standard.read", framework);
    return framework;
  }

  app.get(
    "/standards/frameworks",
    { config: { policy: "standard.read" }, schema: { querystring: FrameworksQuery, response: { 200: FrameworkList } } },
    async (request) => {
      const actor = requireActor(request);
      const district = { districtId: actor.districtId };
      authorize(actor, "standard.read", district);
      const rows = await listFrameworks(app.db, actor.districtId, request.query.subject);
      return {
        items: rows.map((row) => presentFramework(actor, row)),
        can: abilities(actor, ["standard.import"], district),
      };
    },
  );

  app.get(
    "/standards/frameworks/:id",
    { config: { policy: "standard.read" }, schema: { params: IdParams, response: { 200: Framework } } },
    async (request) => {
      const actor = requireActor(request);
      return presentFramework(actor, await loadFramework(actor, request.params.id));
    },
  );

  app.post(
    "/standards/frameworks",
    {
      config: { policy: "standard.import" },
      schema: { body: FrameworkImportInput, response: { 200: ImportReport, 201: ImportReport } },
      // An uploaded file is read (size-limited) before validation, and only from someone who may import.
      preValidation: async (request) => {
        if (!request.isMultipart()) return;
        const actor = request.actor ?? unauthorized();
        if (!can(actor, "standard.import", { districtId: actor.districtId })) forbidden();
        const { json, allowRemovals } = await receivePackageFile(request);
        (request as { body: unknown }).body = { package: json, ...(allowRemovals ? { allowRemovals } : {}) };
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, "standard.import", { districtId: actor.districtId });
      const source =
        "url" in request.body
          ? await fetchCasePackage(request.body.url, { allowPrivate: app.config.fetchPrivateAddresses })
          : null;
      const json = source ? source.json : "package" in request.body ? request.body.package : undefined;
      const result = await importFramework(
        app.db,
        {
          districtId: actor.districtId,
          json,
          sourceUrl: source?.url ?? null,
          allowRemovals: request.body.allowRemovals,
        },
        actorContextOf(request),
      );
      if ("removals" in result) {
        const { title, removing, standards, codes } = result.removals;
        const more = removing > codes.length ? `, and ${removing - codes.length} more` : "";
        const detail =
          `This package would remove ${removing} of the ${standards} standards of "${title}" (${codes.join(", ")}${more}). ` +
          "Import it again with allowRemovals to remove them; standards in use by learning targets are kept.";
        conflict(detail, [{ pointer: "/body/allowRemovals", detail }], { removals: result.removals });
      }
      if ("problems" in result) {
        const count = result.problems.length;
        throw new HttpProblem(
          422,
          "Unprocessable content",
          `The CASE package is not valid (${count === 1 ? "1 problem" : `${count} problems`}); nothing was imported.`,
          result.problems,
        );
      }
      const { outcome } = result;
      const framework = (await findFramework(app.db, outcome.frameworkId)) ?? notFound("framework");
      return reply.code(outcome.created ? 201 : 200).send({
        framework: presentFramework(actor, framework),
        created: outcome.created,
        counts: outcome.counts,
        kept: outcome.kept,
        titleChanged: outcome.titleChanged,
        warnings: outcome.warnings,
      });
    },
  );

  app.delete(
    "/standards/frameworks/:id",
    { config: { policy: "standard.import" }, schema: { params: IdParams, response: { 200: Ok } } },
    async (request) => {
      const actor = requireActor(request);
      const framework = await loadFramework(actor, request.params.id);
      authorize(actor, "standard.import", { districtId: framework.districtId });
      const references = await countFrameworkReferences(app.db, framework.id);
      if (references > 0) {
        conflict(
          `Teams use this framework: ${references === 1 ? "1 learning target or essential standard refers" : `${references} learning targets and essential standards refer`} to its standards. Remove those first.`,
        );
      }
      await deleteFramework(app.db, actorContextOf(request), framework);
      return { ok: true as const };
    },
  );
}
