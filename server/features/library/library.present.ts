import type { Resource, ResourceComment, ResourceDetail, ResourceUse } from "../../../contract/library";
import type { Actor } from "../../policy/actor";
import { can } from "../../policy/authorize";
import type { StrategyCycleStats } from "../cycles/cycle-record";
import { type ResourceRow, resourceTarget } from "./library.queries";

/** A resource as the library lists it, with what the actor may do with it. */
export function presentResource(actor: Actor, row: ResourceRow): Resource {
  const target = resourceTarget(row);
  const interacts = can(actor, "resource.interact", target);
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    url: row.url,
    tags: row.tags,
    gradeLevels: row.gradeLevels,
    subjects: row.subjects,
    scope: row.scope,
    communityId: row.communityId,
    communityName: row.communityName,
    schoolId: row.schoolId,
    schoolName: row.schoolName,
    createdBy: row.createdById ? { id: row.createdById, name: row.createdByName ?? "" } : null,
    createdAt: row.createdAt,
    file: row.file
      ? { id: row.file.id, name: row.file.name, contentType: row.file.contentType, byteSize: row.file.byteSize }
      : null,
    averageUsefulness: row.averageUsefulness === null ? null : Math.round(row.averageUsefulness * 10) / 10,
    ratingCount: row.ratingCount,
    myRating: row.myRating,
    useCount: row.useCount,
    commentCount: row.commentCount,
    evidenceLevel: row.evidenceLevel,
    evidenceSource: row.evidenceSource,
    can: {
      update: can(actor, "resource.update", target),
      delete: can(actor, "resource.delete", target),
      comment: interacts,
      rate: interacts,
      use: interacts,
    },
  };
}

/**
 * A resource's page: the resource, its comments and the classroom uses recorded for it; a strategy's count of
 * finished cycles that chose it only for those who read the district's cycle record.
 */
export function presentResourceDetail(
  actor: Actor,
  row: ResourceRow,
  activity: { comments: ResourceComment[]; uses: ResourceUse[]; cycles: StrategyCycleStats | undefined },
): ResourceDetail {
  const readsRecord = can(actor, "cycle.readRecord", { districtId: row.districtId });
  const cycles = row.kind === "strategy" && readsRecord ? activity.cycles : undefined;
  return {
    ...presentResource(actor, row),
    comments: activity.comments,
    uses: activity.uses,
    finishedCycleCount: cycles?.finishedCycles ?? null,
    finishedCycleMedianGain: cycles?.medianGain ?? null,
  };
}

/** A comment the actor just wrote. */
export function presentNewComment(actor: Actor, row: { id: string; body: string; createdAt: Date }): ResourceComment {
  return {
    id: row.id,
    author: { id: actor.personId, name: actor.displayName },
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A classroom use the actor just recorded. */
export function presentNewUse(
  actor: Actor,
  row: { id: string; usedOn: string; reflection: string; createdAt: Date },
): ResourceUse {
  return {
    id: row.id,
    person: { id: actor.personId, name: actor.displayName },
    usedOn: row.usedOn,
    reflection: row.reflection,
    createdAt: row.createdAt.toISOString(),
  };
}
