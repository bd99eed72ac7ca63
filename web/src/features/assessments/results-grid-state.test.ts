import { describe, expect, it } from "vitest";
import { ResultsInput } from "../../../../contract/assessments";
import {
  applyPaste,
  buildResultRows,
  isBlock,
  parseCell,
  parsePastedBlock,
  problemsByCell,
} from "./results-grid-state";

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const items = [
  { id: uuid(1), position: 0, label: "1", maxPoints: 2, correctResponse: null, targetIds: [] },
  { id: uuid(2), position: 1, label: "2", maxPoints: 1, correctResponse: "C", targetIds: [] },
  { id: uuid(3), position: 2, label: "3", maxPoints: 4, correctResponse: null, targetIds: [] },
];
const student = (
  n: number,
  saved: Partial<{ status: "completed" | "absent"; scores: object; responses: object }> = {},
) => ({
  id: uuid(100 + n),
  name: `Student ${n}`,
  identifier: null,
  status: saved.status ?? null,
  scores: (saved.scores ?? {}) as Record<string, number>,
  responses: (saved.responses ?? {}) as Record<string, string>,
});

describe("a grid cell", () => {
  it("reads blanks, points, decimal commas, and answers on selected-response items", () => {
    expect(parseCell(" ", items[0] as never)).toEqual({ ok: true, points: null, response: null });
    expect(parseCell("1,5", items[0] as never)).toEqual({ ok: true, points: 1.5, response: null });
    expect(parseCell("c", items[1] as never)).toEqual({ ok: true, points: 1, response: "c" });
    expect(parseCell("B", items[1] as never)).toEqual({ ok: true, points: 0, response: "B" });
    expect(parseCell("3", items[0] as never)).toEqual({ ok: false, message: "At most 2 points." });
    expect(parseCell("x", items[0] as never)).toEqual({ ok: false, message: "Not a number of points." });
    expect(parseCell("-1", items[0] as never)).toEqual({ ok: false, message: "Points cannot be negative." });
  });
});

describe("pasting a block from a spreadsheet", () => {
  it("splits lines and tabs, drops the trailing line break, and tells a block from a single value", () => {
    expect(parsePastedBlock("1\t2\r\n0\t1\r\n")).toEqual([
      ["1", "2"],
      ["0", "1"],
    ]);
    expect(isBlock("2\n")).toBe(false);
    expect(isBlock("2\t1")).toBe(true);
  });

  it("fills cells from the focused one, statuses in column 0, and ignores what falls outside", () => {
    const students = [student(1), student(2)];
    const result = applyPaste(
      [
        ["absent", "2", "C", "4", "9"],
        ["present", "1", "A", "3"],
        ["exempt", "1"],
      ],
      { row: 0, col: 0 },
      students,
      items,
      { cells: {}, statuses: {} },
    );
    expect(result.filled).toBe(8);
    expect(result.statuses).toEqual({ [uuid(101)]: "absent", [uuid(102)]: "completed" });
    expect(result.cells[uuid(102)]).toEqual({ [uuid(1)]: "1", [uuid(2)]: "A", [uuid(3)]: "3" });
  });
});

describe("saving the grid", () => {
  it("sends only changed students and cells, as the API takes them", () => {
    const saved = student(1, {
      status: "completed",
      scores: { [uuid(1)]: 2, [uuid(2)]: 0 },
      responses: { [uuid(2)]: "B" },
    });
    const untouched = student(2, { status: "completed", scores: { [uuid(1)]: 1 } });
    const newcomer = student(3);
    const absentee = student(4, { status: "completed", scores: { [uuid(1)]: 1 } });
    const { rows, problems } = buildResultRows({ items }, [saved, untouched, newcomer, absentee], {
      cells: {
        [saved.id]: { [uuid(1)]: "2", [uuid(2)]: "C", [uuid(3)]: "" },
        [untouched.id]: { [uuid(1)]: "1" },
        [newcomer.id]: { [uuid(1)]: "1.5", [uuid(3)]: "x" },
      },
      statuses: { [absentee.id]: "absent" },
    });
    expect(rows).toEqual([
      { studentId: saved.id, status: "completed", scores: { [uuid(2)]: 1 }, responses: { [uuid(2)]: "C" } },
      { studentId: newcomer.id, status: "completed", scores: { [uuid(1)]: 1.5 } },
      { studentId: absentee.id, status: "absent", scores: {} },
    ]);
    expect(problems).toEqual([{ studentId: newcomer.id, itemId: uuid(3), message: "Not a number of points." }]);
    expect(ResultsInput.safeParse({ rows }).success).toBe(true);
  });

  it("places the server's problems back on their cells", () => {
    const sent = [uuid(101), uuid(102)];
    expect(
      problemsByCell(
        [
          { pointer: `/body/rows/1/scores/${uuid(3)}`, detail: "At most 4 points on this item." },
          { pointer: "/body/rows/0/studentId", detail: "No such student." },
        ],
        sent,
      ),
    ).toEqual({ [`${uuid(102)}:${uuid(3)}`]: "At most 4 points on this item.", [`${uuid(101)}:`]: "No such student." });
  });
});
