import type {
  Child,
  ChildTarget,
  StudentListItem,
  StudentProfile,
  StudentTargetHistory,
} from "../../../contract/students";
import type { ChildRow } from "./family.queries";
import type { StudentListRow, StudentResultRow, StudentRow } from "./students.queries";

type Named = { givenName: string; familyName: string; preferredName: string | null };

function firstNameOf(student: Named): string {
  return student.preferredName?.trim() || student.givenName;
}

function nameOf(student: Named): string {
  return `${firstNameOf(student)} ${student.familyName}`.trim();
}

export function presentStudentListItem(row: StudentListRow): StudentListItem {
  return {
    id: row.id,
    name: nameOf(row),
    givenName: row.givenName,
    familyName: row.familyName,
    grade: row.grade,
    identifier: row.identifier,
    school: row.schoolId ? { id: row.schoolId, name: row.schoolName ?? "" } : null,
    classes: row.classes,
  };
}

/** Results arrive ordered by target, then oldest first; each target becomes one history. */
function groupByTarget(results: readonly StudentResultRow[]): StudentTargetHistory[] {
  const histories: StudentTargetHistory[] = [];
  for (const row of results) {
    let history = histories.at(-1);
    if (history?.targetId !== row.targetId) {
      history = { targetId: row.targetId, code: row.code, statement: row.statement, results: [] };
      histories.push(history);
    }
    history.results.push({
      assessmentId: row.assessmentId,
      assessmentTitle: row.assessmentTitle,
      date: row.date,
      points: row.points,
      maxPoints: row.maxPoints,
      level: row.level,
      proficientLevel: row.proficientLevel,
      topLevel: row.topLevel,
      isProficient: row.proficientLevel === null ? null : row.level >= row.proficientLevel,
    });
  }
  return histories;
}

export function presentStudentProfile(
  row: StudentRow,
  results: readonly StudentResultRow[],
  missed: StudentProfile["missed"],
): StudentProfile {
  return {
    id: row.id,
    name: nameOf(row),
    givenName: row.givenName,
    familyName: row.familyName,
    preferredName: row.preferredName,
    grade: row.grade,
    identifier: row.identifier,
    school: row.schoolId ? { id: row.schoolId, name: row.schoolName ?? "" } : null,
    classes: row.classes,
    targets: groupByTarget(results),
    missed,
  };
}

/** Where a child is on a target, in the words a family would use. */
function childTarget(firstName: string, target: ChildRow["targets"][number]): ChildTarget {
  const status =
    target.level < target.proficientLevel
      ? "working_toward"
      : target.level >= target.topLevel && target.topLevel > target.proficientLevel
        ? "beyond"
        : "shown";
  const sentence = {
    working_toward: `${firstName} is working toward this goal.`,
    shown: `${firstName} has shown they can do this.`,
    beyond: `${firstName} has shown they can do this, and more.`,
  }[status];
  return {
    targetId: target.targetId,
    statement: target.statement,
    status,
    sentence,
    lastAssessedOn: target.assessedOn,
  };
}

export function presentChild(row: ChildRow): Child {
  const firstName = firstNameOf(row);
  return {
    id: row.id,
    firstName,
    name: nameOf(row),
    grade: row.grade,
    schoolName: row.schoolName,
    targets: row.targets.map((target) => childTarget(firstName, target)),
  };
}
