import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The project's root folder (where package.json is), found from this file's folder upwards, so that paths to
 * files shipped beside the code (migrations, the PGlite worker, the web build, demo data) hold both when the
 * server runs from its TypeScript sources and when it runs from its bundle (bin/collective.mjs).
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "server", "db", "migrations")))
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`Collective's folder was not found above ${from}`);
  }
}

export const ROOT = findRoot(import.meta.dirname);

/** A path inside the project, by its parts from the root. */
export function projectPath(...parts: string[]): string {
  return path.join(ROOT, ...parts);
}
