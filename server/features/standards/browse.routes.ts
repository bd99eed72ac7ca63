import { IdParams } from "../../../contract/common";
import {
  ChildrenQuery,
  StandardDetail,
  StandardNodeList,
  StandardSearchPage,
  StandardsSearchQuery,
  TreeQuery,
} from "../../../contract/standards";
import { notFound } from "../../errors";
import { requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import type { App } from "../../types";
import { presentNode, presentTarget } from "./standards.present";
import {
  findFramework,
  findStandard,
  listAncestors,
  listChildren,
  listTree,
  searchStandards,
} from "./standards.queries";
import { listStandardTargets, listTargetCommunities } from "./targets.queries";

/** Browsing standards: a framework's tree (a level at a time, or whole), search, and one standard. */
export async function browseRoutes(app: App) {
  async function loadFramework(actor: Actor, id: string) {
    const framework = (await findFramework(app.db, id)) ?? notFound("framework");
    // The row names its id, so someone who may not read standards learns nothing: 404, not 403.
    authorize(actor, "standard.read", framework);
    return framework;
  }

  app.get(
    "/standards/frameworks/:id/children",
    {
      config: { policy: "standard.read" },
      schema: { params: IdParams, querystring: ChildrenQuery, response: { 200: StandardNodeList } },
    },
    async (request) => {
      const actor = requireActor(request);
      const framework = await loadFramework(actor, request.params.id);
      const { parentId, grade } = request.query;
      if (parentId) {
        const parent = await findStandard(app.db, parentId);
        if (!parent || parent.frameworkId !== framework.id) notFound("standard");
      }
      const rows = await listChildren(app.db, framework.id, parentId ?? null, grade);
      return { items: rows.map(presentNode) };
    },
  );

  app.get(
    "/standards/frameworks/:id/tree",
    {
      config: { policy: "standard.read" },
      schema: { params: IdParams, querystring: TreeQuery, response: { 200: StandardNodeList } },
    },
    async (request) => {
      const actor = requireActor(request);
      const framework = await loadFramework(actor, request.params.id);
      const rows = await listTree(app.db, framework.id, request.query.grade);
      return { items: rows.map(presentNode) };
    },
  );

  app.get(
    "/standards/search",
    {
      config: { policy: "standard.read" },
      schema: { querystring: StandardsSearchQuery, response: { 200: StandardSearchPage } },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "standard.read", { districtId: actor.districtId });
      const { items, total } = await searchStandards(app.db, actor.districtId, request.query);
      return {
        items: items.map((row) => ({ ...presentNode(row), frameworkTitle: row.frameworkTitle, match: row.match })),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.get(
    "/standards/:id",
    { config: { policy: "standard.read" }, schema: { params: IdParams, response: { 200: StandardDetail } } },
    async (request) => {
      const actor = requireActor(request);
      const standard = (await findStandard(app.db, request.params.id)) ?? notFound("standard");
      authorize(actor, "standard.read", standard);
      const ancestors = await listAncestors(app.db, standard.id);
      const children = await listChildren(app.db, standard.frameworkId, standard.id);
      const targets = await listStandardTargets(app.db, actor, standard.id);
      const communities = await listTargetCommunities(app.db, actor);
      return {
        ...presentNode(standard),
        caseIdentifier: standard.caseIdentifier,
        uri: standard.uri,
        conceptKeywords: standard.conceptKeywords,
        notes: standard.notes,
        framework: { id: standard.frameworkId, title: standard.frameworkTitle },
        ancestors,
        children: children.map(presentNode),
        learningTargets: targets.map((row) => presentTarget(actor, row)),
        targetCommunities: communities,
      };
    },
  );
}
