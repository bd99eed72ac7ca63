import { type ClipboardEvent, type KeyboardEvent, memo, useCallback, useRef, useState } from "react";
import {
  type AssessmentItem,
  type GridClass,
  type GridStudent,
  SITTING_STATUS_LABELS,
  SITTING_STATUSES,
  type SittingStatus,
} from "../../../../contract/assessments";
import { formatPoints } from "./assessment-format";
import styles from "./ResultsGrid.module.css";
import {
  applyPaste,
  type CellDrafts,
  type GridPosition,
  isBlock,
  parseCell,
  parsePastedBlock,
  type StatusDrafts,
  savedText,
  statusOf,
} from "./results-grid-state";

export type Drafts = { cells: CellDrafts; statuses: StatusDrafts };

type ResultsGridProps = {
  items: readonly AssessmentItem[];
  classes: readonly GridClass[];
  drafts: Drafts;
  onDraftsChange: (update: (previous: Drafts) => Drafts) => void;
  /** Messages by "<student>:<item>" (or "<student>:" for the whole row) from the last save. */
  problems: Record<string, string>;
  isReadOnly: boolean;
  onPasted: (cells: number) => void;
};

const cellSelector = (at: GridPosition) => `[data-cell="${at.row}:${at.col}"]`;

/**
 * Students × items as a plain table of inputs with one tab stop (roving focus): arrow keys move between
 * cells, Enter moves down, typing replaces the cell, and a block pasted from a spreadsheet fills cells from
 * the focused one. Column 0 is each student's status. Rows are memoised, so typing redraws one row.
 */
