import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  EvidenceLevel,
  ResourceComment,
  ResourceKind,
  ResourceScope,
  ResourcesQuery,
  ResourceUse,
} from "../../../contract/library";
import type { Db } from "../../db/client";
import { SEARCH_CONFIG } from "../../db/search";
import type { Actor } from "../../policy/actor";
import { visibleResourcesFilter } from "../../policy/resource-scope";
import type { ResourceTarget } from "../../policy/rules";

export type StoredFileRow = { id: string; name: string; contentType: string; byteSize: number; storageKey: string };

export type ResourceRow = {
  id: string;
  districtId: string;
  kind: ResourceKind;
  title: string;
  description: string;
  url: string | null;
  tags: string[];
  gradeLevels: string[];
  subjects: string[];
  scope: ResourceScope;
  communityId: string | null;
  communityName: string | null;
  communitySchoolIds: string[];
  schoolId: string | null;
  schoolName: string | null;
  createdById: string | null;
  createdByName: string | null;
  createdAt: string;
  file: StoredFileRow | null;
  averageUsefulness: number | null;
  ratingCount: number;
  myRating: number | null;
  useCount: number;
  commentCount: number;
  evidenceLevel: EvidenceLevel | null;
  evidenceSource: string | null;
};

type RawResource = {
  id: string;
  district_id: string;
  kind: ResourceKind;
  title: string;
  description: string;
  url: string | null;
  tags: string[];
  grade_levels: string[];
  subjects: string[];
  scope: ResourceScope;
  community_id: string | null;
  community_name: string | null;
  community_school_ids: string[] | null;
  school_id: string | null;
  school_name: string | null;
  created_by_id: string | null;
  created_by_name: string | null;
  created_at: string | Date;
  file: StoredFileRow | null;
  average_usefulness: number | null;
  rating_count: number;
  my_rating: number | null;
  use_count: number;
  comment_count: number;
  evidence_level: EvidenceLevel | null;
  evidence_source: string | null;
  total?: number;
};

function columns(actor: Actor): SQL {
  return sql`r.id, r.district_id, r.kind, r.title, r.description, r.url, r.tags, r.grade_levels, r.subjects, r.scope,
    r.community_id, com.name as community_name, r.school_id, s.name as school_name,
    r.created_by_id, p.display_name as created_by_name, r.created_at, r.evidence_level, r.evidence_source,
    (select array_agg(cs.school_id::text) from community_schools cs where cs.community_id = r.community_id)
      as community_school_ids,
    (select json_build_object('id', f.id, 'name', f.original_name, 'contentType', f.content_type,
            'byteSize', f.byte_size, 'storageKey', f.storage_key)
       from files f where f.attached_to_type = 'resource' and f.attached_to_id = r.id
      order by f.created_at limit 1) as file,
    (select avg(rr.usefulness)::float8 from resource_ratings rr where rr.resource_id = r.id) as average_usefulness,
    (select count(*)::int from resource_ratings rr where rr.resource_id = r.id) as rating_count,
    (select rr.usefulness::int from resource_ratings rr
      where rr.resource_id = r.id and rr.person_id = ${actor.personId}) as my_rating,
    (select count(*)::int from resource_uses u where u.resource_id = r.id) as use_count,
    (select count(*)::int from resource_comments rc where rc.resource_id = r.id) as comment_count`;
}

const joins = sql`resources r left join communities com on com.id = r.community_id
  left join schools s on s.id = r.school_id left join people p on p.id = r.created_by_id`;

function toRow(raw: RawResource): ResourceRow {
  return {
    id: raw.id,
    districtId: raw.district_id,
    kind: raw.kind,
    title: raw.title,
    description: raw.description,
    url: raw.url,
    tags: raw.tags,
    gradeLevels: raw.grade_levels,
    subjects: raw.subjects,
    scope: raw.scope,
    communityId: raw.community_id,
    communityName: raw.community_name,
    communitySchoolIds: raw.community_school_ids ?? [],
    schoolId: raw.school_id,
    schoolName: raw.school_name,
    createdById: raw.created_by_id,
    createdByName: raw.created_by_name,
    createdAt: new Date(raw.created_at).toISOString(),
    file: raw.file,
    averageUsefulness: raw.average_usefulness,
    ratingCount: raw.rating_count,
    myRating: raw.my_rating,
    useCount: raw.use_count,
    commentCount: raw.comment_count,
    evidenceLevel: raw.evidence_level,
    evidenceSource: raw.evidence_source,
  };
}

/** The shape the policy rules judge a resource by. */
export function resourceTarget(row: ResourceRow): ResourceTarget {
  return {
    districtId: row.districtId,
    id: row.id,
    scope: row.scope,
    schoolId: row.schoolId,
    createdById: row.createdById,
    community: row.communityId
      ? { districtId: row.districtId, id: row.communityId, schoolIds: row.communitySchoolIds }
      : null,
  };
}

