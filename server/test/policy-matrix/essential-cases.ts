import type { RoleName } from "../../../contract/people";
import { buildEssentialStandard, buildStandard } from "../evidence-factories";
import { type Case, COMMUNITY_CONTRIBUTORS, COMMUNITY_READERS, type Ctx, type Targets } from "./matrix-context";

type Fixture = { standardId: string; essentialId: string; targetId: string };

const built = new WeakMap<Targets, Promise<Fixture>>();

/** In each district's community: an essential standard with one learning target. */
function essentialFixture(c: Ctx, targets: Targets): Promise<Fixture> {
  let fixture = built.get(targets);
  if (!fixture) {
    fixture = freshEssential(c, targets);
    built.set(targets, fixture);
  }
  return fixture;
}

async function freshEssential(c: Ctx, targets: Targets): Promise<Fixture> {
  const essential = await buildEssentialStandard(c.db, targets.district, {
    communityId: targets.communityId,
    unitTitle: `Unit ${c.unique()}`,
  });
  return { standardId: essential.standardId, essentialId: essential.id, targetId: essential.targets[0]?.id as string };
}

type Aim = (f: Fixture, c: Ctx, targets: Targets) => { url: string; payload?: unknown };

function essentialCase(allowed: readonly RoleName[], aim: Aim, options: { isFresh?: boolean } = {}): Case {
  const request = async (c: Ctx, targets: Targets) =>
    aim(options.isFresh ? await freshEssential(c, targets) : await essentialFixture(c, targets), c, targets);
  return { allowed, own: (c) => request(c, c.own), other: (c) => request(c, c.other) };
}

/** Essential standards, their scales and the learning targets a team unpacks them into. */
export const essentialCases: Record<string, Case> = {
  "GET /api/v1/communities/:id/essential-standards": essentialCase(COMMUNITY_READERS, (_f, _c, t) => ({
    url: `/api/v1/communities/${t.communityId}/essential-standards`,
  })),
  "POST /api/v1/communities/:id/essential-standards": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c) => ({
      url: `/api/v1/communities/${c.own.communityId}/essential-standards`,
      payload: { standardId: (await buildStandard(c.db, c.own.district)).id, unitTitle: `Unit ${c.unique()}` },
    }),
    other: async (c) => ({
      url: `/api/v1/communities/${c.other.communityId}/essential-standards`,
      payload: { standardId: (await buildStandard(c.db, c.other.district)).id },
    }),
  },
  "GET /api/v1/essential-standards/:id": essentialCase(COMMUNITY_READERS, (f) => ({
    url: `/api/v1/essential-standards/${f.essentialId}`,
  })),
  "PATCH /api/v1/essential-standards/:id": essentialCase(COMMUNITY_CONTRIBUTORS, (f) => ({
    url: `/api/v1/essential-standards/${f.essentialId}`,
    payload: { rationale: "Leverage and endurance." },
  })),
  "DELETE /api/v1/essential-standards/:id": essentialCase(
    COMMUNITY_CONTRIBUTORS,
    (f) => ({ url: `/api/v1/essential-standards/${f.essentialId}` }),
    { isFresh: true },
  ),
  "POST /api/v1/essential-standards/:id/targets": essentialCase(COMMUNITY_CONTRIBUTORS, (f) => ({
    url: `/api/v1/essential-standards/${f.essentialId}/targets`,
    payload: { statement: "I can explain my thinking." },
  })),
  "PATCH /api/v1/learning-targets/:id": essentialCase(COMMUNITY_CONTRIBUTORS, (f) => ({
    url: `/api/v1/learning-targets/${f.targetId}`,
    payload: { statement: "I can find the main idea." },
  })),
  "DELETE /api/v1/learning-targets/:id": essentialCase(
    COMMUNITY_CONTRIBUTORS,
    (f) => ({ url: `/api/v1/learning-targets/${f.targetId}` }),
    { isFresh: true },
  ),
};