export function ResultsGrid({
  items,
  classes,
  drafts,
  onDraftsChange,
  problems,
  isReadOnly,
  onPasted,
}: ResultsGridProps) {
  const tableRef = useRef<HTMLTableElement>(null);
  const [active, setActive] = useState<GridPosition>({ row: 0, col: 1 });
  const students = classes.flatMap((c) => c.students);
  const rowCount = students.length;

  const focusCell = useCallback((at: GridPosition) => {
    const element = tableRef.current?.querySelector<HTMLInputElement | HTMLSelectElement>(cellSelector(at));
    if (!element) return;
    element.focus();
    if (element instanceof HTMLInputElement) element.select();
  }, []);

  function move(from: GridPosition, rows: number, cols: number) {
    const to = {
      row: Math.min(Math.max(from.row + rows, 0), rowCount - 1),
      // A read-only grid has no status control to stop on.
      col: Math.min(Math.max(from.col + cols, isReadOnly ? 1 : 0), items.length),
    };
    setActive(to);
    focusCell(to);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const target = event.target as HTMLElement;
    const cell = target.dataset.cell;
    if (!cell) return;
    const [row, col] = cell.split(":").map(Number) as [number, number];
    const at = { row, col };
    const input = target instanceof HTMLInputElement ? target : null;
    const isWhole = !input || input.selectionStart !== input.selectionEnd || input.value === "";
    const atStart = !input || isWhole || input.selectionStart === 0;
    const atEnd = !input || isWhole || input.selectionEnd === input.value.length;
    if (event.key === "ArrowUp") move(at, -1, 0);
    else if (event.key === "ArrowDown") move(at, 1, 0);
    else if (event.key === "ArrowLeft" && atStart) move(at, 0, -1);
    else if (event.key === "ArrowRight" && atEnd) move(at, 0, 1);
    else if (event.key === "Enter") move(at, event.shiftKey ? -1 : 1, 0);
    else if (event.key === "Escape" && input) {
      const student = students[row];
      const item = items[col - 1];
      if (student && item) updateCell(student.id, item.id, savedText(student, item.id));
      return;
    } else return;
    event.preventDefault();
  }

  function handlePaste(event: ClipboardEvent<HTMLTableElement>) {
    const cell = (event.target as HTMLElement).dataset.cell;
    const text = event.clipboardData.getData("text/plain");
    if (!cell || isReadOnly || !isBlock(text)) return;
    event.preventDefault();
    const [row, col] = cell.split(":").map(Number) as [number, number];
    const next = applyPaste(parsePastedBlock(text), { row, col }, students, items, drafts);
    onDraftsChange(() => ({ cells: next.cells, statuses: next.statuses }));
    onPasted(next.filled);
  }

  const updateCell = useCallback(
    (studentId: string, itemId: string, text: string) =>
      onDraftsChange((previous) => ({
        ...previous,
        cells: { ...previous.cells, [studentId]: { ...previous.cells[studentId], [itemId]: text } },
      })),
    [onDraftsChange],
  );
  const updateStatus = useCallback(
    (studentId: string, status: SittingStatus) =>
      onDraftsChange((previous) => ({ ...previous, statuses: { ...previous.statuses, [studentId]: status } })),
    [onDraftsChange],
  );
  const handleFocus = useCallback((at: GridPosition) => setActive(at), []);

  let rowIndex = 0;
  return (
    <div className={`table-scroll ${styles.scroll}`}>
      <table ref={tableRef} className={styles.grid} onKeyDown={handleKeyDown} onPaste={handlePaste}>
        <caption className="visually-hidden">
          Results by student and item. Arrow keys move between cells; Enter moves down; paste a block copied from a
          spreadsheet to fill many cells.
        </caption>
        <thead>
          <tr>
            <th scope="col">Student</th>
            <th scope="col">Status</th>
            {items.map((item) => (
              <th key={item.id} scope="col">
                {item.label}
                <span className={styles.itemMax}>/{formatPoints(item.maxPoints)}</span>
              </th>
            ))}
          </tr>
        </thead>
        {classes.map((klass) => (
          <tbody key={klass.id}>
            <tr className={styles.classRow}>
              <th scope="colgroup" colSpan={items.length + 2}>
                {klass.title}
                {klass.teacherNames.length ? <span className="muted"> · {klass.teacherNames.join(", ")}</span> : null}
              </th>
            </tr>
            {klass.students.map((student) => {
              const index = rowIndex++;
              return (
                <GridRow
                  key={student.id}
                  rowIndex={index}
                  student={student}
                  items={items}
                  typed={drafts.cells[student.id]}
                  status={statusOf(student, drafts.statuses)}
                  isStatusDirty={
                    drafts.statuses[student.id] !== undefined && drafts.statuses[student.id] !== student.status
                  }
                  activeCol={active.row === index ? active.col : -1}
                  problems={problems}
                  isReadOnly={isReadOnly}
                  onCell={updateCell}
                  onStatus={updateStatus}
                  onFocus={handleFocus}
                />
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}

type GridRowProps = {
  rowIndex: number;
  student: GridStudent;
  items: readonly AssessmentItem[];
  typed: Record<string, string> | undefined;
  status: SittingStatus;
  isStatusDirty: boolean;
  activeCol: number;
  problems: Record<string, string>;
  isReadOnly: boolean;
  onCell: (studentId: string, itemId: string, text: string) => void;
  onStatus: (studentId: string, status: SittingStatus) => void;
  onFocus: (at: GridPosition) => void;
};

const GridRow = memo(function GridRow(props: GridRowProps) {
  const { rowIndex, student, items, typed, status, activeCol, problems, isReadOnly } = props;
  const isCounted = status === "completed";
  const rowProblem = problems[`${student.id}:`];
  return (
    <tr className={isCounted ? undefined : styles.notCounted}>
      <th scope="row" className={styles.student}>
        {student.name}
        {student.identifier ? <span className="muted"> {student.identifier}</span> : null}
        {rowProblem ? <span className={styles.cellError}>{rowProblem}</span> : null}
      </th>
      <td className={props.isStatusDirty ? styles.dirty : undefined}>
        <select
          aria-label={`Status, ${student.name}`}
          data-cell={`${rowIndex}:0`}
          tabIndex={activeCol === 0 ? 0 : -1}
          value={status}
          disabled={isReadOnly}
          onFocus={() => props.onFocus({ row: rowIndex, col: 0 })}
          onChange={(event) => props.onStatus(student.id, event.target.value as SittingStatus)}
        >
          {SITTING_STATUSES.map((option) => (
            <option key={option} value={option}>
              {SITTING_STATUS_LABELS[option]}
            </option>
          ))}
        </select>
      </td>
      {items.map((item, index) => {
        const col = index + 1;
        const saved = savedText(student, item.id);
        const text = typed?.[item.id] ?? saved;
        const isDirty = text !== saved;
        const parsed = parseCell(text, item);
        const message = problems[`${student.id}:${item.id}`] ?? (parsed.ok ? undefined : parsed.message);
        const errorId = message ? `cell-error-${rowIndex}-${col}` : undefined;
        const className = [isDirty ? styles.dirty : "", message ? styles.hasError : ""].filter(Boolean).join(" ");
        return (
          <td key={item.id} className={className || undefined}>
            <input
              aria-label={`Item ${item.label}, ${student.name}`}
              aria-invalid={message ? true : undefined}
              aria-describedby={errorId}
              data-cell={`${rowIndex}:${col}`}
              tabIndex={activeCol === col ? 0 : -1}
              className={styles.cell}
              inputMode={item.correctResponse ? "text" : "decimal"}
              autoComplete="off"
              value={isCounted ? text : ""}
              readOnly={isReadOnly || !isCounted}
              onFocus={(event) => {
                props.onFocus({ row: rowIndex, col });
                event.target.select();
              }}
              onChange={(event) => props.onCell(student.id, item.id, event.target.value)}
            />
            {message ? (
              <span id={errorId} className={styles.cellError}>
                {message}
              </span>
            ) : null}
          </td>
        );
      })}
    </tr>
  );
});
