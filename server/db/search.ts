import { sql } from "drizzle-orm";

/** The text search configuration for everything people search (posts, resources); PGlite and PostgreSQL both ship it. */
export const SEARCH_CONFIG = sql.raw("'english'");