/** The search vector of a resource: title and tags weigh most, then subjects, then the description. */
export function resourceSearchVector(r: { title: string; description: string; tags: string[]; subjects: string[] }) {
  return sql`setweight(to_tsvector(${SEARCH_CONFIG}, ${r.title}), 'A')
    || setweight(to_tsvector(${SEARCH_CONFIG}, ${r.tags.join(" ")}), 'A')
    || setweight(to_tsvector(${SEARCH_CONFIG}, ${r.subjects.join(" ")}), 'B')
    || setweight(to_tsvector(${SEARCH_CONFIG}, ${r.description}), 'C')`;
}

/** One resource as the actor sees it (with their own rating), or undefined; the caller authorizes. */
export async function findResource(db: Db, actor: Actor, id: string): Promise<ResourceRow | undefined> {
  const result = await db.execute<RawResource>(sql`select ${columns(actor)} from ${joins} where r.id = ${id}`);
  const raw = result.rows[0];
  return raw ? toRow(raw) : undefined;
}

/** A page of the resources the actor may see, filtered, searched and sorted. */
export async function listResources(db: Db, actor: Actor, query: z.infer<typeof ResourcesQuery>) {
  const filters: SQL[] = [visibleResourcesFilter(actor)];
  const words = query.q ? sql`websearch_to_tsquery(${SEARCH_CONFIG}, ${query.q})` : undefined;
  if (words) filters.push(sql`r.search @@ ${words}`);
  if (query.kind) filters.push(sql`r.kind = ${query.kind}`);
  if (query.scope) filters.push(sql`r.scope = ${query.scope}`);
  if (query.communityId) filters.push(sql`r.community_id = ${query.communityId}`);
  if (query.tag) filters.push(sql`${query.tag.toLowerCase()} = any(r.tags)`);
  if (query.gradeLevel) filters.push(sql`${query.gradeLevel} = any(r.grade_levels)`);
  if (query.subject) {
    filters.push(
      sql`exists (select 1 from unnest(r.subjects) subject where lower(subject) = ${query.subject.toLowerCase()})`,
    );
  }
  const order =
    query.sort === "useful"
      ? sql`average_usefulness desc nulls last, rating_count desc, r.created_at desc`
      : query.sort === "relevance" && words
        ? sql`ts_rank(r.search, ${words}) desc, r.created_at desc`
        : sql`r.created_at desc`;
  const result = await db.execute<RawResource>(sql`
    select ${columns(actor)}, count(*) over () as total from ${joins}
     where ${sql.join(filters, sql` and `)}
     order by ${order}, r.id
     limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`);
  return { items: result.rows.map(toRow), total: result.rows[0]?.total ?? 0 };
}

type RawComment = {
  id: string;
  author_id: string | null;
  author_name: string | null;
  body: string;
  created_at: string | Date;
};

/** A resource's comments, oldest first. */
export async function listComments(db: Db, resourceId: string): Promise<ResourceComment[]> {
  const result = await db.execute<RawComment>(sql`
    select rc.id, rc.author_id, p.display_name as author_name, rc.body, rc.created_at
      from resource_comments rc left join people p on p.id = rc.author_id
     where rc.resource_id = ${resourceId} order by rc.created_at, rc.id limit 1000`);
  return result.rows.map((r) => ({
    id: r.id,
    author: r.author_id ? { id: r.author_id, name: r.author_name ?? "" } : null,
    body: r.body,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

type RawUse = {
  id: string;
  person_id: string;
  person_name: string | null;
  used_on: string;
  reflection: string;
  created_at: string | Date;
};

/** Who used a resource in their classroom, and what they made of it; most recent first. */
export async function listUses(db: Db, resourceId: string): Promise<ResourceUse[]> {
  const result = await db.execute<RawUse>(sql`
    select u.id, u.person_id, p.display_name as person_name, u.used_on::text as used_on, u.reflection, u.created_at
      from resource_uses u left join people p on p.id = u.person_id
     where u.resource_id = ${resourceId} order by u.used_on desc, u.created_at desc limit 1000`);
  return result.rows.map((r) => ({
    id: r.id,
    person: { id: r.person_id, name: r.person_name ?? "" },
    usedOn: r.used_on,
    reflection: r.reflection,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** The school's id as stored, when it is one of the district's schools (a resource is shared only there). */
export async function findDistrictSchoolId(db: Db, districtId: string, schoolId: string): Promise<string | undefined> {
  const result = await db.execute<{ id: string }>(
    sql`select id from schools where id = ${schoolId} and district_id = ${districtId}`,
  );
  return result.rows[0]?.id;
}
