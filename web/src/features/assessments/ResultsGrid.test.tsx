// @vitest-environment jsdom
// (jsdom here: happy-dom does not join a header cell's text and its inner span into one accessible name, "1/4")
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AssessmentItem, GridClass } from "../../../../contract/assessments";
import { type Drafts, ResultsGrid } from "./ResultsGrid";
import styles from "./ResultsGrid.module.css";

const items: AssessmentItem[] = [
  {
    id: "1a000000-0000-4000-8000-000000000001",
    position: 1,
    label: "1",
    maxPoints: 4,
    correctResponse: null,
    targetIds: [],
  },
  {
    id: "1a000000-0000-4000-8000-000000000002",
    position: 2,
    label: "2",
    maxPoints: 1,
    correctResponse: "B",
    targetIds: [],
  },
];
const [points] = items as [AssessmentItem, AssessmentItem];
const classes: GridClass[] = [
  {
    id: "2b000000-0000-4000-8000-000000000001",
    title: "Grade 4 Math, period 2",
    teacherNames: ["Ms. Okafor"],
    students: [
      {
        id: "3c000000-0000-4000-8000-000000000001",
        name: "Ava Martinez",
        identifier: "10001",
        status: "completed",
        scores: { [points.id]: 3 },
        responses: {},
      },
      {
        id: "3c000000-0000-4000-8000-000000000002",
        name: "Ben Nguyen",
        identifier: null,
        status: null,
        scores: {},
        responses: {},
      },
      {
        id: "3c000000-0000-4000-8000-000000000003",
        name: "Chloe Smith",
        identifier: null,
        status: null,
        scores: {},
        responses: {},
      },
    ],
  },
];

type GridProps = { problems?: Record<string, string>; isReadOnly?: boolean; onPasted?: (cells: number) => void };

/** The grid as the results page holds it: drafts in state, handed back on every change. */
function Grid({ problems = {}, isReadOnly = false, onPasted = () => {} }: GridProps) {
  const [drafts, setDrafts] = useState<Drafts>({ cells: {}, statuses: {} });
  return (
    <ResultsGrid
      items={items}
      classes={classes}
      drafts={drafts}
      onDraftsChange={(update) => setDrafts(update)}
      problems={problems}
      isReadOnly={isReadOnly}
      onPasted={onPasted}
    />
  );
}

const cell = (item: string, student: string) => screen.getByRole("textbox", { name: `Item ${item}, ${student}` });

afterEach(cleanup);

describe("ResultsGrid", () => {
  it("shows saved scores by class and student, with one tab stop", () => {
    render(<Grid />);
    expect(screen.getByRole("columnheader", { name: "1/4" })).toBeTruthy();
    expect(screen.getByRole("rowheader", { name: /Ava Martinez/ })).toBeTruthy();
    expect(cell("1", "Ava Martinez")).toHaveProperty("value", "3");
    const tabStops = screen.getAllByRole("textbox").filter((input) => input.tabIndex === 0);
    expect(tabStops).toEqual([cell("1", "Ava Martinez")]);
  });

  it("marks a score above the item's points as invalid, beside the cell", async () => {
    render(<Grid />);
    await userEvent.type(cell("1", "Ben Nguyen"), "5");
    const input = cell("1", "Ben Nguyen");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("At most 4 points.").id).toBe(input.getAttribute("aria-describedby"));
    expect(input.closest("td")?.className).toContain(styles.dirty);
  });

  it("moves with the arrow keys and Enter, and Escape brings back the saved value", async () => {
    render(<Grid />);
    await userEvent.click(cell("1", "Ava Martinez"));
    await userEvent.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(cell("2", "Ava Martinez"));
    await userEvent.keyboard("{Enter}");
    expect(document.activeElement).toBe(cell("2", "Ben Nguyen"));
    expect(cell("2", "Ben Nguyen").tabIndex).toBe(0);
    await userEvent.keyboard("{ArrowLeft}{ArrowLeft}");
    expect(document.activeElement).toBe(screen.getByRole("combobox", { name: "Status, Ben Nguyen" }));

    await userEvent.click(cell("1", "Ava Martinez"));
    await userEvent.keyboard("4");
    expect(cell("1", "Ava Martinez")).toHaveProperty("value", "4");
    await userEvent.keyboard("{Escape}");
    expect(cell("1", "Ava Martinez")).toHaveProperty("value", "3");
  });

  it("fills cells from a block pasted from a spreadsheet, starting at the focused cell", async () => {
    const onPasted = vi.fn();
    render(<Grid onPasted={onPasted} />);
    await userEvent.click(cell("1", "Ben Nguyen"));
    await userEvent.paste("2\tb\n4\tC\n1\tB");

    expect(onPasted).toHaveBeenCalledWith(4);
    expect(cell("1", "Ben Nguyen")).toHaveProperty("value", "2");
    expect(cell("2", "Ben Nguyen")).toHaveProperty("value", "b");
    expect(cell("1", "Chloe Smith")).toHaveProperty("value", "4");
    expect(cell("2", "Chloe Smith")).toHaveProperty("value", "C");
  });

  it("empties and locks the cells of a student marked absent", async () => {
    render(<Grid />);
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Status, Ava Martinez" }), "absent");
    expect(cell("1", "Ava Martinez")).toHaveProperty("value", "");
    expect(cell("1", "Ava Martinez")).toHaveProperty("readOnly", true);
    expect(screen.getByRole("rowheader", { name: /Ava Martinez/ }).closest("tr")?.className).toBe(styles.notCounted);
  });

  it("shows the server's problems on their cell and on the whole row", () => {
    const [ava, ben] = classes[0]?.students ?? [];
    render(
      <Grid
        problems={{
          [`${ava?.id}:${points.id}`]: "Saved by someone else meanwhile.",
          [`${ben?.id}:`]: "This student left the class.",
        }}
      />,
    );
    expect(cell("1", "Ava Martinez").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Saved by someone else meanwhile.")).toBeTruthy();
    expect(screen.getByRole("rowheader", { name: /Ben Nguyen/ }).textContent).toContain("This student left the class.");
  });

  it("offers no editing when read-only", () => {
    render(<Grid isReadOnly />);
    expect(cell("1", "Ava Martinez")).toHaveProperty("readOnly", true);
    expect(screen.getByRole("combobox", { name: "Status, Ava Martinez" })).toHaveProperty("disabled", true);
  });
});
