import { desc, eq, getTableColumns, sql } from "drizzle-orm";
import type { EntityCount, RosterImport, RosterImportSummary, RosterProblem } from "../../../contract/rosters";
import type { Db } from "../../db/client";
import { people, rosterImports } from "../../db/schema";

const summaryColumns = {
  id: rosterImports.id,
  districtId: rosterImports.districtId,
  status: rosterImports.status,
  source: rosterImports.source,
  oneRosterVersion: rosterImports.oneRosterVersion,
  rowsTotal: rosterImports.rowsTotal,
  counts: rosterImports.counts,
  startedAt: rosterImports.startedAt,
  finishedAt: rosterImports.finishedAt,
  startedById: rosterImports.startedById,
  startedByName: people.displayName,
  errorCount: sql<number>`(select count(*)::int from jsonb_array_elements(${rosterImports.problems}) p
    where p->>'severity' = 'error')`,
  warningCount: sql<number>`(select count(*)::int from jsonb_array_elements(${rosterImports.problems}) p
    where p->>'severity' = 'warning')`,
};

function selectSummaries(db: Db) {
  return db.select(summaryColumns).from(rosterImports).leftJoin(people, eq(people.id, rosterImports.startedById));
}

type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

function presentSummary(row: SummaryRow): RosterImportSummary {
  return {
    id: row.id,
    status: row.status,
    source: row.source,
    oneRosterVersion: row.oneRosterVersion,
    rowsTotal: row.rowsTotal,
    counts: row.counts as Record<string, EntityCount>,
    errorCount: row.errorCount,
    warningCount: row.warningCount,
    startedBy: row.startedById ? { id: row.startedById, name: row.startedByName ?? "" } : null,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** The district's imports, newest first. */
export async function listRosterImports(db: Db, districtId: string, page: number, pageSize: number) {
  const [rows, count] = await Promise.all([
    selectSummaries(db)
      .where(eq(rosterImports.districtId, districtId))
      .orderBy(desc(rosterImports.startedAt), desc(rosterImports.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(rosterImports).where(eq(rosterImports.districtId, districtId)),
  ]);
  return { items: rows.map(presentSummary), total: count[0]?.n ?? 0 };
}

/** One import with its problems, or undefined; the caller checks its district. */
export async function findRosterImport(
  db: Db,
  id: string,
): Promise<(RosterImport & { districtId: string }) | undefined> {
  const [row] = await db
    .select({ ...summaryColumns, problems: getTableColumns(rosterImports).problems })
    .from(rosterImports)
    .leftJoin(people, eq(people.id, rosterImports.startedById))
    .where(eq(rosterImports.id, id));
  if (!row) return undefined;
  return { ...presentSummary(row), districtId: row.districtId, problems: row.problems as RosterProblem[] };
}
