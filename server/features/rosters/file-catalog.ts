import type { FileSpec, OneRosterVersion } from "./columns";
import { ACADEMIC_SESSIONS, CLASSES, COURSES, DEMOGRAPHICS, ENROLLMENTS, ORGS, ROLES, USERS } from "./file-specs";
import {
  CATEGORIES,
  LINE_ITEM_OBJECTIVES,
  LINE_ITEM_SCORE_SCALES,
  LINE_ITEMS,
  RESULT_OBJECTIVES,
  RESULT_SCORE_SCALES,
  RESULTS,
  SCORE_SCALES,
  SKIPPED,
} from "./gradebook-specs";

/** The files each version defines, in the order they are read (what others refer to comes first). */
const FILES_11: FileSpec[] = [
  ORGS,
  ACADEMIC_SESSIONS,
  COURSES,
  CLASSES,
  USERS,
  ENROLLMENTS,
  DEMOGRAPHICS,
  CATEGORIES,
  LINE_ITEMS,
  RESULTS,
  ...SKIPPED.filter((f) => ["resources", "classResources", "courseResources"].includes(f.name)),
];

const FILES_12: FileSpec[] = [
  ORGS,
  ACADEMIC_SESSIONS,
  COURSES,
  CLASSES,
  USERS,
  ROLES,
  ENROLLMENTS,
  DEMOGRAPHICS,
  CATEGORIES,
  SCORE_SCALES,
  LINE_ITEMS,
  LINE_ITEM_SCORE_SCALES,
  LINE_ITEM_OBJECTIVES,
  RESULTS,
  RESULT_SCORE_SCALES,
  RESULT_OBJECTIVES,
  ...SKIPPED,
];

export function filesOfVersion(version: OneRosterVersion): readonly FileSpec[] {
  return version === "1.1" ? FILES_11 : FILES_12;
}

/** Every file name either version knows, so a 1.2 file in a 1.1 set is named as such. */
export const ALL_FILE_NAMES: ReadonlySet<string> = new Set(FILES_12.map((f) => f.name));
