import { readFile } from "node:fs/promises";
import type { Db } from "../../db/client";
import { type ImportOutcome, importFramework } from "../../features/standards/import-framework";
import { projectPath } from "../../paths";

/** The demo's framework: Common Core ELA, grades K–8 (see SOURCE.txt beside it). */
export const DEMO_FRAMEWORK_FILE = projectPath("server", "demo", "standards", "ccss-ela.case.json");

/**
 * Imports the Common Core ELA framework shipped with Collective into a district, as a district leader would
 * through the import page. Importing again changes nothing. Returns the framework's id and the counts.
 */
export async function importDemoFramework(db: Db, districtId: string): Promise<ImportOutcome> {
  const json: unknown = JSON.parse(await readFile(DEMO_FRAMEWORK_FILE, "utf8"));
  // The shipped framework is the authority on itself: what a newer copy drops goes.
  const result = await importFramework(db, { districtId, json, sourceUrl: null, allowRemovals: true });
  if (!("outcome" in result)) throw new Error(`the demo framework does not import: ${JSON.stringify(result)}`);
  return result.outcome;
}
