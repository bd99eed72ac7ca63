import { type SQL, sql } from "drizzle-orm";

/** A list of ids as one uuid[] parameter (a single bound value, however long the list). */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}

/** A list of plain names (letters, digits, underscores) as one text[] parameter. */
export function namesArray(names: readonly string[]): SQL {
  if (names.some((name) => !/^\w+$/.test(name))) throw new Error(`not plain names: ${names.join(", ")}`);
  return sql`${`{${names.join(",")}}`}::text[]`;
}
