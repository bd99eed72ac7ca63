import type {
  AssessmentItem,
  GridStudent,
  ResultRowInput,
  ResultsGrid,
  SittingStatus,
} from "../../../../contract/assessments";
import { formatPoints } from "./assessment-format";

/** What the team typed, by student and by item id; only cells that were touched. */
export type CellDrafts = Record<string, Record<string, string>>;
export type StatusDrafts = Record<string, SittingStatus>;

export type ParsedCell = { ok: true; points: number | null; response: string | null } | { ok: false; message: string };

const NUMBER = /^\d+([.,]\d{1,2})?$/;

/**
 * Reads a cell: blank (no score), points, or — on a selected-response item — the answer given, which earns
 * the item's points when it is the keyed answer and 0 otherwise.
 */
export function parseCell(text: string, item: Pick<AssessmentItem, "maxPoints" | "correctResponse">): ParsedCell {
  const value = text.trim();
  if (value === "") return { ok: true, points: null, response: null };
  if (NUMBER.test(value)) {
    const points = Number(value.replace(",", "."));
    if (points > item.maxPoints) return { ok: false, message: `At most ${formatPoints(item.maxPoints)} points.` };
    return { ok: true, points, response: null };
  }
  if (item.correctResponse && value.length <= 200) {
    const isCorrect = value.toLowerCase() === item.correctResponse.trim().toLowerCase();
    return { ok: true, points: isCorrect ? item.maxPoints : 0, response: value };
  }
  return { ok: false, message: value.startsWith("-") ? "Points cannot be negative." : "Not a number of points." };
}

/** A cell as the server has it: the answer given where there is one, else the points. */
export function savedText(student: GridStudent, itemId: string): string {
  const response = student.responses[itemId];
  if (response !== undefined) return response;
  const points = student.scores[itemId];
  return points === undefined ? "" : formatPoints(points);
}

const STATUS_WORDS: Record<string, SittingStatus> = {
  completed: "completed",
  complete: "completed",
  present: "completed",
  absent: "absent",
  abs: "absent",
  exempt: "exempt",
  ex: "exempt",
  excused: "exempt",
};

/** A status pasted or typed as text, or undefined when it is not one. */
export function parseStatus(text: string): SittingStatus | undefined {
  return STATUS_WORDS[text.trim().toLowerCase()];
}

/** A block copied from a spreadsheet: rows by line break, cells by tab; the trailing line break is dropped. */
export function parsePastedBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
  return lines.map((line) => line.split("\t"));
}

/** Whether a paste is a block (several cells) rather than one value typed into one cell. */
export function isBlock(text: string): boolean {
  return /[\t\n\r]/.test(text.replace(/\r?\n$/, ""));
}

export type GridPosition = { row: number; col: number };

/**
 * Fills the grid from a pasted block starting at the focused cell. Column 0 is the status; columns 1…n are
 * the items. Cells beyond the grid are ignored; the number of cells filled is returned with the drafts.
 */
export function applyPaste(
  block: string[][],
  at: GridPosition,
  students: readonly GridStudent[],
  items: readonly AssessmentItem[],
  drafts: { cells: CellDrafts; statuses: StatusDrafts },
): { cells: CellDrafts; statuses: StatusDrafts; filled: number } {
  const cells: CellDrafts = { ...drafts.cells };
  const statuses: StatusDrafts = { ...drafts.statuses };
  let filled = 0;
  block.forEach((values, r) => {
    const student = students[at.row + r];
    if (!student) return;
    values.forEach((value, c) => {
      const col = at.col + c;
      if (col === 0) {
        const status = parseStatus(value);
        if (status) {
          statuses[student.id] = status;
          filled++;
        }
        return;
      }
      const item = items[col - 1];
      if (!item) return;
      cells[student.id] = { ...cells[student.id], [item.id]: value.trim() };
      filled++;
    });
  });
  return { cells, statuses, filled };
}

/** The student's status as it will be saved: the one chosen now, else the recorded one, else completed. */
export function statusOf(student: GridStudent, statuses: StatusDrafts): SittingStatus {
  return statuses[student.id] ?? student.status ?? "completed";
}

export type CellProblem = { studentId: string; itemId: string; message: string };

/**
 * The rows to send (students with a changed cell or status) and the cells that cannot be read.
 * Cells equal to what is saved are left out, so a save sends only real changes.
 */
export function buildResultRows(
  grid: Pick<ResultsGrid, "items">,
  students: readonly GridStudent[],
  drafts: { cells: CellDrafts; statuses: StatusDrafts },
): { rows: ResultRowInput[]; problems: CellProblem[] } {
  const rows: ResultRowInput[] = [];
  const problems: CellProblem[] = [];
  for (const student of students) {
    const typed = drafts.cells[student.id] ?? {};
    const status = statusOf(student, drafts.statuses);
    const scores: Record<string, number | null> = {};
    const responses: Record<string, string | null> = {};
    for (const item of grid.items) {
      const text = typed[item.id];
      if (text === undefined || text === savedText(student, item.id)) continue;
      const cell = parseCell(text, item);
      if (!cell.ok) {
        problems.push({ studentId: student.id, itemId: item.id, message: cell.message });
        continue;
      }
      scores[item.id] = cell.points;
      if (cell.response !== null || student.responses[item.id] !== undefined) responses[item.id] = cell.response;
    }
    const hasCells = Object.keys(scores).length > 0;
    const isStatusChanged = drafts.statuses[student.id] !== undefined && drafts.statuses[student.id] !== student.status;
    if (!hasCells && !isStatusChanged) continue;
    const isCounted = status === "completed";
    rows.push({
      studentId: student.id,
      status,
      scores: isCounted ? scores : {},
      ...(isCounted && Object.keys(responses).length ? { responses } : {}),
    });
  }
  return { rows, problems };
}

/** Server problems ("/body/rows/3/scores/<item>") as cell keys "<student>:<item>" (or "<student>:" for the row). */
export function problemsByCell(
  errors: readonly { pointer: string; detail: string }[],
  sentStudentIds: readonly string[],
): Record<string, string> {
  const byCell: Record<string, string> = {};
  for (const error of errors) {
    const match = /^\/body\/rows\/(\d+)(?:\/(?:scores|responses)\/([^/]+))?/.exec(error.pointer);
    const studentId = match ? sentStudentIds[Number(match[1])] : undefined;
    if (!match || !studentId) continue;
    byCell[`${studentId}:${match[2] ?? ""}`] ??= error.detail;
  }
  return byCell;
}
