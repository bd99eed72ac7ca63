import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify/sync";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** Rows per statement: large enough that round trips do not matter, small enough for PGlite's memory. */
export const BATCH_SIZE = 5000;

export type EntityCount = { created: number; updated: number; deleted: number; skipped?: number };
export type ImportCounts = Record<string, EntityCount>;

export function countOf(counts: ImportCounts, entity: string): EntityCount {
  let count = counts[entity];
  if (!count) {
    count = { created: 0, updated: 0, deleted: 0 };
    counts[entity] = count;
  }
  return count;
}

export function* batches<T>(rows: readonly T[], size = BATCH_SIZE): Generator<T[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

/** The unit separator joins a cell's list into one text parameter (unnest cannot take an array per row). */
export const LIST_SEPARATOR = "\u001f";

/** A list cell as one text value, split again in SQL with `string_to_array(x, chr(31))`. */
export function joinList(values: readonly string[]): string {
  return values.map((v) => v.replaceAll(LIST_SEPARATOR, " ")).join(LIST_SEPARATOR);
}

/** Reports rows applied so far, for the progress bar. */
export type Tick = (rows: number) => void;

/**
 * Runs `run` for each batch with the next batch's statement already queued on the connection, so the
 * database never waits for the client between statements. The first failure stops the loop and is thrown
 * once every statement already sent has settled.
 */
export async function pipelined<T>(items: readonly T[], run: (batch: T[]) => Promise<void>, depth = 2): Promise<void> {
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (const batch of batches(items)) {
    if (failure) break;
    const work: Promise<void> = run(batch).then(
      () => {
        running.delete(work);
      },
      (error: unknown) => {
        running.delete(work);
        failure ??= { error };
      },
    );
    running.add(work);
    if (running.size >= depth) await Promise.race(running);
  }
  await Promise.all(running);
  if (failure) throw failure.error;
}

/**
 * Runs an upsert keyed by (district_id, sourced_id) batch by batch. The statement must end in
 * `returning id, sourced_id, (xmax = 0) as inserted` and update only rows whose values changed; rows it
 * leaves untouched are looked up, so the result maps every row's sourcedId to its id.
 */
export async function upsertBySourcedId<Row>(
  client: pg.PoolClient,
  options: {
    table: string;
    districtId: string;
    rows: readonly Row[];
    sourcedId: (row: Row) => string;
    statement: string;
    params: (batch: Row[]) => unknown[];
    count: EntityCount;
    tick: Tick;
    ids: Map<string, string>;
  },
): Promise<void> {
  if (options.rows.length === 0) return;
  // Nothing of the district in this table came from an import yet, so no sourcedId can conflict: the plain
  // insert (what COPY would do) skips the speculative-insertion work of ON CONFLICT.
  const { rows: imported } = await client.query(
    `select 1 from ${options.table} where district_id = $1 and sourced_id is not null limit 1`,
    [options.districtId],
  );
  const conflictAt = options.statement.search(/\bon conflict\b/i);
  const statement =
    imported.length === 0 && conflictAt > 0
      ? `${options.statement.slice(0, conflictAt)} returning id, sourced_id, true as inserted`
      : options.statement;
  await pipelined(options.rows, async (batch) => {
    const { rows } = await client.query<{ id: string; sourced_id: string; inserted: boolean }>(
      statement,
      options.params(batch),
    );
    const seen = new Set<string>();
    for (const row of rows) {
      options.ids.set(row.sourced_id, row.id);
      seen.add(row.sourced_id);
      if (row.inserted) options.count.created += 1;
      else options.count.updated += 1;
    }
    const unchanged = batch.map(options.sourcedId).filter((sid) => !seen.has(sid));
    if (unchanged.length) await lookUpIds(client, options.table, options.districtId, unchanged, options.ids);
    options.tick(batch.length);
  });
}

/** Fills `ids` with sourcedId -> id for rows of `table` in the district. */
export async function lookUpIds(
  client: pg.PoolClient,
  table: string,
  districtId: string,
  sourcedIds: readonly string[],
  ids: Map<string, string>,
): Promise<void> {
  for (const batch of batches(sourcedIds, 20_000)) {
    const { rows } = await client.query<{ id: string; sourced_id: string }>(
      `select t.id, t.sourced_id from ${table} t where t.sourced_id = any($2::text[]) and t.district_id = $1`,
      [districtId, batch],
    );
    for (const row of rows) ids.set(row.sourced_id, row.id);
  }
}

/**
 * sourcedIds the district holds from earlier imports (a query returning `sourced_id`) that `keep` lacks.
 * The difference is taken here rather than in SQL: with hundreds of thousands of ids, an anti-join on a
 * table filled in this same transaction (no statistics yet) can be planned as a nested loop.
 */
export async function importedNotIn(
  client: pg.PoolClient,
  query: string,
  params: unknown[],
  keep: readonly string[],
): Promise<string[]> {
  const { rows } = await client.query<{ sourced_id: string }>(query, params);
  if (rows.length === 0) return [];
  const kept = new Set(keep);
  return rows.flatMap((row) => (kept.has(row.sourced_id) ? [] : [row.sourced_id]));
}

/**
 * Archives what a file removes: in delta, the rows marked tobedeleted; in bulk, also every row the district
 * holds from an import (it has a sourcedId) that the file lacks. Returns how many rows it archived.
 */
export async function archiveRemoved(
  client: pg.PoolClient,
  table: "schools" | "terms" | "courses" | "classes" | "students",
  districtId: string,
  removal: { deleted: readonly string[]; keep?: readonly string[] },
): Promise<number> {
  const removed = [...removal.deleted];
  if (removal.keep) {
    const query = `select sourced_id from ${table} where district_id = $1 and sourced_id is not null and archived_at is null`;
    removed.push(...(await importedNotIn(client, query, [districtId], removal.keep)));
  }
  if (removed.length === 0) return 0;
  const result = await client.query(
    `update ${table} t set archived_at = now(), updated_at = now()
      where t.district_id = $1 and t.sourced_id = any($2::text[]) and t.archived_at is null`,
    [districtId, removed],
  );
  return result.rowCount ?? 0;
}

/** Whether this connection takes COPY FROM STDIN: a PostgreSQL server does; PGlite behind its socket does not. */
export async function acceptsCopy(client: pg.PoolClient): Promise<boolean> {
  const { rows } = await client.query<{ version: string }>("select version()");
  return !/PGlite/i.test(rows[0]?.version ?? "");
}

/**
 * Loads rows with COPY (CSV) on the import's own connection, inside its transaction: for a district's first
 * import of a table, where a plain insert is all there is to do and COPY does it at a fraction of the cost.
 * Empty text and null both arrive as NULL, as blank optional fields do on the insert path.
 */
export async function copyRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly (string | boolean | null)[])[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const csv = stringify(rows as (string | boolean | null)[][], {
    cast: { boolean: (value) => (value ? "true" : "false") },
  });
  await pipeline(
    Readable.from([csv]),
    client.query(copyFrom(`copy ${table} (${columns.join(", ")}) from stdin with (format csv)`)),
  );
  return rows.length;
}
