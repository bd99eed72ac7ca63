import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { storedZip } from "./stored-zip";

/** The third-party OneRoster sets the tests read (see the SOURCE.txt beside each). */
const THIRD_PARTY = path.resolve(import.meta.dirname, "fixtures/third-party/oneroster");
export const FIXTURES = {
  moodleFull: path.join(THIRD_PARTY, "moodle-enrol_oneroster/Test_full_data_set"),
  moodleFullZip: path.join(THIRD_PARTY, "moodle-enrol_oneroster/Test_full_data_set.zip"),
  moodleMinimal: path.join(THIRD_PARTY, "moodle-enrol_oneroster/Test_minimal_data_set"),
  moodleMinimalZip: path.join(THIRD_PARTY, "moodle-enrol_oneroster/Test_minimal_data_set.zip"),
  moodleDelta12: path.join(THIRD_PARTY, "moodle-enrol_oneroster/oneroster_test_data"),
  moodleDelta12Zip: path.join(THIRD_PARTY, "moodle-enrol_oneroster/oneroster_test_data.zip"),
  oatSa: path.join(THIRD_PARTY, "oneroster-import/OneRosterv1p1BaseCSV"),
};

/** Writes the files of a set into `folder` (created), exactly as given: BOMs, CRLFs and all. */
export function writeSet(folder: string, files: Record<string, string | Buffer>): string {
  mkdirSync(folder, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(folder, name), content);
  return folder;
}

/**
 * Writes a zip of stored (uncompressed) entries with whatever names it is given, so tests can build the
 * archives real exports are not supposed to be: entries in folders, "../" names.
 */
export function writeZip(file: string, entries: { name: string; content: string | Buffer }[]): string {
  writeFileSync(file, storedZip(entries));
  return file;
}

const COUNTED = [
  "schools",
  "terms",
  "courses",
  "classes",
  "students",
  "people",
  "role_assignments",
  "family_links",
  "class_students",
  "class_teachers",
  "student_demographics",
  "assessments",
  "assessment_sittings",
  "target_results",
  "learning_targets",
] as const;

/** Rows per roster table for one district (or the whole database): "nothing landed" means these are unchanged. */
export async function tableCounts(pool: pg.Pool, districtId?: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED) {
    const { rows } = await pool.query<{ n: number }>(
      `select count(*)::int as n from ${table}${districtId ? " where district_id = $1" : ""}`,
      districtId ? [districtId] : [],
    );
    counts[table] = rows[0]?.n ?? 0;
  }
  return counts;
}

/** A one-line manifest for a OneRoster 1.1 bulk set of the files named. */
export function manifest11(files: string[], mode: "bulk" | "delta" = "bulk"): string {
  return [
    "propertyName,value",
    "manifest.version,1.0",
    "oneroster.version,1.1",
    ...files.map((f) => `file.${f},${mode}`),
  ].join("\n");
}
