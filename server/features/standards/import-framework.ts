import { randomUUID } from "node:crypto";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { AuditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { standardFrameworks, standards } from "../../db/schema";
import { SEARCH_CONFIG } from "../../db/search";
import { type CFPackage, type PackageProblem, readCasePackage } from "./case-package";
import { type FrameworkPlan, type PlannedNode, planFramework } from "./case-tree";

export type ImportOutcome = {
  frameworkId: string;
  created: boolean;
  counts: {
    items: number;
    associations: number;
    hierarchyAssociations: number;
    inserted: number;
    updated: number;
    deleted: number;
  };
  kept: { caseIdentifier: string; code: string | null; references: number }[];
  /** The framework's title before and after, when a re-import changed it (another package with the same id?). */
  titleChanged: { from: string; to: string } | null;
  warnings: PackageProblem[];
};

/** A re-import that would remove standards, refused until the importer confirms with `allowRemovals`. */
export type RemovalsToConfirm = { title: string; removing: number; standards: number; codes: string[] };

export type ImportInput = {
  districtId: string;
  /** The package as parsed JSON, not yet checked. */
  json: unknown;
  /** Where it was fetched from, when it came by URL. */
  sourceUrl: string | null;
  /** A re-import may remove standards gone from the package only when this is set. */
  allowRemovals?: boolean;
};

/** Thrown inside the transaction to roll it back when removals need a confirmation. */
class RemovalsNeedConfirmation extends Error {
  constructor(readonly removals: RemovalsToConfirm) {
    super("removals need confirmation");
  }
}

/** Rows per INSERT: well below PostgreSQL's 65,535 parameters per statement. */
const BATCH = 400;

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/** What the search box matches: the code and keywords weigh most, then the statements. */
export function standardSearchVector(code: string | null, statement: string, keywords: string[]): SQL {
  return sql`setweight(to_tsvector(${SEARCH_CONFIG}, ${code ?? ""}), 'A')
    || setweight(to_tsvector(${SEARCH_CONFIG}, ${keywords.join(" ")}), 'A')
    || setweight(to_tsvector(${SEARCH_CONFIG}, ${statement}), 'B')`;
}

const excluded = (column: string) => sql.raw(`excluded.${column}`);

/** The columns a re-import compares to tell a changed standard from an unchanged one (search follows from them). */
const COMPARED = [
  "uri",
  "parent_id",
  "human_coding_scheme",
  "list_enumeration",
  "full_statement",
  "abbreviated_statement",
  "item_type",
  "education_levels",
  "concept_keywords",
  "notes",
  "position",
  "depth",
];

function standardRow(node: PlannedNode, ids: Map<string, string>, districtId: string, frameworkId: string) {
  const { item } = node;
  return {
    id: ids.get(item.identifier) as string,
    districtId,
    frameworkId,
    caseIdentifier: item.identifier,
    uri: item.uri ?? null,
    parentId: node.parentIdentifier ? (ids.get(node.parentIdentifier) as string) : null,
    humanCodingScheme: item.humanCodingScheme ?? null,
    listEnumeration: item.listEnumeration ?? null,
    fullStatement: item.fullStatement,
    abbreviatedStatement: item.abbreviatedStatement ?? item.alternativeLabel ?? null,
    itemType: node.itemType ?? null,
    educationLevels: item.educationLevel,
    conceptKeywords: item.conceptKeywords,
    notes: item.notes ?? null,
    position: node.position,
    depth: node.depth,
    search: standardSearchVector(item.humanCodingScheme ?? null, item.fullStatement, item.conceptKeywords),
  };
}

/**
 * Imports a CASE 1.0 CFPackage into the district's standards, in one transaction. The CFDocument identifier
 * names the framework and each CFItem identifier a standard, so importing again updates in place, and counts only
 * the standards that changed. Standards gone from the package are deleted, but only when the importer allows
 * removals (else nothing lands and the removals come back to confirm); those learning targets or essential
 * standards use are kept and reported. A package that is not valid lands nothing and comes back as problems.
 */
export async function importFramework(
  db: Db,
  input: ImportInput,
  context?: AuditContext,
): Promise<{ outcome: ImportOutcome } | { problems: PackageProblem[] } | { removals: RemovalsToConfirm }> {
  const read = readCasePackage(input.json);
  if ("problems" in read) return read;
  const planned = planFramework(read.pkg);
  if ("problems" in planned) return planned;
  const { pkg } = read;
  const outcome = await db
    .transaction(async (tx) => {
      const result = await writeFramework(tx, input, pkg, planned.plan);
      if (context) {
        await recordAudit(tx, context, {
          action: result.created ? "standard_framework.imported" : "standard_framework.reimported",
          subjectType: "standard_framework",
          subjectId: result.frameworkId,
          details: {
            title: pkg.CFDocument.title,
            caseIdentifier: pkg.CFDocument.identifier,
            sourceUrl: input.sourceUrl,
            ...result.counts,
            ...(result.titleChanged ? { titleChanged: result.titleChanged } : {}),
          },
        });
      }
      return result;
    })
    .catch((error: unknown) => {
      if (error instanceof RemovalsNeedConfirmation) return error.removals;
      throw error;
    });
  return "frameworkId" in outcome ? { outcome } : { removals: outcome };
}

async function writeFramework(tx: Db, input: ImportInput, pkg: CFPackage, plan: FrameworkPlan): Promise<ImportOutcome> {
  const document = pkg.CFDocument;
  const fields = {
    uri: document.uri ?? null,
    title: document.title.trim(),
    creator: document.creator ?? "",
    publisher: document.publisher ?? null,
    description: document.description ?? null,
    subjects: document.subject,
    language: document.language ?? null,
    version: document.version ?? null,
    adoptionStatus: document.adoptionStatus ?? null,
    licenseUri: document.licenseURI?.uri ?? null,
    sourceUrl: input.sourceUrl ?? document.officialSourceURL ?? null,
    lastChangeDateTime: document.lastChangeDateTime ?? null,
  };
  const [previous] = await tx
    .select({ title: standardFrameworks.title })
    .from(standardFrameworks)
    .where(
      and(
        eq(standardFrameworks.districtId, input.districtId),
        eq(standardFrameworks.caseIdentifier, document.identifier),
      ),
    );
  // The upsert takes the framework's row lock, so two imports of one framework run one after the other.
  const [framework] = await tx
    .insert(standardFrameworks)
    .values({ districtId: input.districtId, caseIdentifier: document.identifier, ...fields })
    .onConflictDoUpdate({
      target: [standardFrameworks.districtId, standardFrameworks.caseIdentifier],
      set: { ...fields, importedAt: sql`now()` },
    })
    .returning({ id: standardFrameworks.id, created: sql<boolean>`xmax = 0` });
  if (!framework) throw new Error("framework upsert returned nothing");

  const existing = await tx
    .select({ id: standards.id, caseIdentifier: standards.caseIdentifier, code: standards.humanCodingScheme })
    .from(standards)
    .where(eq(standards.frameworkId, framework.id));
  const inPackage = new Set(plan.nodes.map((node) => node.item.identifier));
  const removed = existing.filter((row) => !inPackage.has(row.caseIdentifier));
  if (removed.length && !input.allowRemovals) {
    throw new RemovalsNeedConfirmation({
      title: previous?.title ?? fields.title,
      removing: removed.length,
      standards: existing.length,
      codes: removed.slice(0, 5).map((row) => row.code ?? row.caseIdentifier),
    });
  }
  const ids = new Map(existing.map((row) => [row.caseIdentifier, row.id]));
  for (const node of plan.nodes) if (!ids.has(node.item.identifier)) ids.set(node.item.identifier, randomUUID());

  let inserted = 0;
  let updated = 0;
  for (const batch of chunks(plan.nodes, BATCH)) {
    const rows = await tx
      .insert(standards)
      .values(batch.map((node) => standardRow(node, ids, input.districtId, framework.id)))
      .onConflictDoUpdate({
        target: [standards.frameworkId, standards.caseIdentifier],
        set: {
          uri: excluded("uri"),
          parentId: excluded("parent_id"),
          humanCodingScheme: excluded("human_coding_scheme"),
          listEnumeration: excluded("list_enumeration"),
          fullStatement: excluded("full_statement"),
          abbreviatedStatement: excluded("abbreviated_statement"),
          itemType: excluded("item_type"),
          educationLevels: excluded("education_levels"),
          conceptKeywords: excluded("concept_keywords"),
          notes: excluded("notes"),
          position: excluded("position"),
          depth: excluded("depth"),
          search: excluded("search"),
        },
        // Only a standard that differs is written (and counted as updated).
        setWhere: sql`(${sql.join(
          COMPARED.map((column) => sql.raw(`standards.${column}`)),
          sql`, `,
        )}) is distinct from (${sql.join(
          COMPARED.map((column) => sql.raw(`excluded.${column}`)),
          sql`, `,
        )})`,
      })
      .returning({ created: sql<boolean>`xmax = 0` });
    inserted += rows.filter((row) => row.created).length;
    updated += rows.filter((row) => !row.created).length;
  }

  await adoptPlaceholderTargets(tx, input.districtId, framework.id);

  const kept = await keepReferenced(tx, removed);
  const keptIds = new Set(kept.map((row) => row.id));
  const deletable = removed.filter((row) => !keptIds.has(row.id)).map((row) => row.id);
  for (const batch of chunks(deletable, 1000)) await tx.delete(standards).where(inArray(standards.id, batch));
  if (kept.length) {
    // A kept standard whose parent left the package moves to the top of the framework, after what is there.
    await tx
      .update(standards)
      .set({ parentId: null, depth: 0, position: sql`${plan.nodes.length} + ${standards.position}` })
      .where(
        and(
          eq(standards.frameworkId, framework.id),
          sql`${standards.parentId} is not null`,
          sql`not exists (select 1 from standards p where p.id = ${standards.parentId})`,
        ),
      );
  }

  return {
    frameworkId: framework.id,
    created: framework.created,
    counts: {
      items: pkg.CFItems.length,
      associations: pkg.CFAssociations.length,
      hierarchyAssociations: plan.hierarchyAssociations,
      inserted,
      updated,
      deleted: deletable.length,
    },
    kept: kept.map((row) => ({ caseIdentifier: row.caseIdentifier, code: row.code, references: row.references })),
    titleChanged: previous && previous.title !== fields.title ? { from: previous.title, to: fields.title } : null,
    warnings: plan.warnings,
  };
}

type RemovedRow = { id: string; caseIdentifier: string; code: string | null };

/** The removed standards that learning targets or essential standards still point at. */
async function keepReferenced(tx: Db, removed: RemovedRow[]): Promise<(RemovedRow & { references: number })[]> {
  const kept: (RemovedRow & { references: number })[] = [];
  for (const batch of chunks(removed, 1000)) {
    const result = await tx.execute<{ id: string; refs: number }>(sql`
      select s.id,
             (select count(*) from learning_targets lt where lt.standard_id = s.id)::int
           + (select count(*) from essential_standards es where es.standard_id = s.id)::int as refs
        from standards s
       where s.id in (${sql.join(
         batch.map((row) => sql`${row.id}`),
         sql`, `,
       )})`);
    const refs = new Map(result.rows.map((row) => [row.id, row.refs]));
    for (const row of batch) {
      const references = refs.get(row.id) ?? 0;
      if (references > 0) kept.push({ ...row, references });
    }
  }
  return kept;
}

/**
 * Learning targets a OneRoster gradebook made for objectives whose CASE framework was not here yet carry the CASE
 * identifier as code and no standard. Once a standard has that identifier, such a target becomes the standard's
 * district-wide target (where it has none yet): the evidence already gathered counts for the standard, and
 * importing the gradebook again finds this target instead of making a second one.
 */
async function adoptPlaceholderTargets(tx: Db, districtId: string, frameworkId: string): Promise<void> {
  await tx.execute(sql`
    update learning_targets t
       set standard_id = s.id, code = coalesce(s.human_coding_scheme, t.code), statement = s.full_statement,
           updated_at = now()
      from standards s
     where s.framework_id = ${frameworkId} and t.district_id = ${districtId}
       and t.standard_id is null and t.community_id is null and t.essential_standard_id is null
       and lower(t.code) = lower(s.case_identifier)
       and not exists (select 1 from learning_targets o
                        where o.standard_id = s.id and o.community_id is null and o.essential_standard_id is null)`);
}
