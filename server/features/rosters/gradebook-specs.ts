import { COMMON, type FileSpec, long, only, opt, type RowOf, req } from "./columns";

/** The gradebook files (lineItems, results, score scales, learning objectives) and those read for headers only. */

export const SCORE_STATUSES = ["exempt", "fully graded", "not submitted", "partially graded", "submitted"] as const;

export const CATEGORIES = {
  name: "categories",
  columns: [...COMMON, req("title"), only("1.2", opt("weight", "number"))],
} as const satisfies FileSpec;

export const LINE_ITEMS = {
  name: "lineItems",
  columns: [
    ...COMMON,
    req("title"),
    long(opt("description")),
    req("assignDate", "date"),
    req("dueDate", "date"),
    req("classSourcedId"),
    req("categorySourcedId"),
    only("1.1", req("gradingPeriodSourcedId")),
    only("1.2", req("academicSessionSourcedId")),
    opt("resultValueMin", "number"),
    opt("resultValueMax", "number"),
    only("1.2", opt("schoolSourcedId")),
  ],
} as const satisfies FileSpec;

export const RESULTS = {
  name: "results",
  columns: [
    ...COMMON,
    req("lineItemSourcedId"),
    req("studentSourcedId"),
    req("scoreStatus", SCORE_STATUSES),
    only("1.1", req("score", "number")),
    req("scoreDate", "date"),
    long(opt("comment")),
    only("1.2", opt("textScore")),
    only("1.2", opt("classSourcedId")),
    only("1.2", opt("inProgress", "bool")),
    only("1.2", opt("incomplete", "bool")),
    only("1.2", opt("late", "bool")),
    only("1.2", opt("missing", "bool")),
  ],
} as const satisfies FileSpec;

export const SCORE_SCALES = {
  name: "scoreScales",
  columns: [
    ...COMMON,
    req("title"),
    req("type"),
    req("orgSourcedId"),
    req("courseSourcedId"),
    req("classSourcedId"),
    long(req("scoreScaleValue")),
  ],
} as const satisfies FileSpec;

export const LINE_ITEM_SCORE_SCALES = {
  name: "lineItemScoreScales",
  columns: [...COMMON, opt("title"), req("lineItemSourcedId"), req("scoreScaleSourcedId")],
} as const satisfies FileSpec;

export const RESULT_SCORE_SCALES = {
  name: "resultScoreScales",
  columns: [...COMMON, opt("title"), req("resultSourcedId"), req("scoreScaleSourcedId")],
} as const satisfies FileSpec;

export const LINE_ITEM_OBJECTIVES = {
  name: "lineItemLearningObjectiveIds",
  columns: [...COMMON, req("lineItemSourcedId"), req("source"), req("learningObjectiveId")],
} as const satisfies FileSpec;

export const RESULT_OBJECTIVES = {
  name: "resultLearningObjectiveIds",
  columns: [
    ...COMMON,
    req("resultSourcedId"),
    req("source"),
    req("learningObjectiveId"),
    opt("score", "number"),
    opt("textScore"),
  ],
} as const satisfies FileSpec;

/** Files read for their headers only: Collective has nowhere to keep them. */
export const SKIPPED: FileSpec[] = [
  {
    name: "resources",
    skipped: true,
    columns: [
      ...COMMON,
      req("vendorResourceId"),
      opt("title"),
      opt("roles"),
      opt("importance"),
      opt("vendorId"),
      opt("applicationId"),
    ],
  },
  {
    name: "classResources",
    skipped: true,
    columns: [...COMMON, opt("title"), req("classSourcedId"), req("resourceSourcedId")],
  },
  {
    name: "courseResources",
    skipped: true,
    columns: [...COMMON, opt("title"), req("courseSourcedId"), req("resourceSourcedId")],
  },
  {
    name: "userProfiles",
    skipped: true,
    columns: [
      ...COMMON,
      req("userSourcedId"),
      req("profileType"),
      req("vendorId"),
      opt("applicationId"),
      opt("description"),
      req("credentialType"),
      req("username"),
      opt("password"),
    ],
  },
  {
    name: "userResources",
    skipped: true,
    columns: [...COMMON, req("userSourcedId"), opt("orgSourcedId"), opt("classSourcedId"), req("resourceSourcedId")],
  },
];

export type LineItemRow = RowOf<typeof LINE_ITEMS.columns>;
export type ResultRow = RowOf<typeof RESULTS.columns>;
