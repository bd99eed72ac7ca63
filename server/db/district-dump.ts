import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { Transform } from "node:stream";
import { sql } from "drizzle-orm";
import { now } from "../clock";
import type { Db } from "./client";
import { namesArray } from "./sql-arrays";

const FORMAT = "collective-district-dump";
const CHUNK_ROWS = 2000;
/**
 * What is rebuilt from other tables: rollups the database keeps (migrations 0005 and 0008), rebuilt on restore, and
 * the cycles' cached evidence (migration 0020) and the goals' cached measures with the version counters they are
 * checked against (migration 0021), and the homes' cached rollups (migration 0024), rebuilt when next read. Never dumped.
 */
const DERIVED_TABLES = new Set([
  "target_result_counts",
  "below_proficient_students",
  "cycle_evidence",
  "cycle_evidence_state",
  "goal_measure_cache",
  "district_data_versions",
  "rollup_cache",
]);

/** Columns the database keeps itself (an assessment's results version, migration 0020): not dumped. */
const DERIVED_COLUMNS: Record<string, readonly string[]> = { assessments: ["results_version"] };
/**
 * Credentials: session token hashes, invitation and reset tokens, calendar feed tokens, API tokens. A dump never carries them,
 * so a restored district starts with nobody signed in and no live link, and a dump that leaks opens nothing.
 * Dumps written before this rule are restored without them too.
 */
const SECRET_TABLES = new Set(["sessions", "account_tokens", "calendar_feeds", "api_tokens"]);

/** Version 2 ends with an end line that counts the rows, so a dump cut off between two lines is told apart. */
type Header = { format: typeof FORMAT; version: 1 | 2; districtId: string; slug: string; exportedAt: string };
type Chunk = { table: string; rows: Record<string, unknown>[] };
type End = { end: true; counts: Record<string, number> };
/** A dump's line is one chunk of at most CHUNK_ROWS rows; a "line" longer than this is not a dump's. */
const MAX_LINE_BYTES = 256 * 1024 * 1024;

/** The district-owned tables (those with a district_id column, and districts itself), parents before children. */
export async function districtTablesInOrder(db: Db): Promise<string[]> {
  const owned = await db.execute<{ table_name: string }>(sql`
    select table_name from information_schema.columns
     where table_schema = 'public' and column_name = 'district_id'
     order by table_name`);
  const tables = new Set(["districts", ...owned.rows.map((r) => r.table_name).filter((t) => !DERIVED_TABLES.has(t))]);
  const edges = await db.execute<{ child: string; parent: string }>(sql`
    select cl.relname as child, pcl.relname as parent
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_class pcl on pcl.oid = c.confrelid
      join pg_namespace n on n.oid = cl.relnamespace
     where c.contype = 'f' and n.nspname = 'public'`);
  const parents = new Map<string, Set<string>>([...tables].map((t) => [t, new Set<string>()]));
  for (const { child, parent } of edges.rows) {
    if (tables.has(child) && tables.has(parent) && child !== parent) parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table)) return;
    if (path.has(table)) throw new Error(`foreign keys form a cycle through ${table}`);
    path.add(table);
    for (const parent of [...(parents.get(table) ?? [])].sort()) visit(parent, path);
    path.delete(table);
    ordered.push(table);
  };
  for (const table of [...tables].sort()) visit(table, new Set());
  return ordered;
}

function ident(name: string) {
  return sql.raw(`"${name.replace(/"/g, '""')}"`);
}

/** Every district-owned row of one district, table by table, as JSON (times in UTC so dumps compare exactly). */
export async function* readDistrictRows(db: Db, districtId: string): AsyncGenerator<Chunk> {
  const tables = (await districtTablesInOrder(db)).filter((table) => !SECRET_TABLES.has(table));
  for (const table of tables) {
    const key = table === "districts" ? sql`id` : sql`district_id`;
    for (let offset = 0; ; offset += CHUNK_ROWS) {
      const derived = DERIVED_COLUMNS[table];
      const row = derived ? sql`to_jsonb(t) - ${namesArray(derived)}` : sql`t`;
      const result = await db.execute<{ rows: Record<string, unknown>[] | null }>(sql`
        select json_agg(${row}) as rows from (
          select * from ${ident(table)} where ${key} = ${districtId} order by 1 limit ${CHUNK_ROWS} offset ${offset}
        ) t`);
      const rows = result.rows[0]?.rows ?? [];
      if (rows.length) yield { table, rows };
      if (rows.length < CHUNK_ROWS) break;
    }
  }
}

