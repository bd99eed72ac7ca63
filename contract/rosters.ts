import { z } from "zod";
import { PageQuery, pageOf } from "./common";

/** One problem found in a roster file set: where (file, physical line, column) and why. */
export const RosterProblem = z.object({
  file: z.string(),
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
  severity: z.enum(["error", "warning"]),
});
export type RosterProblem = z.infer<typeof RosterProblem>;

/** What an import did to one kind of thing; `skipped` counts rows read but not kept. */
export const EntityCount = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
  skipped: z.number().int().optional(),
});
export type EntityCount = z.infer<typeof EntityCount>;

export const IMPORT_STATUSES = ["running", "succeeded", "failed"] as const;
export const ImportStatus = z.enum(IMPORT_STATUSES);

export const RosterImportSummary = z.object({
  id: z.uuid(),
  status: ImportStatus,
  source: z.string(),
  oneRosterVersion: z.string().nullable(),
  rowsTotal: z.number().int(),
  counts: z.record(z.string(), EntityCount),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  startedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type RosterImportSummary = z.infer<typeof RosterImportSummary>;

export const RosterImport = RosterImportSummary.extend({ problems: z.array(RosterProblem) });
export type RosterImport = z.infer<typeof RosterImport>;

export const RosterImportPage = pageOf(RosterImportSummary);
export const RosterImportsQuery = PageQuery;

export const ImportPhase = z.enum(["receiving", "reading", "validating", "applying", "finishing"]);
export type ImportPhase = z.infer<typeof ImportPhase>;

/**
 * The upload answers with newline-delimited JSON: progress lines while the import runs, then one line with
 * the import record (or, if the server failed unexpectedly, an error line).
 */
export const RosterImportEvent = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("progress"),
    phase: ImportPhase,
    done: z.number(),
    total: z.number(),
    detail: z.string().optional(),
  }),
  z.object({ type: z.literal("result"), import: RosterImport }),
  z.object({ type: z.literal("error"), message: z.string() }),
]);
export type RosterImportEvent = z.infer<typeof RosterImportEvent>;

/** Labels for the counts, in the order they are shown. */
export const ENTITY_LABELS: Record<string, string> = {
  schools: "Schools",
  terms: "Terms",
  courses: "Courses",
  classes: "Classes",
  students: "Students",
  staff: "Staff",
  guardians: "Guardians",
  roleAssignments: "Role assignments",
  familyLinks: "Family links",
  enrollments: "Enrollments",
  demographics: "Demographics",
  assessments: "Assessments",
  learningTargets: "Learning targets",
  results: "Results",
  targetResults: "Target results",
};
