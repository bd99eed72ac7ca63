import { rm } from "node:fs/promises";
import { and, eq, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { IdParams, Ok } from "../../../contract/common";
import {
  Resource,
  ResourceDetail,
  ResourceInput,
  ResourcePage,
  ResourcePatch,
  type ResourceScope,
  ResourcesQuery,
  scopeProblems,
} from "../../../contract/library";
import { recordAudit } from "../../audit/record-audit";
import { files, resources, schools } from "../../db/schema";
import { invalid, notFound, unauthorized } from "../../errors";
import { requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { authorize, can } from "../../policy/authorize";
import type { ResourceDraft } from "../../policy/rules";
import type { App } from "../../types";
import { findCommunity } from "../communities/communities.queries";
import { createResource } from "./create-resource";
import { presentResource, presentResourceDetail } from "./library.present";
import {
  findResource,
  listComments,
  listResources,
  listUses,
  type ResourceRow,
  resourceSearchVector,
  resourceTarget,
} from "./library.queries";
import { receiveResourceForm, storedFilePath, type TempUpload } from "./uploads";

/** Uploads received for a request and not yet kept; whatever is left here when the response goes is deleted. */
const pendingUploads = new WeakMap<FastifyRequest, TempUpload>();

async function discardPendingUpload(request: FastifyRequest): Promise<void> {
  const upload = pendingUploads.get(request);
  pendingUploads.delete(request);
  if (upload) await rm(upload.path, { force: true });
}

/** Trimmed and without repeats; tags also in lower case, so that filtering by a tag finds every resource with it. */
function distinct(values: string[], lowerCase = false): string[] {
  return [...new Set(values.map((v) => (lowerCase ? v.trim().toLowerCase() : v.trim())))];
}

type ScopeFields = { scope: ResourceScope; communityId: string | null; schoolId: string | null };

/** Resources: the library list with search, create (JSON or multipart with a file), read, edit, delete. */
export async function resourcesRoutes(app: App) {
  async function loadResource(actor: Actor, id: string) {
    return (await findResource(app.db, actor, id)) ?? notFound("resource");
  }

  /** Where a resource is to be shared, checked against the district: a community one may see, a real school. */
  async function resolveScope(actor: Actor, fields: ScopeFields): Promise<ResourceDraft & ScopeFields> {
    const base = {
      districtId: actor.districtId,
      scope: fields.scope,
      communityId: null,
      schoolId: null,
      community: null,
    };
    if (fields.scope === "community" && fields.communityId) {
      const community = await findCommunity(app.db, fields.communityId);
      if (!community || !can(actor, "community.read", community)) notFound("community");
      return { ...base, communityId: community.id, community };
    }
    if (fields.scope === "school" && fields.schoolId) {
      const [school] = await app.db
        .select({ id: schools.id })
        .from(schools)
        .where(and(eq(schools.id, fields.schoolId), eq(schools.districtId, actor.districtId)));
      if (!school)
        invalid("That school is not valid.", [
          { pointer: "/body/schoolId", detail: "No such school in this district." },
        ]);
      return { ...base, schoolId: school.id };
    }
    return base;
  }

  /**
   * Where a resource is shared after a patch. Moving it is sharing it anew: allowed only where the actor could
   * have shared it in the first place. A patch that leaves it where it is (a form sent whole) checks nothing more.
   */
  async function placementAfter(actor: Actor, resource: ResourceRow, patch: ResourcePatch) {
    const current = { scope: resource.scope, communityId: resource.communityId, schoolId: resource.schoolId };
    const wanted: ScopeFields = {
      scope: patch.scope ?? current.scope,
      communityId: patch.communityId === undefined ? current.communityId : patch.communityId,
      schoolId: patch.schoolId === undefined ? current.schoolId : patch.schoolId,
    };
    const stays =
      wanted.scope === current.scope &&
      (wanted.scope !== "community" || wanted.communityId === current.communityId) &&
      (wanted.scope !== "school" || wanted.schoolId === current.schoolId);
    if (stays) return { ...current, moves: false };
    const problems = scopeProblems(wanted);
    if (problems.length) {
      invalid(
        "Choose where to share it.",
        problems.map((p) => ({ pointer: `/body/${p.path}`, detail: p.message })),
      );
    }
    const draft = await resolveScope(actor, wanted);
    authorize(actor, "resource.create", draft);
    return { scope: draft.scope, communityId: draft.communityId, schoolId: draft.schoolId, moves: true };
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
      const draft = await resolveScope(actor, {
        scope: input.scope,
        communityId: input.communityId ?? null,
        schoolId: input.schoolId ?? null,
      });
      authorize(actor, "resource.create", draft);
      const id = await createResource(app.db, request, {
        actor,
        upload,
        dataDir: app.config.dataDir,
        resource: {
          kind: input.kind,
          title: input.title,
          description: input.description,
          url: input.url ?? null,
          tags: distinct(input.tags, true),
          gradeLevels: distinct(input.gradeLevels),
          subjects: distinct(input.subjects),
          scope: draft.scope,
          communityId: draft.communityId,
          schoolId: draft.schoolId,
        },
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
      return presentResourceDetail(actor, resource, comments, uses);
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
      const patch = request.body;
      const merged = {
        title: patch.title ?? resource.title,
        description: patch.description ?? resource.description,
        url: patch.url === undefined ? resource.url : patch.url,
        tags: patch.tags ? distinct(patch.tags, true) : resource.tags,
        gradeLevels: patch.gradeLevels ? distinct(patch.gradeLevels) : resource.gradeLevels,
        subjects: patch.subjects ? distinct(patch.subjects) : resource.subjects,
      };
      if (resource.kind === "link" && !merged.url) {
        invalid("A link needs a web address.", [{ pointer: "/body/url", detail: "A link needs a web address." }]);
      }
      const placement = await placementAfter(actor, resource, patch);
      await app.db.transaction(async (tx) => {
        await tx
          .update(resources)
          .set({
            ...merged,
            scope: placement.scope,
            communityId: placement.communityId,
            schoolId: placement.schoolId,
            search: resourceSearchVector(merged),
            updatedAt: sql`now()`,
          })
          .where(eq(resources.id, resource.id));
        await recordAudit(tx, request, {
          action: "resource.updated",
          subjectType: "resource",
          subjectId: resource.id,
          details: {
            fields: Object.keys(patch),
            ...(placement.moves ? { from: resource.scope, to: placement.scope } : {}),
          },
        });
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
      await app.db.transaction(async (tx) => {
        await tx.delete(files).where(and(eq(files.attachedToType, "resource"), eq(files.attachedToId, resource.id)));
        await tx.delete(resources).where(eq(resources.id, resource.id));
        await recordAudit(tx, request, {
          action: "resource.deleted",
          subjectType: "resource",
          subjectId: resource.id,
          details: { title: resource.title, scope: resource.scope, fileId: resource.file?.id ?? null },
        });
      });
      // Only after the rows are gone: a file on disk without a row is harmless, a row without its file is not.
      if (resource.file) {
        await rm(storedFilePath(app.config.dataDir, resource.districtId, resource.file.storageKey), { force: true });
      }
      return { ok: true as const };
    },
  );
}
