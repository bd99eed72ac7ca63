import type { AssessmentAnalysis } from "../../../../contract/analysis";
import type { InterventionKind } from "../../../../contract/interventions";
import type { GroupFormStart } from "./GroupForm";
import { defaultGroupName } from "./group-name";
import type { NewGroupSearch } from "./new-group-search";

/**
 * A new group's first values, from the analysis it was started from: the target as the focus and the name, its
 * students by name, and as the measure the level on the target, with each student's baseline their level on it in
 * that assessment (blank where they have none). The team may change any of them.
 */
export function groupStart(
  kind: InterventionKind,
  search: NewGroupSearch,
  analysis: AssessmentAnalysis | undefined,
): GroupFormStart {
  const target = analysis?.targets.find((t) => t.targetId === search.targetId);
  const students = analysis?.students ?? [];
  const names = new Map(students.map((s) => [s.id, s.name]));
  const levelOf = (id: string) => {
    const level = target?.studentLevels[students.findIndex((s) => s.id === id)];
    return level === null || level === undefined ? "" : String(level);
  };
  const highest = Math.max(0, ...(target?.levels ?? []).map((l) => l.level));
  return {
    kind,
    name: target ? defaultGroupName(kind, target.statement) : "",
    focus: target ? (target.code ? `${target.code}: ${target.statement}` : target.statement) : "",
    measure:
      target && analysis
        ? `Level on ${target.code ?? "the target"}${highest > 0 ? ` (1–${highest})` : ""}, as in ${analysis.assessment.title}`
        : "",
    learningTargetIds: target ? [target.targetId] : [],
    sourceAssessmentId: search.assessmentId ?? null,
    students: (search.studentIds ?? [])
      .filter((id) => !analysis || names.has(id))
      .map((id) => ({ id, name: names.get(id) ?? "Student", isChosen: true, baseline: levelOf(id) })),
  };
}
