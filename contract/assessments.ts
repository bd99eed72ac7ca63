import { z } from "zod";
import { ProficiencyLevel } from "./essentials";

export const ASSESSMENT_STATUSES = ["draft", "open", "closed"] as const;
export const AssessmentStatus = z.enum(ASSESSMENT_STATUSES);
export type AssessmentStatus = z.infer<typeof AssessmentStatus>;
export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  draft: "Draft",
  open: "Open for results",
  closed: "Closed",
};

export const SITTING_STATUSES = ["completed", "absent", "exempt"] as const;
export const SittingStatus = z.enum(SITTING_STATUSES);
export type SittingStatus = z.infer<typeof SittingStatus>;
export const SITTING_STATUS_LABELS: Record<SittingStatus, string> = {
  completed: "Completed",
  absent: "Absent",
  exempt: "Exempt",
};

/** Points with at most two decimals, as the database keeps them. */
export const Points = z
  .number()
  .min(0)
  .max(10_000)
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, "Use at most two decimals.");

export const AssessmentInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).default(""),
  givenOn: z.iso.date().nullable().default(null),
  status: AssessmentStatus.default("draft"),
  /** The classes it is given to; by default every class the team's members teach. */
  classIds: z.array(z.uuid()).max(500).optional(),
});
export type AssessmentInput = z.infer<typeof AssessmentInput>;

export const AssessmentPatch = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(4000).optional(),
  givenOn: z.iso.date().nullable().optional(),
  status: AssessmentStatus.optional(),
});

export const DeleteAssessmentQuery = z.strictObject({ confirm: z.enum(["true", "false"]).default("false") });

export const ItemInput = z.strictObject({
  /** An existing item keeps its id (and its scores); an item without one is new. */
  id: z.uuid().optional(),
  label: z.string().trim().min(1).max(120),
  maxPoints: Points.refine((value) => value > 0, "An item is worth more than 0 points."),
  correctResponse: z.string().trim().max(200).nullable().default(null),
  targetIds: z.array(z.uuid()).min(1, "Align the item to at least one learning target.").max(20),
});
export const ItemsInput = z.strictObject({
  items: z.array(ItemInput).max(300),
  /** Removing items that already have scores deletes those scores; the team says so explicitly. */
  confirmDeleteScores: z.boolean().default(false),
});
export type ItemsInput = z.infer<typeof ItemsInput>;

export const CutScore = z.object({ level: z.number().int(), minPoints: z.number() });
export type CutScore = z.infer<typeof CutScore>;

export const TargetsInput = z.strictObject({
  targets: z
    .array(
      z.strictObject({
        targetId: z.uuid(),
        cutScores: z.array(z.strictObject({ level: z.number().int().min(1).max(6), minPoints: Points })).max(6),
      }),
    )
    .max(100),
});
export type TargetsInput = z.infer<typeof TargetsInput>;

export const ClassesInput = z.strictObject({ classIds: z.array(z.uuid()).max(500) });

/** What the actor may do to an assessment. */
export const AssessmentAbilities = z.object({ update: z.boolean(), enterResults: z.boolean(), analyze: z.boolean() });

export const Assessment = z.object({
  id: z.uuid(),
  communityId: z.uuid().nullable(),
  title: z.string(),
  description: z.string(),
  givenOn: z.string().nullable(),
  status: AssessmentStatus,
  itemCount: z.number().int(),
  targetCount: z.number().int(),
  classCount: z.number().int(),
  sittingCount: z.number().int(),
  createdAt: z.string(),
  can: AssessmentAbilities,
});
export type Assessment = z.infer<typeof Assessment>;

/** What the actor may do with a team's assessments: create one. */
export const AssessmentsAbilities = z.object({ create: z.boolean() });

export const AssessmentList = z.object({ items: z.array(Assessment), can: AssessmentsAbilities });

export const AssessmentItem = z.object({
  id: z.uuid(),
  position: z.number().int(),
  label: z.string(),
  maxPoints: z.number(),
  correctResponse: z.string().nullable(),
  targetIds: z.array(z.uuid()),
});
export type AssessmentItem = z.infer<typeof AssessmentItem>;

/** A target the assessment measures: its points, its cut scores and the scale they map to. */
export const AssessmentTargetInfo = z.object({
  targetId: z.uuid(),
  code: z.string().nullable(),
  statement: z.string(),
  standardCode: z.string().nullable(),
  maxPoints: z.number(),
  cutScores: z.array(CutScore),
  proficientLevel: z.number().int(),
  scaleLevels: z.array(ProficiencyLevel),
});
export type AssessmentTargetInfo = z.infer<typeof AssessmentTargetInfo>;

