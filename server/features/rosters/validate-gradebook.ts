import type { LineItemRow } from "./gradebook-specs";
import { checkRef, RefIndex } from "./references";
import {
  type CutScore,
  type GradebookPlan,
  KNOWN_ID,
  type ResultPlan,
  type RosterPlan,
  splitByStatus,
  type ValidationContext,
} from "./roster-plan";
import { warnUnkeptColumns } from "./unkept-columns";

/** The default cut scores when no score scale is linked: levels 1–4 at 0, 50, 70 and 90 percent of the maximum. */
export function defaultCutScores(maxPoints: number): CutScore[] {
  const at = (fraction: number) => Math.round(maxPoints * fraction * 100) / 100;
  return [
    { level: 1, minPoints: 0 },
    { level: 2, minPoints: at(0.5) },
    { level: 3, minPoints: at(0.7) },
    { level: 4, minPoints: at(0.9) },
  ];
}

/** The numeric values of a scoreScaleValue cell: "{1:Beginning},{2:Developing}…" or "1,2,3,4". */
export function scaleValues(cell: string): number[] {
  const pairs = [...cell.matchAll(/\{?\s*([+-]?\d+(?:\.\d+)?)\s*:/g)].map((m) => Number(m[1]));
  const values = pairs.length ? pairs : cell.split(/[,;]/).map((v) => Number(v.trim()));
  return [...new Set(values.filter((v) => Number.isFinite(v)))].sort((a, b) => a - b);
}

/** CASE identifiers are UUIDs, written in either case; other sources' ids are taken as written. */
function objectiveKey(source: string, id: string): string {
  const kind = source.toLowerCase();
  return kind === "case" ? `case:${id.toLowerCase()}` : `${kind}:${id}`;
}

/** Line items, results and their learning objectives; category and score-scale files are checked only. */
export async function planGradebook(ctx: ValidationContext, plan: RosterPlan): Promise<void> {
  const { set, problems, index } = ctx;
  const gradebook = plan.gradebook;
  const categories = new RefIndex("category", set.files.categories);
  const scales = new Map<string, number[]>();
  for (const row of splitByStatus(set.files.scoreScales?.rows).active) {
    const values = scaleValues(row.scoreScaleValue);
    if (values.length === 0) {
      const where = [set.files.scoreScales?.fileName ?? "", row.line, "scoreScaleValue"] as const;
      problems.warn(...where, "No numeric values in this score scale; the default levels are used.");
    }
    scales.set(row.sourcedId, values);
  }
  const scaleOfLineItem = new Map<string, number[]>();
  const linkFile = set.files.lineItemScoreScales;
  for (const row of splitByStatus(linkFile?.rows).active) {
    const where = { file: linkFile?.fileName ?? "", line: row.line, column: "lineItemSourcedId" };
    checkRef(problems, where, index.lineItems, row.lineItemSourcedId, "error");
    const values = scales.get(row.scoreScaleSourcedId);
    if (!values) {
      const severity = set.files.scoreScales ? "error" : "warning";
      const message = `"${row.scoreScaleSourcedId}" names no score scale in this set.`;
      problems[severity === "error" ? "error" : "warn"](where.file, row.line, "scoreScaleSourcedId", message);
    } else if (values.length && !scaleOfLineItem.has(row.lineItemSourcedId)) {
      scaleOfLineItem.set(row.lineItemSourcedId, values);
    }
  }

  const objectivesOf = new Map<string, string[]>();
  const addObjective = (lineItemSid: string, source: string, id: string) => {
    const key = objectiveKey(source, id);
    if (!gradebook.objectives.has(key)) gradebook.objectives.set(key, { key, learningObjectiveId: id, standard: null });
    const keys = objectivesOf.get(lineItemSid) ?? [];
    if (!keys.includes(key)) objectivesOf.set(lineItemSid, [...keys, key]);
    return key;
  };
  const objectiveFile = set.files.lineItemLearningObjectiveIds;
  for (const row of splitByStatus(objectiveFile?.rows).active) {
    const where = { file: objectiveFile?.fileName ?? "", line: row.line, column: "lineItemSourcedId" };
    if (checkRef(problems, where, index.lineItems, row.lineItemSourcedId, "error")) {
      addObjective(row.lineItemSourcedId, row.source, row.learningObjectiveId);
    }
  }

  const results = planResults(ctx, plan);
  warnUnkeptColumns(problems, set.files.results, [
    "comment",
    "textScore",
    "inProgress",
    "incomplete",
    "late",
    "missing",
  ]);
  warnUnkeptColumns(problems, set.files.resultLearningObjectiveIds, ["textScore"]);
  const resultFile = set.files.resultLearningObjectiveIds;
  const resultsBySid = new Map(results.map((r) => [r.row.sourcedId, r]));
  for (const row of splitByStatus(resultFile?.rows).active) {
    const where = { file: resultFile?.fileName ?? "", line: row.line, column: "resultSourcedId" };
    if (!checkRef(problems, where, index.results, row.resultSourcedId, "error")) continue;
    if (row.score === null) {
      problems.warn(where.file, row.line, "score", "No numeric score for this objective; not stored.");
      continue;
    }
    const result = resultsBySid.get(row.resultSourcedId);
    const known = index.results.db.get(row.resultSourcedId);
    const lineItemSourcedId = result?.lineItemSourcedId ?? null;
    if (result && result.status !== "completed") continue;
    if (!lineItemSourcedId && !known) continue;
    const key = addObjective(
      lineItemSourcedId ?? `${KNOWN_ID}${known?.assessmentId}`,
      row.source,
      row.learningObjectiveId,
    );
    gradebook.targetResults.push({
      lineItemSourcedId: lineItemSourcedId ?? `${KNOWN_ID}${known?.assessmentId}`,
      studentSourcedId: result?.studentSourcedId ?? `${KNOWN_ID}${known?.studentId}`,
      classSourcedId: result?.classSourcedId ?? (known?.classId ? `${KNOWN_ID}${known.classId}` : null),
      assessedOn: result?.row.scoreDate ?? null,
      objectiveKey: key,
      score: row.score,
    });
  }

  const lineItemFile = set.files.lineItems;
  const lineItems = splitByStatus(lineItemFile?.rows);
  plan.deleted.lineItems = lineItems.deleted;
  const fileName = lineItemFile?.fileName ?? "lineItems.csv";
  for (const row of lineItems.active) {
    const where = { file: fileName, line: row.line, column: "classSourcedId" };
    if (!checkRef(problems, where, index.classes, row.classSourcedId, "error")) continue;
    if (set.files.categories)
      checkRef(problems, { ...where, column: "categorySourcedId" }, categories, row.categorySourcedId, "warning");
    const scale = scaleOfLineItem.get(row.sourcedId) ?? null;
    const maxPoints = maxPointsOf(ctx, row, scale, results, fileName);
    const cutScores = scale
      ? scale.map((value, i) => ({ level: i + 1, minPoints: value }))
      : defaultCutScores(maxPoints);
    gradebook.lineItems.push({
      row,
      classSourcedId: row.classSourcedId,
      maxPoints,
      cutScores,
      proficientLevel: Math.min(3, cutScores.length),
      objectiveKeys: objectivesOf.get(row.sourcedId) ?? [],
    });
  }
  for (const [lineItemSid, keys] of objectivesOf) {
    if (!lineItemSid.startsWith(KNOWN_ID)) continue;
    const maxPoints = Math.max(
      1,
      ...gradebook.targetResults.filter((t) => t.lineItemSourcedId === lineItemSid).map((t) => t.score),
    );
    for (const key of keys) {
      gradebook.extraTargets.push({
        lineItemSourcedId: lineItemSid,
        objectiveKey: key,
        maxPoints,
        cutScores: defaultCutScores(maxPoints),
      });
    }
  }
  await matchStandards(ctx, gradebook);
}

function planResults(ctx: ValidationContext, plan: RosterPlan): ResultPlan[] {
  const gradebook = plan.gradebook;
  const { set, problems, index } = ctx;
  const file = set.files.results;
  const fileName = file?.fileName ?? "results.csv";
  const lineItemClass = new Map((set.files.lineItems?.rows ?? []).map((r) => [r.sourcedId, r.classSourcedId]));
  const { active, deleted } = splitByStatus(file?.rows);
  plan.deleted.results = deleted;
  const pairs = new Map<string, number>();
  for (const row of active) {
    const where = { file: fileName, line: row.line, column: "lineItemSourcedId" };
    const hasLineItem = checkRef(problems, where, index.lineItems, row.lineItemSourcedId, "error");
    const hasStudent = checkRef(
      problems,
      { ...where, column: "studentSourcedId" },
      index.users,
      row.studentSourcedId,
      "error",
    );
    if (!hasLineItem || !hasStudent) continue;
    let classSourcedId = row.classSourcedId ?? lineItemClass.get(row.lineItemSourcedId) ?? null;
    if (
      row.classSourcedId &&
      !checkRef(problems, { ...where, column: "classSourcedId" }, index.classes, row.classSourcedId, "warning")
    ) {
      classSourcedId = lineItemClass.get(row.lineItemSourcedId) ?? null;
    }
    const pair = `${row.lineItemSourcedId}\u0000${row.studentSourcedId}`;
    const first = pairs.get(pair);
    if (first !== undefined) {
      problems.warn(
        fileName,
        row.line,
        "studentSourcedId",
        `This student already has a result for this line item on line ${first}; skipped.`,
      );
      continue;
    }
    pairs.set(pair, row.line);
    const status =
      row.scoreStatus === "exempt" ? "exempt" : row.scoreStatus === "not submitted" ? "absent" : "completed";
    gradebook.results.push({
      row,
      lineItemSourcedId: row.lineItemSourcedId,
      studentSourcedId: row.studentSourcedId,
      classSourcedId,
      status,
      score: row.score,
    });
  }
  return gradebook.results;
}

/** resultValueMax, else the linked scale's top value, else the best score given (with a warning). */
function maxPointsOf(
  ctx: ValidationContext,
  row: LineItemRow,
  scale: number[] | null,
  results: ResultPlan[],
  fileName: string,
): number {
  if (row.resultValueMax !== null && row.resultValueMax > 0) return row.resultValueMax;
  const top = scale?.at(-1);
  if (top !== undefined && top > 0) return top;
  const scores = results
    .filter((r) => r.lineItemSourcedId === row.sourcedId && r.score !== null)
    .map((r) => r.score as number);
  const best = Math.max(1, ...scores);
  ctx.problems.warn(fileName, row.line, "resultValueMax", `No maximum score; the best score given (${best}) is used.`);
  return best;
}

/** CASE objectives are matched to the district's standards by CFItem identifier; the rest get a target of their own. */
async function matchStandards(ctx: ValidationContext, gradebook: GradebookPlan): Promise<void> {
  const caseIds = [...gradebook.objectives.values()]
    .filter((o) => o.key.startsWith("case:"))
    .map((o) => o.learningObjectiveId);
  if (caseIds.length === 0 && gradebook.objectives.size === 0) return;
  const { rows } = await ctx.client.query<{
    case_identifier: string;
    id: string;
    full_statement: string;
    code: string | null;
  }>(
    `select distinct on (s.case_identifier) s.case_identifier, s.id, s.full_statement, s.human_coding_scheme as code
       from standards s where s.district_id = $1 and lower(s.case_identifier) = any($2::text[])
      order by s.case_identifier, s.id`,
    [ctx.districtId, caseIds.map((id) => id.toLowerCase())],
  );
  const byId = new Map(rows.map((r) => [r.case_identifier.toLowerCase(), r]));
  let unmatched = 0;
  for (const objective of gradebook.objectives.values()) {
    const standard = objective.key.startsWith("case:")
      ? byId.get(objective.learningObjectiveId.toLowerCase())
      : undefined;
    if (standard) objective.standard = { id: standard.id, statement: standard.full_statement, code: standard.code };
    else unmatched += 1;
  }
  if (unmatched) {
    ctx.problems.warn(
      ctx.set.files.lineItemLearningObjectiveIds?.fileName ?? "lineItemLearningObjectiveIds.csv",
      null,
      "learningObjectiveId",
      `${unmatched} learning objective${unmatched === 1 ? " matches" : "s match"} no standard of the district: each gets a learning target named by its id.`,
    );
  }
}