/** Writes a whole-district dump as newline-delimited JSON: a header line, chunks of rows, and an end line. */
export async function exportDistrict(db: Db, slug: string, file: string): Promise<Record<string, number>> {
  const out = createWriteStream(file);
  const write = async (value: unknown) => {
    if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, "drain");
  };
  const counts: Record<string, number> = {};
  // One snapshot, in UTC, so the dump is consistent and compares exactly across databases.
  await db.transaction(
    async (tx) => {
      await tx.execute(sql`set local time zone 'UTC'`);
      const found = await tx.execute<{ id: string }>(sql`select id from districts where slug = ${slug}`);
      const districtId = found.rows[0]?.id;
      if (!districtId) throw new Error(`No district with slug "${slug}".`);
      const header: Header = { format: FORMAT, version: 2, districtId, slug, exportedAt: now().toISOString() };
      await write(header);
      for await (const chunk of readDistrictRows(tx, districtId)) {
        counts[chunk.table] = (counts[chunk.table] ?? 0) + chunk.rows.length;
        await write(chunk);
      }
      const end: End = { end: true, counts };
      await write(end);
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  out.end();
  await once(out, "finish");
  return counts;
}

/** Restores a dump into this database in one transaction: all of it lands, or none. */
export async function importDistrict(
  db: Db,
  file: string,
  options: { replace?: boolean; maxLineBytes?: number } = {},
): Promise<Record<string, number>> {
  const maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
  let header: Header | undefined;
  let end: End | undefined;
  const counts: Record<string, number> = {};
  const read: Record<string, number> = {};
  await db.transaction(async (tx) => {
    const tables = new Set(await districtTablesInOrder(tx));
    // Rebuild the result rollups once at the end rather than after every chunk of results.
    await tx.execute(sql`select set_config('collective.defer_result_counts', 'on', true)`);
    // Created right before the loop: readline drops lines emitted while nobody is iterating yet.
    const input = boundedLines(maxLineBytes);
    createReadStream(file)
      .on("error", (error) => input.destroy(error))
      .pipe(input);
    const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    let lineNumber = 0;
    const parse = (line: string): unknown => {
      try {
        return JSON.parse(line);
      } catch {
        // JSON.parse quotes the text around the fault: rows of people, never to be printed.
        if (!header)
          throw new RestoreError("This file is not a Collective district dump (its first line is not JSON).");
        throw new RestoreError(
          `Line ${lineNumber} of the dump is not JSON; is the file complete? Nothing was changed.`,
        );
      }
    };
    try {
      for await (const line of lines) {
        lineNumber += 1;
        if (!line.trim()) continue;
        if (end) throw new RestoreError(`Line ${lineNumber} follows the dump's end line; is the file damaged?`);
        if (!header) {
          header = asHeader(parse(line));
          const existing = await tx.execute(
            sql`select 1 from districts where id = ${header.districtId} or slug = ${header.slug}`,
          );
          if (existing.rows.length) {
            if (!options.replace)
              throw new Error(`District "${header.slug}" already exists here; use --replace to overwrite it.`);
            await deleteDistrict(tx, header.slug);
          }
          continue;
        }
        const value = parse(line);
        if (isEnd(value)) {
          end = value;
          continue;
        }
        const chunk = asChunk(value, tables, lineNumber);
        read[chunk.table] = (read[chunk.table] ?? 0) + chunk.rows.length;
        if (SECRET_TABLES.has(chunk.table)) continue;
        await insertChunk(tx, chunk);
        counts[chunk.table] = (counts[chunk.table] ?? 0) + chunk.rows.length;
      }
    } catch (error) {
      if ((error as { code?: unknown }).code === "LINE_TOO_LONG") {
        throw new RestoreError(
          `Line ${lineNumber + 1} of the dump is longer than ${Math.round(maxLineBytes / (1024 * 1024))} MB: this is not a Collective district dump.`,
        );
      }
      throw error;
    } finally {
      lines.close();
    }
    if (!header) throw new RestoreError("The dump is empty.");
    if (header.version >= 2) {
      if (!end) {
        throw new RestoreError(
          `The dump stops after line ${lineNumber} without its end line: the file is incomplete. Nothing was changed.`,
        );
      }
      const missing = Object.entries(end.counts).find(([table, n]) => (read[table] ?? 0) !== n);
      if (missing) {
        throw new RestoreError(
          `The dump holds ${read[missing[0]] ?? 0} rows of ${missing[0]} where its end line counts ${missing[1]}: the file is damaged. Nothing was changed.`,
        );
      }
    }
    await resetSequences(tx, Object.keys(counts));
    await tx.execute(sql`select set_config('collective.defer_result_counts', 'off', true)`);
    await tx.execute(sql`
      select refresh_target_result_counts(array(select id from assessments where district_id = ${header.districtId}))`);
  });
  return counts;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asHeader(value: unknown): Header {
  if (!isRecord(value) || value.format !== FORMAT) {
    throw new RestoreError("This file is not a Collective district dump (its first line is not a dump's header).");
  }
  if (value.version !== 1 && value.version !== 2) {
    throw new RestoreError(`This dump's format version (${String(value.version)}) is not one this Collective reads.`);
  }
  if (typeof value.districtId !== "string" || typeof value.slug !== "string") {
    throw new RestoreError("The dump's header names no district; is the file damaged?");
  }
  return value as Header;
}

function isEnd(value: unknown): value is End {
  return isRecord(value) && value.end === true && isRecord(value.counts);
}

function asChunk(value: unknown, tables: Set<string>, lineNumber: number): Chunk {
  if (!isRecord(value) || typeof value.table !== "string" || !Array.isArray(value.rows)) {
    throw new RestoreError(`Line ${lineNumber} of the dump is not a table's rows; is the file damaged?`);
  }
  if (!tables.has(value.table)) {
    // Only the name Collective would write is echoed, and only when it is short and plain.
    const name = /^[a-z_]{1,63}$/.test(value.table) ? ` "${value.table}"` : "";
    throw new RestoreError(`Line ${lineNumber} names a table${name} that a district dump does not hold.`);
  }
  return value as Chunk;
}

/** Passes bytes through, failing with LINE_TOO_LONG when a line runs past maxBytes (readline would hold it all). */
function boundedLines(maxBytes: number): Transform {
  let sinceNewline = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const first = chunk.indexOf(0x0a);
      if (sinceNewline + (first < 0 ? chunk.length : first) > maxBytes) {
        return done(Object.assign(new Error("line too long"), { code: "LINE_TOO_LONG" }));
      }
      const last = chunk.lastIndexOf(0x0a);
      sinceNewline = last < 0 ? sinceNewline + chunk.length : chunk.length - last - 1;
      done(null, chunk);
    },
  });
}