/** A learning target of the team that items may be aligned to. */
export const TargetChoice = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  statement: z.string(),
  standardCode: z.string().nullable(),
  unitTitle: z.string(),
});
export type TargetChoice = z.infer<typeof TargetChoice>;

/** A class the assessment may be given to (taught by a team member), and whether it is. */
export const ClassChoice = z.object({
  id: z.uuid(),
  title: z.string(),
  schoolName: z.string(),
  teacherNames: z.array(z.string()),
  studentCount: z.number().int(),
  isSelected: z.boolean(),
});
export type ClassChoice = z.infer<typeof ClassChoice>;

export const AssessmentDetail = Assessment.extend({
  communityName: z.string().nullable(),
  items: z.array(AssessmentItem),
  targets: z.array(AssessmentTargetInfo),
  targetChoices: z.array(TargetChoice),
  classes: z.array(ClassChoice),
  /**
   * Closed, and its targets' scales have changed since it was scored (proficient level or number of levels):
   * the current scale can be re-applied, by choice, after a preview (ScaleReapplication).
   */
  hasNewerScale: z.boolean(),
});
export type AssessmentDetail = z.infer<typeof AssessmentDetail>;

// Results

export const ResultRowInput = z.strictObject({
  studentId: z.uuid(),
  status: SittingStatus,
  /** Points per item id; null clears a score. Items left out keep what they had. */
  scores: z.record(z.string(), Points.nullable()).default({}),
  /** The response given, per item id, for selected-response items; null clears it. */
  responses: z.record(z.string(), z.string().trim().max(200).nullable()).optional(),
});
export type ResultRowInput = z.infer<typeof ResultRowInput>;

export const ResultsInput = z.strictObject({ rows: z.array(ResultRowInput).min(1).max(5000) });
export type ResultsInput = z.infer<typeof ResultsInput>;

export const ResultsSaved = z.object({ students: z.number().int(), scores: z.number().int() });
export type ResultsSaved = z.infer<typeof ResultsSaved>;

export const GridStudent = z.object({
  id: z.uuid(),
  name: z.string(),
  identifier: z.string().nullable(),
  /** null: nothing entered yet. */
  status: SittingStatus.nullable(),
  scores: z.record(z.string(), z.number()),
  responses: z.record(z.string(), z.string()),
});
export type GridStudent = z.infer<typeof GridStudent>;

export const GridClass = z.object({
  id: z.uuid(),
  title: z.string(),
  teacherNames: z.array(z.string()),
  students: z.array(GridStudent),
});
export type GridClass = z.infer<typeof GridClass>;

/** What the actor may do on a results grid (enterResults is false once the assessment is closed). */
export const ResultsGridAbilities = z.object({ enterResults: z.boolean(), update: z.boolean() });

export const ResultsGrid = z.object({
  assessment: z.object({ id: z.uuid(), title: z.string(), status: AssessmentStatus, communityId: z.uuid().nullable() }),
  items: z.array(AssessmentItem),
  classes: z.array(GridClass),
  can: ResultsGridAbilities,
});
export type ResultsGrid = z.infer<typeof ResultsGrid>;

// CSV upload

export const STUDENT_KEYS = ["sourcedId", "identifier", "email", "name"] as const;
export const StudentKey = z.enum(STUDENT_KEYS);
export type StudentKey = z.infer<typeof StudentKey>;
export const STUDENT_KEY_LABELS: Record<StudentKey, string> = {
  sourcedId: "OneRoster sourcedId",
  identifier: "Student number",
  email: "Email",
  name: "Name",
};

export const MAX_CSV_CHARS = 4_000_000;
const CsvText = z
  .string()
  .min(1, "The file is empty.")
  .max(MAX_CSV_CHARS, "The file is larger than 4 MB (more than 4,000,000 characters). Split it and import each part.");
export const CsvInput = z.strictObject({ csv: CsvText });

export const CsvMapping = z.strictObject({
  studentColumn: z.string().min(1).max(200),
  studentKey: StudentKey,
  /** Column header → item id; columns left out are ignored. */
  itemColumns: z.record(z.string(), z.uuid()),
  statusColumn: z.string().min(1).max(200).nullable().default(null),
});
export type CsvMapping = z.infer<typeof CsvMapping>;

export const CsvPreview = z.object({
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  rowCount: z.number().int(),
  suggested: z.object({
    studentColumn: z.string().nullable(),
    studentKey: StudentKey,
    itemColumns: z.record(z.string(), z.uuid()),
    statusColumn: z.string().nullable(),
  }),
});
export type CsvPreview = z.infer<typeof CsvPreview>;

export const CsvImportInput = z.strictObject({ csv: CsvText, mapping: CsvMapping });
export type CsvImportInput = z.infer<typeof CsvImportInput>;
