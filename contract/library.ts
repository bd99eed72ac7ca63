import { z } from "zod";
import { PageQuery, pageOf } from "./common";

export const RESOURCE_KINDS = ["file", "link", "lesson_plan", "strategy"] as const;
export const ResourceKind = z.enum(RESOURCE_KINDS);
export type ResourceKind = z.infer<typeof ResourceKind>;
export const RESOURCE_KIND_LABELS: Record<ResourceKind, string> = {
  file: "File",
  link: "Link",
  lesson_plan: "Lesson plan",
  strategy: "Strategy",
};

export const RESOURCE_SCOPES = ["private", "community", "school", "district"] as const;
export const ResourceScope = z.enum(RESOURCE_SCOPES);
export type ResourceScope = z.infer<typeof ResourceScope>;
export const RESOURCE_SCOPE_LABELS: Record<ResourceScope, string> = {
  private: "Only me",
  community: "My community",
  school: "My school",
  district: "The whole district",
};

export const GRADE_LEVELS = ["PK", "K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"] as const;
export const GradeLevel = z.enum(GRADE_LEVELS);

/** Kinds of upload the library keeps; anything else is refused whatever its name or declared type. */
export const ALLOWED_UPLOAD_LABEL =
  "PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, GIF, WebP, plain text, CSV or Markdown";

/** How strong the research behind a strategy is, as the resource states it (with its source). */
export const EVIDENCE_LEVELS = ["strong", "moderate", "promising", "emerging"] as const;
export const EvidenceLevel = z.enum(EVIDENCE_LEVELS);
export type EvidenceLevel = z.infer<typeof EvidenceLevel>;
export const EVIDENCE_LEVEL_LABELS: Record<EvidenceLevel, string> = {
  strong: "Strong evidence",
  moderate: "Moderate evidence",
  promising: "Promising evidence",
  emerging: "Emerging evidence",
};

const PersonRef = z.object({ id: z.uuid(), name: z.string() });

export const StoredFile = z.object({
  id: z.uuid(),
  name: z.string(),
  contentType: z.string(),
  byteSize: z.number().int(),
});

/** What the actor may do to a resource. */
export const ResourceAbilities = z.object({
  update: z.boolean(),
  delete: z.boolean(),
  comment: z.boolean(),
  rate: z.boolean(),
  use: z.boolean(),
});

export const Resource = z.object({
  id: z.uuid(),
  kind: ResourceKind,
  title: z.string(),
  description: z.string(),
  url: z.string().nullable(),
  tags: z.array(z.string()),
  gradeLevels: z.array(z.string()),
  subjects: z.array(z.string()),
  scope: ResourceScope,
  communityId: z.uuid().nullable(),
  communityName: z.string().nullable(),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  createdBy: PersonRef.nullable(),
  createdAt: z.string(),
  file: StoredFile.nullable(),
  averageUsefulness: z.number().nullable(),
  ratingCount: z.number().int(),
  myRating: z.number().int().nullable(),
  useCount: z.number().int(),
  commentCount: z.number().int(),
  /** For strategies: the strength of the evidence behind it and where that evidence is published. */
  evidenceLevel: EvidenceLevel.nullable(),
  evidenceSource: z.string().nullable(),
  can: ResourceAbilities,
});
export type Resource = z.infer<typeof Resource>;
export const ResourcePage = pageOf(Resource);

export const ResourceSort = z.enum(["relevance", "newest", "useful"]);

/** Filters for the library; without `q`, "relevance" falls back to newest first. */
export const ResourcesQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  kind: ResourceKind.optional(),
  scope: ResourceScope.optional(),
  communityId: z.uuid().optional(),
  tag: z.string().trim().min(1).max(40).optional(),
  gradeLevel: GradeLevel.optional(),
  subject: z.string().trim().min(1).max(60).optional(),
  sort: ResourceSort.default("relevance"),
});

const Tag = z.string().trim().min(1).max(40);
const Subject = z.string().trim().min(1).max(60);
const WebUrl = z.url({ protocol: /^https?$/, error: "Enter a web address starting with http:// or https://." });

const resourceFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(10_000),
  url: WebUrl.max(2000).nullable(),
  tags: z.array(Tag).max(20),
  gradeLevels: z.array(GradeLevel).max(14),
  subjects: z.array(Subject).max(10),
  scope: ResourceScope,
  communityId: z.uuid().nullable(),
  schoolId: z.uuid().nullable(),
  evidenceLevel: EvidenceLevel.nullable(),
  evidenceSource: z.string().trim().max(500).nullable(),
};

