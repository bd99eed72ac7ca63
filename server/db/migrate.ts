import { migrate } from "drizzle-orm/node-postgres/migrator";
import { projectPath } from "../paths";
import type { Db } from "./client";

const migrationsFolder = projectPath("server", "db", "migrations");

/** Applies every committed migration not yet applied; safe to run on each start. */
export async function migrateDatabase(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
}
