import { z } from "zod";
import { PageQuery, pageOf } from "./common";
import { Problem } from "./problem";

/** CASE educationLevel codes in school order; anything else sorts after them, alphabetically. */
const GRADE_ORDER = [
  "IT",
  "PR",
  "PK",
  "TK",
  "KG",
  "01",
  "02",
  "03",
  "04",
  "05",
  "06",
  "07",
  "08",
  "09",
  "10",
  "11",
  "12",
];
const GRADE_NAMES: Record<string, string> = { IT: "Infant/toddler", PR: "Preschool", PK: "Pre-K", TK: "TK", KG: "K" };

/** A CASE grade code as people say it: "KG" is K, "03" is 3. */
export function gradeLabel(code: string): string {
  return GRADE_NAMES[code] ?? (/^\d+$/.test(code) ? String(Number(code)) : code);
}

/** Sorts CASE grade codes from the youngest students up. */
export function compareGrades(a: string, b: string): number {
  const [ia, ib] = [GRADE_ORDER.indexOf(a), GRADE_ORDER.indexOf(b)];
  if (ia >= 0 && ib >= 0) return ia - ib;
  if (ia >= 0 || ib >= 0) return ia >= 0 ? -1 : 1;
  return a.localeCompare(b);
}

/** What the actor may do to an imported framework. */
export const FrameworkAbilities = z.object({ reimport: z.boolean(), delete: z.boolean() });

export const Framework = z.object({
  id: z.uuid(),
  caseIdentifier: z.string(),
  title: z.string(),
  creator: z.string(),
  publisher: z.string().nullable(),
  description: z.string().nullable(),
  subjects: z.array(z.string()),
  version: z.string().nullable(),
  adoptionStatus: z.string().nullable(),
  licenseUri: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  lastChangeDateTime: z.string().nullable(),
  importedAt: z.string(),
  standardCount: z.number().int(),
  /** The educationLevel codes found in the framework, youngest first. */
  grades: z.array(z.string()),
  can: FrameworkAbilities,
});
export type Framework = z.infer<typeof Framework>;

/** What the actor may do with the district's frameworks: import one. */
export const FrameworksAbilities = z.object({ import: z.boolean() });

export const FrameworkList = z.object({ items: z.array(Framework), can: FrameworksAbilities });
export type FrameworkList = z.infer<typeof FrameworkList>;

export const FrameworksQuery = z.strictObject({ subject: z.string().trim().max(200).optional() });

/** One node of a framework as the tree shows it. */
export const StandardNode = z.object({
  id: z.uuid(),
  frameworkId: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string().nullable(),
  listEnumeration: z.string().nullable(),
  statement: z.string(),
  abbreviatedStatement: z.string().nullable(),
  itemType: z.string().nullable(),
  educationLevels: z.array(z.string()),
  position: z.number().int(),
  depth: z.number().int(),
  childCount: z.number().int(),
});
export type StandardNode = z.infer<typeof StandardNode>;

const GradeFilter = z.string().trim().min(1).max(20).optional();

export const ChildrenQuery = z.strictObject({ parentId: z.uuid().optional(), grade: GradeFilter });
export const TreeQuery = z.strictObject({ grade: GradeFilter });
export const StandardNodeList = z.object({ items: z.array(StandardNode) });

export const StandardsSearchQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(200),
  frameworkId: z.uuid().optional(),
  grade: GradeFilter,
  subject: z.string().trim().max(200).optional(),
});

export const StandardHit = StandardNode.extend({
  frameworkTitle: z.string(),
  /** How the hit was found: the code starts with the query, or the words match. */
  match: z.enum(["code", "text"]),
});
export const StandardSearchPage = pageOf(StandardHit);
export type StandardHit = z.infer<typeof StandardHit>;

/** What the actor may do to a learning target. */
export const LearningTargetAbilities = z.object({ update: z.boolean(), delete: z.boolean() });

export const LearningTarget = z.object({
  id: z.uuid(),
  standardId: z.uuid().nullable(),
  communityId: z.uuid().nullable(),
  communityName: z.string().nullable(),
  code: z.string().nullable(),
  statement: z.string(),
  position: z.number().int(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: LearningTargetAbilities,
});
export type LearningTarget = z.infer<typeof LearningTarget>;

export const StandardDetail = StandardNode.extend({
  caseIdentifier: z.string(),
  uri: z.string().nullable(),
  conceptKeywords: z.array(z.string()),
  notes: z.string().nullable(),
  framework: z.object({ id: z.uuid(), title: z.string() }),
  /** From the top of the framework down to the parent. */
  ancestors: z.array(z.object({ id: z.uuid(), code: z.string().nullable(), statement: z.string() })),
  children: z.array(StandardNode),
  learningTargets: z.array(LearningTarget),
  /** The communities under which this person may write a learning target. */
  targetCommunities: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type StandardDetail = z.infer<typeof StandardDetail>;

export const LearningTargetInput = z.strictObject({
  communityId: z.uuid(),
  statement: z.string().trim().min(1, "Write the learning target.").max(2000),
  code: z.string().trim().max(50).optional(),
});
export const LearningTargetPatch = z.strictObject({
  statement: z.string().trim().min(1, "Write the learning target.").max(2000).optional(),
  code: z.string().trim().max(50).nullable().optional(),
  position: z.number().int().min(0).max(100_000).optional(),
});

/** Import by URL (the server fetches it) or with the package inline; a file goes as multipart in `file`. */
export const FrameworkImportInput = z.union([
  z.strictObject({ url: z.string().trim().min(1).max(2000), allowRemovals: z.boolean().optional() }),
  z.strictObject({ package: z.record(z.string(), z.unknown()), allowRemovals: z.boolean().optional() }),
]);

export const ImportReport = z.object({
  framework: Framework,
  created: z.boolean(),
  counts: z.object({
    items: z.number().int(),
    associations: z.number().int(),
    hierarchyAssociations: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    deleted: z.number().int(),
  }),
  /** Items no longer in the package that are kept because learning targets or essential standards use them. */
  kept: z.array(z.object({ caseIdentifier: z.string(), code: z.string().nullable(), references: z.number().int() })),
  /** Set when a re-import changed the framework's title: perhaps another package reuses its identifier. */
  titleChanged: z.object({ from: z.string(), to: z.string() }).nullable(),
  warnings: z.array(z.object({ pointer: z.string(), detail: z.string() })),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** The 409 a re-import answers when it would remove standards: how many of how many, and the first few codes. */
export const RemovalsProblem = Problem.extend({
  removals: z.object({
    title: z.string(),
    removing: z.number().int(),
    standards: z.number().int(),
    codes: z.array(z.string()),
  }),
});
export type Removals = z.infer<typeof RemovalsProblem>["removals"];