/** A restore that failed, told in one line: the table and the database's reason, never the rows or the SQL. */
export class RestoreError extends Error {}

async function insertChunk(tx: Db, chunk: Chunk): Promise<void> {
  try {
    // A table with columns the database keeps itself takes only the others, so those keep their defaults.
    const derived = DERIVED_COLUMNS[chunk.table];
    const columns = derived
      ? await tx.execute<{ name: string }>(sql`
          select column_name as name from information_schema.columns
           where table_schema = current_schema() and table_name = ${chunk.table}
             and column_name <> all(${namesArray(derived)})
           order by ordinal_position`)
      : undefined;
    const list = columns
      ? sql.join(
          columns.rows.map((c) => ident(c.name)),
          sql`, `,
        )
      : undefined;
    await tx.execute(sql`
      insert into ${ident(chunk.table)} ${list ? sql`(${list})` : sql``}
      select ${list ?? sql`*`}
        from json_populate_recordset(null::${ident(chunk.table)}, ${JSON.stringify(chunk.rows)}::json)`);
  } catch (error) {
    throw new RestoreError(`Could not restore ${chunk.table}: ${databaseReason(error)}. Nothing was changed.`);
  }
}

/**
 * The database's own reason for a failed statement, safe to print: drizzle's error carries the SQL and every
 * parameter (password hashes, personal data), so only its cause's code and, for integrity errors, the message
 * (which names the constraint or column, never a value) are kept. A detail ("Key (email)=(…)") is never kept.
 */
export function databaseReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const { code, constraint } = cause as { code?: unknown; constraint?: unknown };
  if (typeof code !== "string") return "the database refused the rows";
  if (code.startsWith("23") && cause instanceof Error) return `${cause.message} (SQLSTATE ${code})`;
  const what = typeof constraint === "string" ? ` (constraint ${constraint})` : "";
  if (code.startsWith("22")) return `a value does not fit its column${what} (SQLSTATE ${code})`;
  return `the database refused the rows${what} (SQLSTATE ${code})`;
}

/** Removes every row of a district, children first. */
export async function deleteDistrict(db: Db, slug: string): Promise<void> {
  const found = await db.execute<{ id: string }>(sql`select id from districts where slug = ${slug}`);
  const districtId = found.rows[0]?.id;
  if (!districtId) return;
  const tables = [...DERIVED_TABLES, ...(await districtTablesInOrder(db)).reverse()];
  // Replacing a district is the one time its audit entries may go (the dump being restored carries them).
  await db.execute(sql`select set_config('collective.allow_audit_delete', 'on', true)`);
  for (const table of tables) {
    const key = table === "districts" ? sql`id` : sql`district_id`;
    await db.execute(sql`delete from ${ident(table)} where ${key} = ${districtId}`);
  }
}

// Serial ids came from the other database: move each sequence past the highest imported value.
async function resetSequences(db: Db, tables: string[]): Promise<void> {
  if (!tables.length) return;
  const serials = await db.execute<{ table_name: string; column_name: string }>(sql`
    select table_name, column_name from information_schema.columns
     where table_schema = 'public' and column_default like 'nextval(%'`);
  for (const { table_name, column_name } of serials.rows) {
    if (!tables.includes(table_name)) continue;
    await db.execute(sql`
      select setval(pg_get_serial_sequence(${table_name}, ${column_name}),
                    greatest((select max(${ident(column_name)}) from ${ident(table_name)}), 1))`);
  }
}
