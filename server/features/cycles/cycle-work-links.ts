import type { Db } from "../../db/client";
import type { Actor } from "../../policy/actor";
import { can } from "../../policy/authorize";
import { findCommunity } from "../communities/communities.queries";
import { findResource, resourceTarget } from "../library/library.queries";
import { listVisits, visitTarget } from "../visits/visits.queries";
import { findProtocolCommunityId } from "./cycle-work.queries";

type FieldError = { pointer: string; detail: string };

/** The items a learning-log entry may link to. */
export type LearningLinks = { protocolId?: string | null; resourceId?: string | null; visitId?: string | null };

/**
 * Each linked item must be one the actor may read, in their district: a protocol of a team they read, a
 * library resource they read, a visit they take part in. Returns a problem per field, never whether it exists.
 */
export async function learningLinkProblems(db: Db, actor: Actor, links: LearningLinks): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  if (links.protocolId) {
    const communityId = await findProtocolCommunityId(db, links.protocolId);
    const community = communityId ? await findCommunity(db, communityId) : undefined;
    if (!community || !can(actor, "community.read", community))
      problems.push({ pointer: "/body/protocolId", detail: "Choose a protocol of one of your teams." });
  }
  if (links.resourceId) {
    const resource = await findResource(db, actor, links.resourceId);
    if (!resource || !can(actor, "resource.read", resourceTarget(resource)))
      problems.push({ pointer: "/body/resourceId", detail: "Choose a library resource you can open." });
  }
  if (links.visitId) {
    const [visit] = await listVisits(db, { id: links.visitId });
    if (!visit || !can(actor, "visit.read", visitTarget(visit)))
      problems.push({ pointer: "/body/visitId", detail: "Choose a classroom visit you took part in." });
  }
  return problems;
}

/** Of the items these entries link to, the ones the actor may open (each judged like a new link). */
export async function readableLinkIds(db: Db, actor: Actor, entries: LearningLinks[]): Promise<Set<string>> {
  const readable = new Set<string>();
  const seen = new Set<string>();
  for (const entry of entries) {
    for (const key of ["protocolId", "resourceId", "visitId"] as const) {
      const id = entry[key];
      if (!id || seen.has(id)) continue;
      seen.add(id);
      if (!(await learningLinkProblems(db, actor, { [key]: id })).length) readable.add(id);
    }
  }
  return readable;
}
