import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Actor } from "../../policy/actor";
import { can } from "../../policy/authorize";
import { visibleCommunitiesFilter } from "../../policy/community-scope";
import type { LearningTargetTarget } from "../../policy/rules";

export type TargetRow = {
  id: string;
  districtId: string;
  standardId: string | null;
  communityId: string | null;
  communityName: string | null;
  communitySchoolIds: string[] | null;
  essentialStandardId: string | null;
  code: string | null;
  statement: string;
  position: number;
  createdById: string | null;
  createdByName: string | null;
  createdAt: string | Date;
  updatedAt: string | Date;
};

const targetColumns = sql`lt.id, lt.district_id as "districtId", lt.standard_id as "standardId",
  lt.community_id as "communityId", c.name as "communityName",
  (select array_agg(cs.school_id::text) from community_schools cs where cs.community_id = lt.community_id)
    as "communitySchoolIds",
  lt.essential_standard_id as "essentialStandardId", lt.code, lt.statement, lt.position,
  lt.created_by_id as "createdById", p.display_name as "createdByName", lt.created_at as "createdAt",
  lt.updated_at as "updatedAt"`;

const targetJoins = sql`learning_targets lt left join communities c on c.id = lt.community_id
  left join people p on p.id = lt.created_by_id`;

/** The shape the policy rules judge a learning target by. */
export function targetOf(row: TargetRow): LearningTargetTarget & { id: string } {
  return {
    id: row.id,
    districtId: row.districtId,
    community: row.communityId
      ? { districtId: row.districtId, id: row.communityId, schoolIds: row.communitySchoolIds ?? [] }
      : null,
  };
}

export async function findTarget(db: Db, id: string): Promise<TargetRow | undefined> {
  const result = await db.execute<TargetRow>(sql`select ${targetColumns} from ${targetJoins} where lt.id = ${id}`);
  return result.rows[0];
}

/**
 * The local learning targets under a standard the actor may see: district-wide ones, and those of the
 * communities the actor may read. Targets that unpack an essential standard live with that standard instead.
 */
export async function listStandardTargets(db: Db, actor: Actor, standardId: string): Promise<TargetRow[]> {
  const result = await db.execute<TargetRow>(sql`select ${targetColumns} from ${targetJoins}
    where lt.standard_id = ${standardId} and lt.district_id = ${actor.districtId} and lt.essential_standard_id is null
      and (lt.community_id is null or (${visibleCommunitiesFilter(actor)}))
    order by c.name nulls first, lt.position, lt.created_at, lt.id`);
  return result.rows;
}

/** The next position for a community's targets under a standard: after the last one. */
export async function nextTargetPosition(db: Db, standardId: string, communityId: string): Promise<number> {
  const result = await db.execute<{ next: number }>(sql`select coalesce(max(position) + 1, 0)::int as next
    from learning_targets where standard_id = ${standardId} and community_id = ${communityId}
      and essential_standard_id is null`);
  return result.rows[0]?.next ?? 0;
}

/** The open communities in which the actor may write learning targets (members other than guests, managers). */
export async function listTargetCommunities(db: Db, actor: Actor): Promise<{ id: string; name: string }[]> {
  const result = await db.execute<{ id: string; name: string; schoolIds: string[] | null }>(sql`
    select c.id, c.name,
           (select array_agg(cs.school_id::text) from community_schools cs where cs.community_id = c.id) as "schoolIds"
      from communities c
     where ${visibleCommunitiesFilter(actor)} and c.archived_at is null
     order by lower(c.name), c.id`);
  return result.rows
    .filter((row) =>
      can(actor, "community.contribute", { districtId: actor.districtId, id: row.id, schoolIds: row.schoolIds ?? [] }),
    )
    .map(({ id, name }) => ({ id, name }));
}
