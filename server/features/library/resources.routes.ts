import { rm } from "node:fs/promises";
import type { FastifyRequest } from "fastify";
import { IdParams, Ok } from "../../../contract/common";
import {
  Resource,
  ResourceDetail,
  ResourceInput,
  ResourcePage,
  ResourcePatch,
  ResourcesQuery,
} from "../../../contract/library";
import { invalid, notFound, unauthorized } from "../../errors";
import type { TempUpload } from "../../files/uploads";
import { actorContextOf, auditContextOf, requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { strategyCycleStats } from "../cycles/cycle-record";
import { createResource } from "./create-resource";
import { deleteResource } from "./delete-resource";
import { presentResource, presentResourceDetail } from "./library.present";
import { findResource, listComments, listResources, listUses, resourceTarget } from "./library.queries";
import { receiveResourceForm } from "./receive-resource-form";
import { newResourceOf, patchedFields } from "./resource-input";
import { placementAfter, resolveScope } from "./resource-placement";
import { updateResource } from "./update-resource";

/** Uploads received for a request and not yet kept; whatever is left here when the response goes is deleted. */
const pendingUploads = new WeakMap<FastifyRequest, TempUpload>();

async function discardPendingUpload(request: FastifyRequest): Promise<void> {
  const upload = pendingUploads.get(request);
  pendingUploads.delete(request);
  if (upload) await rm(upload.path, { force: true });
}

/** Resources: the library list with search, create (JSON or multipart with a file), read, edit, delete. */
export async function resourcesRoutes(app: App) {
  async function loadResource(actor: Actor, id: string) {
    return (await findResource(app.db, actor, id)) ?? notFound("resource");
  }

  app.get(
    "/resources",
    { config: { policy: "resource.list" }, schema: { querystring: ResourcesQuery, response: { 200: ResourcePage } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "resource.list", { districtId: actor.districtId });
      const { items, total } = await listResources(app.db, actor, request.query);
      return {
        items: items.map((r) => presentResource(actor, r)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.post(
    "/resources",
    {
      config: { policy: "resource.create" },
      schema: { body: ResourceInput, response: { 201: Resource } },
      // A multipart form carries the file; it is received (size-limited, type-checked) before validation, so the
      // details in its `resource` field are validated exactly like a JSON body.
      preValidation: async (request) => {
        if (!request.isMultipart()) return;
        if (!request.actor) unauthorized();
        const form = await receiveResourceForm(request, app.config.dataDir, app.config.maxUploadBytes);
        (request as { body: unknown }).body = form.resource;
        if (form.upload) pendingUploads.set(request, form.upload);
      },
      onSend: async (request, _reply, payload) => {
        await discardPendingUpload(request);
        return payload;
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const upload = pendingUploads.get(request) ?? null;
      const input = request.body;
      if (input.kind === "file" && !upload) {
        invalid("Attach the file to share.", [
          { pointer: "/body/file", detail: "Send the form as multipart/form-data with the file in the `file` field." },
        ]);
      }
      if (input.kind === "link" && upload) {
        invalid("A link takes no file.", [{ pointer: "/body/file", detail: "Share the file as a file resource." }]);
      }
      const draft = await resolveScope(app.db, actor, {
        scope: input.scope,
        communityId: input.communityId ?? null,
        schoolId: input.schoolId ?? null,
      });
      authorize(actor, "resource.create", draft);
      const id = await createResource(app.db, actorContextOf(request), {
        upload,
        dataDir: app.config.dataDir,
        resource: newResourceOf(input, draft),
      });
      pendingUploads.delete(request);
      return reply.code(201).send(presentResource(actor, await loadResource(actor, id)));
    },
  );

  app.get(
    "/resources/:id",
    { config: { policy: "resource.read" }, schema: { params: IdParams, response: { 200: ResourceDetail } } },
    async (request) => {
      const actor = requireActor(request);
      const resource = await loadResource(actor, request.params.id);
      authorize(actor, "resource.read", resourceTarget(resource));
      const [comments, uses] = [await listComments(app.db, resource.id), await listUses(app.db, resource.id)];
      const cycles =
        resource.kind === "strategy"
          ? (await strategyCycleStats(app.db, resource.districtId, [resource.id])).get(resource.id)
          : undefined;
      return presentResourceDetail(actor, resource, { comments, uses, cycles });
    },
  );

  app.patch(
    "/resources/:id",
    {
      config: { policy: "resource.update" },
      schema: { params: IdParams, body: ResourcePatch, response: { 200: Resource } },
    },
    async (request) => {
      const actor = requireActor(request);
      const resource = await loadResource(actor, request.params.id);
      authorize(actor, "resource.update", resourceTarget(resource));
      const fields = patchedFields(resource, request.body);
      const placement = await placementAfter(app.db, actor, resource, request.body);
      await updateResource(app.db, auditContextOf(request), resource, {
        fields,
        placement,
        patchedKeys: Object.keys(request.body),
      });
      return presentResource(actor, await loadResource(actor, resource.id));
    },
  );

  app.delete(
    "/resources/:id",
    { config: { policy: "resource.delete" }, schema: { params: IdParams, response: { 200: Ok } } },
    async (request) => {
      const actor = requireActor(request);
      const resource = await loadResource(actor, request.params.id);
      authorize(actor, "resource.delete", resourceTarget(resource));
      await deleteResource(app.db, auditContextOf(request), resource, app.config.dataDir);
      return { ok: true as const };
    },
  );
}
