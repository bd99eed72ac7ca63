import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import {
  type Period,
  queryResponsiveness,
  type ReportScope,
  type ResponsivenessGrouping,
  type ResponsivenessRow,
} from "../intervention-reports/report.queries";

/*
 * The homes' responsiveness reads every call to respond of a school or the whole district (a district's takes
 * seconds on a large one), though it changes only when results, plans, the roster or a team's response rule do.
 * So it is kept in rollup_cache with the signature of what it read, and computed again only when that changes:
 * the period, the district's plan and roster versions (bumped by the database, migrations 0021 and 0024), each
 * assessment of the period with its day, status, team and results version (bumped on every change to its results
 * or proficient levels, migration 0020), and every team's response rule. Like the goals' cache, the signature is
 * read before the value is computed, so a change committed meanwhile makes the next read compute again.
 */

async function responsivenessSignature(db: Db, districtId: string, period: Period): Promise<string> {
  const result = await db.execute<{ signature: string }>(sql`
    select concat_ws('|', ${period.from}::text, ${period.to}::text,
             coalesce((select concat_ws(':', plans, roster) from district_data_versions where district_id = ${districtId}), '0'),
             (select md5(coalesce(string_agg(concat_ws(':', a.id, a.given_on, a.status, a.community_id, a.results_version),
                                             ',' order by a.id), ''))
                from assessments a
               where a.district_id = ${districtId} and a.given_on between ${period.from}::date and ${period.to}::date),
             (select md5(coalesce(string_agg(concat_ws(':', c.id, c.response_days, c.counts_partly_scored_as_need),
                                             ',' order by c.id), ''))
                from communities c where c.district_id = ${districtId})) as signature`);
  return result.rows[0]?.signature ?? "";
}

/** queryResponsiveness, from the cache while nothing it reads has changed. */
export async function cachedResponsiveness(
  db: Db,
  scope: ReportScope,
  period: Period,
  grouping: ResponsivenessGrouping = "team",
): Promise<ResponsivenessRow[]> {
  const key = `responsiveness:${grouping}:${scope.schoolIds === null ? "district" : [...scope.schoolIds].sort().join(",")}:${period.from}:${period.to}`;
  const signature = await responsivenessSignature(db, scope.districtId, period);
  const cached = await db.execute<{ signature: string; value: ResponsivenessRow[] }>(
    sql`select signature, value from rollup_cache where district_id = ${scope.districtId} and key = ${key}`,
  );
  const row = cached.rows[0];
  if (row && row.signature === signature) return row.value;
  const value = await queryResponsiveness(db, scope, period, grouping);
  await db.execute(sql`
    insert into rollup_cache (district_id, key, signature, value, computed_at)
    values (${scope.districtId}, ${key}, ${signature}, ${JSON.stringify(value)}::jsonb, now())
    on conflict (district_id, key) do update
      set signature = excluded.signature, value = excluded.value, computed_at = excluded.computed_at`);
  return value;
}
