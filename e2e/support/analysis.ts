import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { AssessmentDetail, ResultsGrid } from "../../contract/assessments";

/**
 * Students at each level on each target, worked out here from the raw results grid and the cut scores:
 * item points summed per target, the highest level whose least points were reached, absent and exempt left out.
 */
export function expectedLevels(detail: AssessmentDetail, grid: ResultsGrid): Map<string, Map<number, number>> {
  const counts = new Map<string, Map<number, number>>();
  for (const student of grid.classes.flatMap((c) => c.students)) {
    if (student.status !== "completed") continue;
    for (const target of detail.targets) {
      const items = detail.items.filter((item) => item.targetIds.includes(target.targetId));
      // A target with an item left blank is not entered (none scored) or partly scored: in no level.
      if (items.some((item) => student.scores[item.id] === undefined)) continue;
      const points = items.reduce((sum, item) => sum + (student.scores[item.id] ?? 0), 0);
      const level = [...target.cutScores]
        .sort((a, b) => a.minPoints - b.minPoints)
        .reduce((reached, cut) => (points >= cut.minPoints ? cut.level : reached), target.cutScores[0]?.level ?? 1);
      const byLevel = counts.get(target.targetId) ?? new Map<number, number>();
      byLevel.set(level, (byLevel.get(level) ?? 0) + 1);
      counts.set(target.targetId, byLevel);
    }
  }
  return counts;
}

/** Opens the table view of "Proficiency by target" and checks every count against the raw results. */
export async function expectProficiencyTable(page: Page, detail: AssessmentDetail, grid: ResultsGrid) {
  const expected = expectedLevels(detail, grid);
  const figure = page.getByRole("figure", { name: "Proficiency by target" });
  await figure.getByRole("button", { name: "Show table" }).click();
  const table = figure.getByRole("table");
  const headers = (await table.getByRole("columnheader").allInnerTexts()).map((h) => h.trim());
  for (const target of detail.targets) {
    const name = target.code ?? target.statement;
    const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
    const cells = (await row.getByRole("cell").allInnerTexts()).map((c) => c.trim());
    for (const level of target.cutScores.map((c) => c.level)) {
      const column = headers.findIndex((h) => h.startsWith(`${level} ·`) || h === `Level ${level}`);
      expect(cells[column - 1], `${name} at level ${level}`).toBe(
        String(expected.get(target.targetId)?.get(level) ?? 0),
      );
    }
  }
}

/** Students of the grid with nothing entered, and students scored on some but not all items of a target. */
export function expectedMissing(detail: AssessmentDetail, grid: ResultsGrid) {
  const students = grid.classes.flatMap((c) => c.students);
  const notEntered = students.filter((s) => s.status === null && Object.keys(s.scores).length === 0).length;
  const partlyScored = students.filter(
    (s) =>
      s.status === "completed" &&
      detail.targets.some((target) => {
        const items = detail.items.filter((item) => item.targetIds.includes(target.targetId));
        const scored = items.filter((item) => s.scores[item.id] !== undefined).length;
        return scored > 0 && scored < items.length;
      }),
  ).length;
  return { notEntered, partlyScored };
}

/** Reads "What these figures count" and checks its words and numbers against the raw results grid. */
export async function expectFigureDefinitions(page: Page, detail: AssessmentDetail, grid: ResultsGrid) {
  const { notEntered, partlyScored } = expectedMissing(detail, grid);
  const section = page.getByRole("region", { name: "What these figures count" });
  const text = ((await section.textContent()) ?? "").replace(/\s+/g, " ");
  expect(text).toContain("Students, not results: each student you may see is counted once per target");
  expect(text).toContain("at their result on this assessment only");
  expect(text).toContain("Absent and exempt students are counted apart, never as zero.");
  expect(text).toContain(`Not entered: ${notEntered} students in the assessment's classes with nothing entered yet`);
  expect(text).toContain(`Partly scored: ${partlyScored} students were scored on only some items of a target.`);
  expect(text).toContain("counted in no level, and never as ready for extension.");
  // The demo team keeps the default choice.
  expect(text).toContain("The team chose not to count them under needs more time.");
  expect(text).toContain("Ready for extension lists students at the top level only when it is above proficient");
}
