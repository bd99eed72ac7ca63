import { randomUUID } from "node:crypto";
import { learningTargets } from "../../db/schema";
import { importFramework } from "../../features/standards/import-framework";
import { type Case, COMMUNITY_CONTRIBUTORS, type Ctx, DISTRICT, STAFF, type Targets } from "./matrix-context";

/** A one-standard CASE package; each document identifier makes a framework of its own. */
function smallPackage(documentId: string) {
  return {
    CFDocument: { identifier: documentId, title: "Matrix framework", subject: ["Mathematics"] },
    CFItems: [{ identifier: `${documentId}-1`, humanCodingScheme: "MX.1", fullStatement: "Count to 100 by ones." }],
    CFAssociations: [
      {
        identifier: `${documentId}-a1`,
        associationType: "isChildOf",
        originNodeURI: { identifier: `${documentId}-1` },
        destinationNodeURI: { identifier: documentId },
      },
    ],
  };
}

type Framework = { frameworkId: string; standardId: string };

async function freshFramework(c: Ctx, targets: Targets, documentId: string = randomUUID()): Promise<Framework> {
  const result = await importFramework(c.db, {
    districtId: targets.district.id,
    json: smallPackage(documentId),
    sourceUrl: null,
  });
  if (!("outcome" in result)) throw new Error(JSON.stringify(result));
  const standardId = await c.db.query.standards.findFirst({
    where: (s, { eq }) => eq(s.frameworkId, result.outcome.frameworkId),
  });
  return { frameworkId: result.outcome.frameworkId, standardId: standardId?.id as string };
}

const shared = new WeakMap<Targets, Promise<Framework>>();
const sharedIds = new WeakMap<Targets, Framework>();

/** One framework per district that the read-only cases share. */
function frameworkOf(c: Ctx, targets: Targets): Promise<Framework> {
  let framework = shared.get(targets);
  if (!framework) {
    framework = freshFramework(c, targets, `matrix-${targets.district.id}`).then((made) => {
      sharedIds.set(targets, made);
      return made;
    });
    shared.set(targets, framework);
  }
  return framework;
}

/** A learning target of the district's community under its shared standard. */
async function freshTarget(c: Ctx, targets: Targets): Promise<string> {
  const { standardId } = await frameworkOf(c, targets);
  const [row] = await c.db
    .insert(learningTargets)
    .values({
      districtId: targets.district.id,
      standardId,
      communityId: targets.communityId,
      statement: "I can count to 100.",
      createdById: targets.teacher.id,
    })
    .returning({ id: learningTargets.id });
  return row?.id as string;
}

const leaked = (c: Ctx) => sharedIds.get(c.other)?.standardId ?? "another district's standard";

/** Standards frameworks (CASE), browsing and search, and teams' local learning targets. */
export const standardCases: Record<string, Case> = {
  "GET /api/v1/standards/frameworks": {
    allowed: STAFF,
    own: async (c) => {
      await frameworkOf(c, c.own);
      await frameworkOf(c, c.other);
      return { url: "/api/v1/standards/frameworks" };
    },
    leakCheck: (c) => sharedIds.get(c.other)?.frameworkId ?? "another district's framework",
  },
  "POST /api/v1/standards/frameworks": {
    allowed: DISTRICT,
    own: () => ({ url: "/api/v1/standards/frameworks", payload: { package: smallPackage(randomUUID()) } }),
  },
  "GET /api/v1/standards/frameworks/:id": {
    allowed: STAFF,
    own: async (c) => ({ url: `/api/v1/standards/frameworks/${(await frameworkOf(c, c.own)).frameworkId}` }),
    other: async (c) => ({ url: `/api/v1/standards/frameworks/${(await frameworkOf(c, c.other)).frameworkId}` }),
  },
  "DELETE /api/v1/standards/frameworks/:id": {
    allowed: DISTRICT,
    own: async (c) => ({ url: `/api/v1/standards/frameworks/${(await freshFramework(c, c.own)).frameworkId}` }),
    other: async (c) => ({ url: `/api/v1/standards/frameworks/${(await freshFramework(c, c.other)).frameworkId}` }),
  },
  "GET /api/v1/standards/frameworks/:id/children": {
    allowed: STAFF,
    own: async (c) => ({ url: `/api/v1/standards/frameworks/${(await frameworkOf(c, c.own)).frameworkId}/children` }),
    other: async (c) => ({
      url: `/api/v1/standards/frameworks/${(await frameworkOf(c, c.other)).frameworkId}/children`,
    }),
  },
  "GET /api/v1/standards/frameworks/:id/tree": {
    allowed: STAFF,
    own: async (c) => ({ url: `/api/v1/standards/frameworks/${(await frameworkOf(c, c.own)).frameworkId}/tree` }),
    other: async (c) => ({ url: `/api/v1/standards/frameworks/${(await frameworkOf(c, c.other)).frameworkId}/tree` }),
  },
  "GET /api/v1/standards/search": {
    allowed: STAFF,
    own: async (c) => {
      await frameworkOf(c, c.own);
      await frameworkOf(c, c.other);
      return { url: "/api/v1/standards/search?q=MX&pageSize=200" };
    },
    leakCheck: leaked,
  },
  "GET /api/v1/standards/:id": {
    allowed: STAFF,
    own: async (c) => ({ url: `/api/v1/standards/${(await frameworkOf(c, c.own)).standardId}` }),
    other: async (c) => ({ url: `/api/v1/standards/${(await frameworkOf(c, c.other)).standardId}` }),
  },
  "POST /api/v1/standards/:id/targets": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c) => ({
      url: `/api/v1/standards/${(await frameworkOf(c, c.own)).standardId}/targets`,
      payload: { communityId: c.own.communityId, statement: "I can count by tens." },
    }),
    other: async (c) => ({
      url: `/api/v1/standards/${(await frameworkOf(c, c.other)).standardId}/targets`,
      payload: { communityId: c.other.communityId, statement: "I can count by tens." },
    }),
  },
  "PATCH /api/v1/standards/targets/:id": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c) => ({ url: `/api/v1/standards/targets/${await freshTarget(c, c.own)}`, payload: { code: "T1" } }),
    other: async (c) => ({
      url: `/api/v1/standards/targets/${await freshTarget(c, c.other)}`,
      payload: { code: "T1" },
    }),
  },
  "DELETE /api/v1/standards/targets/:id": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c) => ({ url: `/api/v1/standards/targets/${await freshTarget(c, c.own)}` }),
    other: async (c) => ({ url: `/api/v1/standards/targets/${await freshTarget(c, c.other)}` }),
  },
};
