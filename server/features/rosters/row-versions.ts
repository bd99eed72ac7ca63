import type pg from "pg";
import type { ProblemList } from "./problems";
import type { RosterSet } from "./read-roster-set";

type VersionedRow = { sourcedId: string; dateLastModified: string | null };
type KeptFile = { rows: VersionedRow[]; fileName: string; mode: "bulk" | "delta" };

/** How many skipped sourcedIds a warning names before it says "and N more". */
const NAMED = 5;

function keptFiles(set: RosterSet): [string, KeptFile][] {
  return Object.entries(set.files as Record<string, KeptFile | undefined>).filter(
    (entry): entry is [string, KeptFile] => entry[1] !== undefined,
  );
}

/** A dateLastModified as an instant (OneRoster writes ISO 8601, some systems with a space for the T). */
function instant(text: string | null): number | null {
  if (!text) return null;
  const at = Date.parse(text.trim().replace(" ", "T"));
  return Number.isNaN(at) ? null : at;
}

/**
 * The rule for deltas that arrive twice or out of order: a delta row whose dateLastModified is older than the
 * newest change already imported for that row (same file, same sourcedId) is skipped, with a warning naming
 * them; a row as new or newer applies (so the same delta again changes nothing and removes nothing). Rows
 * without a date, and bulk files, always apply: a bulk file is the whole current state.
 */
export async function skipStaleDeltaRows(
  client: pg.PoolClient,
  districtId: string,
  set: RosterSet,
  problems: ProblemList,
): Promise<void> {
  for (const [file, parsed] of keptFiles(set)) {
    if (parsed.mode !== "delta" || parsed.rows.length === 0) continue;
    const ids = [...new Set(parsed.rows.map((row) => row.sourcedId))];
    const { rows } = await client.query<{ sourced_id: string; modified_ms: number }>(
      `select sourced_id, (extract(epoch from modified_at) * 1000)::float8 as modified_ms
         from roster_row_versions where district_id = $1 and file = $2 and sourced_id = any($3::text[])`,
      [districtId, file, ids],
    );
    if (rows.length === 0) continue;
    const stored = new Map(rows.map((row) => [row.sourced_id, row.modified_ms]));
    const stale: string[] = [];
    parsed.rows = parsed.rows.filter((row) => {
      const at = instant(row.dateLastModified);
      const newest = stored.get(row.sourcedId);
      if (at === null || newest === undefined || at >= newest) return true;
      stale.push(row.sourcedId);
      return false;
    });
    if (stale.length === 0) continue;
    set.rowCount -= stale.length;
    const named = stale.slice(0, NAMED).join(", ");
    const more = stale.length > NAMED ? `, and ${stale.length - NAMED} more` : "";
    problems.warn(
      parsed.fileName,
      null,
      "dateLastModified",
      `${stale.length} row${stale.length === 1 ? "" : "s"} skipped (${named}${more}): ${stale.length === 1 ? "its" : "their"} dateLastModified is older than a change already imported for ${stale.length === 1 ? "it" : "them"}, so the newer data is kept.`,
    );
  }
}

/**
 * Remembers each imported row's dateLastModified: the newest seen for a delta row, and the file's own for a bulk
 * row (a bulk file is the state now, so an older date than a delta's replaces it; a bulk row without one forgets).
 */
export async function recordRowVersions(client: pg.PoolClient, districtId: string, set: RosterSet): Promise<void> {
  for (const [file, parsed] of keptFiles(set)) {
    const latest = new Map<string, string>();
    const undated: string[] = [];
    for (const row of parsed.rows) {
      const at = instant(row.dateLastModified);
      if (at === null) undated.push(row.sourcedId);
      else
        latest.set(
          row.sourcedId,
          new Date(Math.max(at, Date.parse(latest.get(row.sourcedId) ?? "") || 0)).toISOString(),
        );
    }
    if (parsed.mode === "bulk" && undated.length) {
      await client.query(
        "delete from roster_row_versions where district_id = $1 and file = $2 and sourced_id = any($3::text[])",
        [districtId, file, undated],
      );
    }
    if (latest.size === 0) continue;
    const newer =
      parsed.mode === "delta"
        ? "greatest(roster_row_versions.modified_at, excluded.modified_at)"
        : "excluded.modified_at";
    await client.query(
      `insert into roster_row_versions (district_id, file, sourced_id, modified_at)
       select $1, $2, id, at from unnest($3::text[], $4::timestamptz[]) as v(id, at)
       on conflict (district_id, file, sourced_id) do update set modified_at = ${newer}`,
      [districtId, file, [...latest.keys()], [...latest.values()]],
    );
  }
}
