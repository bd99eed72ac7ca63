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
