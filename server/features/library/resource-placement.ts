import { type ResourcePatch, type ResourceScope, scopeProblems } from "../../../contract/library";
import type { Db } from "../../db/client";
import { invalid, notFound } from "../../errors";
import type { Actor } from "../../policy/actor";
import { authorize, can } from "../../policy/authorize";
import type { ResourceDraft } from "../../policy/rules";
import { findCommunity } from "../communities/communities.queries";
import { findDistrictSchoolId, type ResourceRow } from "./library.queries";

export type ScopeFields = { scope: ResourceScope; communityId: string | null; schoolId: string | null };

/** Where a resource is to be shared, checked against the district: a community one may see, a real school. */
export async function resolveScope(db: Db, actor: Actor, fields: ScopeFields): Promise<ResourceDraft & ScopeFields> {
  const base = {
    districtId: actor.districtId,
    scope: fields.scope,
    communityId: null,
    schoolId: null,
    community: null,
  };
  if (fields.scope === "community" && fields.communityId) {
    const community = await findCommunity(db, fields.communityId);
    if (!community || !can(actor, "community.read", community)) notFound("community");
    return { ...base, communityId: community.id, community };
  }
  if (fields.scope === "school" && fields.schoolId) {
    const schoolId = await findDistrictSchoolId(db, actor.districtId, fields.schoolId);
    if (!schoolId)
      invalid("That school is not valid.", [{ pointer: "/body/schoolId", detail: "No such school in this district." }]);
    return { ...base, schoolId };
  }
  return base;
}

/**
 * Where a resource is shared after a patch. Moving it is sharing it anew: allowed only where the actor could
 * have shared it in the first place. A patch that leaves it where it is (a form sent whole) checks nothing more.
 */
export async function placementAfter(db: Db, actor: Actor, resource: ResourceRow, patch: ResourcePatch) {
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
  const draft = await resolveScope(db, actor, wanted);
  authorize(actor, "resource.create", draft);
  return { scope: draft.scope, communityId: draft.communityId, schoolId: draft.schoolId, moves: true };
}

/** Where a resource ends up after a patch (placementAfter). */
export type Placement = Awaited<ReturnType<typeof placementAfter>>;