type ScopeFields = { scope?: ResourceScope; communityId?: string | null; schoolId?: string | null };

type EvidenceFields = { kind?: ResourceKind; evidenceLevel?: EvidenceLevel | null; evidenceSource?: string | null };

/** Only a strategy states its evidence, and a stated level names its source. */
export function evidenceProblems(value: EvidenceFields): { path: string; message: string }[] {
  const states = Boolean(value.evidenceLevel) || Boolean(value.evidenceSource);
  if (states && value.kind !== undefined && value.kind !== "strategy")
    return [{ path: "evidenceLevel", message: "Only a strategy states an evidence level." }];
  if (value.evidenceLevel && !value.evidenceSource)
    return [{ path: "evidenceSource", message: "Name where the evidence is published." }];
  return [];
}

/** A community-scope resource names its community, a school-scope one its school. */
export function scopeProblems(value: ScopeFields): { path: string; message: string }[] {
  if (value.scope === "community" && !value.communityId)
    return [{ path: "communityId", message: "Choose the community to share with." }];
  if (value.scope === "school" && !value.schoolId)
    return [{ path: "schoolId", message: "Choose the school to share with." }];
  return [];
}

/**
 * A new resource. As JSON for links, lesson plans and strategies; as multipart/form-data for files, with
 * this object (JSON) in the `resource` field and the upload in the `file` field.
 */
export const ResourceInput = z
  .strictObject({
    kind: ResourceKind,
    ...resourceFields,
    description: resourceFields.description.default(""),
    url: resourceFields.url.optional(),
    tags: resourceFields.tags.default([]),
    gradeLevels: resourceFields.gradeLevels.default([]),
    subjects: resourceFields.subjects.default([]),
    communityId: resourceFields.communityId.optional(),
    schoolId: resourceFields.schoolId.optional(),
    evidenceLevel: resourceFields.evidenceLevel.optional(),
    evidenceSource: resourceFields.evidenceSource.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "link" && !value.url)
      ctx.addIssue({ code: "custom", path: ["url"], message: "A link needs a web address." });
    for (const problem of [...scopeProblems(value), ...evidenceProblems(value)])
      ctx.addIssue({ code: "custom", path: [problem.path], message: problem.message });
  });
export type ResourceInput = z.infer<typeof ResourceInput>;

/** Changes to a resource; its kind and file stay as they are. */
export const ResourcePatch = z.strictObject({
  title: resourceFields.title.optional(),
  description: resourceFields.description.optional(),
  url: resourceFields.url.optional(),
  tags: resourceFields.tags.optional(),
  gradeLevels: resourceFields.gradeLevels.optional(),
  subjects: resourceFields.subjects.optional(),
  scope: resourceFields.scope.optional(),
  communityId: resourceFields.communityId.optional(),
  schoolId: resourceFields.schoolId.optional(),
  evidenceLevel: resourceFields.evidenceLevel.optional(),
  evidenceSource: resourceFields.evidenceSource.optional(),
});
export type ResourcePatch = z.infer<typeof ResourcePatch>;

export const CommentInput = z.strictObject({ body: z.string().trim().min(1).max(4000) });
export const RatingInput = z.strictObject({ usefulness: z.number().int().min(1).max(5) });
export const UseInput = z.strictObject({
  usedOn: z.iso.date(),
  reflection: z.string().trim().min(1).max(2000),
});

export const ResourceComment = z.object({
  id: z.uuid(),
  author: PersonRef.nullable(),
  body: z.string(),
  createdAt: z.string(),
});
export type ResourceComment = z.infer<typeof ResourceComment>;

/** "Used it in my classroom", with a short reflection. */
export const ResourceUse = z.object({
  id: z.uuid(),
  person: PersonRef.nullable(),
  usedOn: z.string(),
  reflection: z.string(),
  createdAt: z.string(),
});
export type ResourceUse = z.infer<typeof ResourceUse>;

export const ResourceDetail = Resource.extend({
  comments: z.array(ResourceComment),
  uses: z.array(ResourceUse),
  /** A strategy's record: in how many finished improvement cycles it was chosen (for district staff; else null). */
  finishedCycleCount: z.number().int().nullable(),
  /**
   * Across those cycles, the median share (%) of matched students who moved up at least one level; null when
   * not shown or when no cycle had enough students to count.
   */
  finishedCycleMedianGain: z.number().nullable(),
});
export type ResourceDetail = z.infer<typeof ResourceDetail>;
