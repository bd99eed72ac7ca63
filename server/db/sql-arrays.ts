import { type SQL, sql } from "drizzle-orm";

/** A list of ids as one uuid[] parameter (a single bound value, however long the list). */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}
