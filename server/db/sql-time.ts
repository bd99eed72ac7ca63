import { type SQL, sql } from "drizzle-orm";
import { now } from "../clock";

/** This moment, read from the one clock, as an SQL `timestamptz` parameter (never the database's own `now()`). */
export function sqlNow(): SQL {
  return sql`${now().toISOString()}::timestamptz`;
}
