import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { compareGrades, type StandardsSearchQuery } from "../../../contract/standards";
import type { Db } from "../../db/client";
import { SEARCH_CONFIG } from "../../db/search";

export type FrameworkRow = {
  id: string;
  districtId: string;
  caseIdentifier: string;
  title: string;
  creator: string;
  publisher: string | null;
  description: string | null;
  subjects: string[];
  version: string | null;
  adoptionStatus: string | null;
  licenseUri: string | null;
  sourceUrl: string | null;
  lastChangeDateTime: string | null;
  importedAt: string;
  standardCount: number;
  grades: string[];
};

type RawFramework = Omit<FrameworkRow, "importedAt" | "grades"> & {
  importedAt: string | Date;
  grades: string[] | null;
};

const frameworkColumns = sql`f.id, f.district_id as "districtId", f.case_identifier as "caseIdentifier", f.title,
  f.creator, f.publisher, f.description, f.subjects, f.version, f.adoption_status as "adoptionStatus",
  f.license_uri as "licenseUri", f.source_url as "sourceUrl", f.last_change_date_time as "lastChangeDateTime",
  f.imported_at as "importedAt",
  (select count(*) from standards s where s.framework_id = f.id)::int as "standardCount",
  (select array_agg(distinct level) from standards s, unnest(s.education_levels) level
    where s.framework_id = f.id) as grades`;

function toFramework(raw: RawFramework): FrameworkRow {
  return { ...raw, importedAt: new Date(raw.importedAt).toISOString(), grades: (raw.grades ?? []).sort(compareGrades) };
}

function hasSubject(subject: string | undefined): SQL {
  return subject ? sql`and exists (select 1 from unnest(f.subjects) su where lower(su) = lower(${subject}))` : sql``;
}

/** The district's frameworks by title, optionally only those for one subject. */
export async function listFrameworks(db: Db, districtId: string, subject?: string): Promise<FrameworkRow[]> {
  const result = await db.execute<RawFramework>(sql`select ${frameworkColumns} from standard_frameworks f
    where f.district_id = ${districtId} ${hasSubject(subject)} order by lower(f.title), f.id`);
  return result.rows.map(toFramework);
}

export async function findFramework(db: Db, id: string): Promise<FrameworkRow | undefined> {
  const result = await db.execute<RawFramework>(sql`select ${frameworkColumns} from standard_frameworks f
    where f.id = ${id}`);
  const raw = result.rows[0];
  return raw ? toFramework(raw) : undefined;
}

/** How many learning targets and essential standards point at the framework's standards. */
export async function countFrameworkReferences(db: Db, frameworkId: string): Promise<number> {
  const result = await db.execute<{ refs: number }>(sql`select
    (select count(*) from learning_targets lt join standards s on s.id = lt.standard_id where s.framework_id = ${frameworkId})::int
  + (select count(*) from essential_standards es join standards s on s.id = es.standard_id where s.framework_id = ${frameworkId})::int
    as refs`);
  return result.rows[0]?.refs ?? 0;
}

export type NodeRow = {
  id: string;
  frameworkId: string;
  parentId: string | null;
  code: string | null;
  listEnumeration: string | null;
  statement: string;
  abbreviatedStatement: string | null;
  itemType: string | null;
  educationLevels: string[];
  position: number;
  depth: number;
  childCount: number;
};

const nodeColumns = sql`s.id, s.framework_id as "frameworkId", s.parent_id as "parentId", s.human_coding_scheme as code,
  s.list_enumeration as "listEnumeration", s.full_statement as statement,
  s.abbreviated_statement as "abbreviatedStatement", s.item_type as "itemType",
  s.education_levels as "educationLevels", s.position, s.depth`;

/**
 * The framework's nodes a grade filter lets through: those for the grade and every ancestor of one, so the
 * tree stays whole. Without a grade, every node.
 */
function visibleNodes(frameworkId: string, grade: string | undefined): SQL {
  if (!grade)
    return sql`with recursive visible as (select id, parent_id from standards where framework_id = ${frameworkId})`;
  return sql`with recursive visible as (
      select id, parent_id from standards where framework_id = ${frameworkId} and ${grade} = any(education_levels)
      union
      select p.id, p.parent_id from standards p join visible v on p.id = v.parent_id)`;
}

const childCount = sql`(select count(*) from visible c where c.parent_id = s.id)::int as "childCount"`;

/** One level of the tree: the top of the framework, or a node's children, in order. */
export async function listChildren(
  db: Db,
  frameworkId: string,
  parentId: string | null,
  grade?: string,
): Promise<NodeRow[]> {
  const parent = parentId ? sql`s.parent_id = ${parentId}` : sql`s.parent_id is null`;
  const result = await db.execute<NodeRow>(sql`${visibleNodes(frameworkId, grade)}
    select ${nodeColumns}, ${childCount} from standards s
     where s.framework_id = ${frameworkId} and ${parent} and s.id in (select id from visible)
     order by s.position, s.id`);
  return result.rows;
}

/** The whole framework as one list, parents before their children and siblings in order. */
export async function listTree(db: Db, frameworkId: string, grade?: string): Promise<NodeRow[]> {
  const result = await db.execute<NodeRow>(sql`${visibleNodes(frameworkId, grade)}
    select ${nodeColumns}, ${childCount} from standards s
     where s.framework_id = ${frameworkId} and s.id in (select id from visible)
     order by s.depth, s.position, s.id`);
  const children = new Map<string | null, NodeRow[]>();
  for (const row of result.rows) {
    const siblings = children.get(row.parentId) ?? [];
    siblings.push(row);
    children.set(row.parentId, siblings);
  }
  const ordered: NodeRow[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    ordered.push(node);
    for (const child of [...(children.get(node.id) ?? [])].reverse()) stack.push(child);
  }
  return ordered;
}

export type StandardRow = NodeRow & {
  districtId: string;
  caseIdentifier: string;
  uri: string | null;
  conceptKeywords: string[];
  notes: string | null;
  frameworkTitle: string;
};

export async function findStandard(db: Db, id: string): Promise<StandardRow | undefined> {
  const result = await db.execute<StandardRow>(sql`select ${nodeColumns}, s.district_id as "districtId",
      s.case_identifier as "caseIdentifier", s.uri, s.concept_keywords as "conceptKeywords", s.notes,
      f.title as "frameworkTitle",
      (select count(*) from standards c where c.parent_id = s.id)::int as "childCount"
    from standards s join standard_frameworks f on f.id = s.framework_id where s.id = ${id}`);
  return result.rows[0];
}

/** From the top of the framework down to the standard's parent. */
export async function listAncestors(
  db: Db,
  id: string,
): Promise<{ id: string; code: string | null; statement: string }[]> {
  const result = await db.execute<{ id: string; code: string | null; statement: string; depth: number }>(sql`
    with recursive up as (
      select p.id, p.parent_id, p.depth from standards s join standards p on p.id = s.parent_id where s.id = ${id}
      union all
      select p.id, p.parent_id, p.depth from standards p join up on p.id = up.parent_id where up.depth > 0)
    select s.id, s.human_coding_scheme as code, s.full_statement as statement, s.depth
      from up join standards s on s.id = up.id order by s.depth limit 100`);
  return result.rows.map(({ depth: _depth, ...row }) => row);
}

export type SearchHitRow = NodeRow & { frameworkTitle: string; match: "code" | "text"; total: number };

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/**
 * Standards matching a code or words. A query whose start is a human coding scheme ("RL.3", "l.4.1") finds the
 * standards whose code starts with it, shortest first; any other query is a full-text search, best match first.
 */
export async function searchStandards(db: Db, districtId: string, query: z.infer<typeof StandardsSearchQuery>) {
  const filters: SQL[] = [sql`s.district_id = ${districtId}`];
  if (query.frameworkId) filters.push(sql`s.framework_id = ${query.frameworkId}`);
  if (query.grade) filters.push(sql`${query.grade} = any(s.education_levels)`);
  if (query.subject) filters.push(sql`true ${hasSubject(query.subject)}`);
  const where = sql.join(filters, sql` and `);
  const page = sql`limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`;
  const select = sql`select ${nodeColumns}, f.title as "frameworkTitle", count(*) over ()::int as total,
    (select count(*) from standards c where c.parent_id = s.id)::int as "childCount"
    from standards s join standard_frameworks f on f.id = s.framework_id`;

  if (!/\s/.test(query.q)) {
    const prefix = `${escapeLike(query.q.toLowerCase())}%`;
    const byCode = await db.execute<Omit<SearchHitRow, "match">>(sql`${select}
      where ${where} and lower(s.human_coding_scheme) like ${prefix}
      order by lower(s.human_coding_scheme) = ${query.q.toLowerCase()} desc, length(s.human_coding_scheme),
               s.human_coding_scheme, f.title, s.id ${page}`);
    if (byCode.rows.length || query.page > 1) {
      const hits = byCode.rows.map((row) => ({ ...row, match: "code" as const }));
      if (hits.length || (await countCodeMatches(db, where, prefix)) > 0)
        return { items: hits, total: hits[0]?.total ?? 0 };
    }
  }
  const words = sql`websearch_to_tsquery(${SEARCH_CONFIG}, ${query.q})`;
  const byText = await db.execute<Omit<SearchHitRow, "match">>(sql`${select}
    where ${where} and s.search @@ ${words}
    order by ts_rank_cd(s.search, ${words}) desc, s.depth, s.human_coding_scheme, s.id ${page}`);
  const hits = byText.rows.map((row) => ({ ...row, match: "text" as const }));
  return { items: hits, total: hits[0]?.total ?? 0 };
}

async function countCodeMatches(db: Db, where: SQL, prefix: string): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from standards s
    join standard_frameworks f on f.id = s.framework_id where ${where} and lower(s.human_coding_scheme) like ${prefix}`);
  return result.rows[0]?.n ?? 0;
}

/** True when a delete failed because another row still points at the one deleted (PostgreSQL 23503). */
export function isStillReferenced(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23503") return true;
  }
  return false;
}
