import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { AnalysisGroup, AssessmentAnalysis, LevelCount, Tally } from "../../../contract/analysis";

type Cell = string | number | null;
/** One section of the analysis as a table: a CSV block, or a worksheet. */
export type ExportSection = { name: string; rows: Cell[][] };

/** Text a spreadsheet would run as a formula (=, +, -, @ …) is kept as text (OWASP CSV injection). */
function safe(value: Cell): Cell {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function levelsOf(analysis: AssessmentAnalysis): number[] {
  const levels = new Set<number>();
  for (const target of analysis.targets) for (const l of target.levels) levels.add(l.level);
  return [...levels].sort((a, b) => a - b);
}

function countAt(levels: readonly LevelCount[], level: number): number {
  return levels.find((l) => l.level === level)?.count ?? 0;
}

function targetName(analysis: AssessmentAnalysis, targetId: string): string {
  const target = analysis.targets.find((t) => t.targetId === targetId);
  return target ? (target.code ?? target.statement) : targetId;
}

function tallyCells(tally: Tally, levels: number[]): Cell[] {
  return [tally.assessed, tally.proficient, tally.proficientPercent, ...levels.map((l) => countAt(tally.levels, l))];
}

function groupSection(name: string, groups: AnalysisGroup[], analysis: AssessmentAnalysis): ExportSection {
  const levels = levelsOf(analysis);
  const related = name === "By class" ? "Teachers" : "Classes";
  const header = [name.replace("By ", "").replace(/^./, (c) => c.toUpperCase()), related, "Absent", "Exempt"];
  const notEntered = "Not entered (nothing entered)";
  return {
    name,
    rows: [
      [...header, "Target", "Assessed", "Proficient", "Proficient %", ...levels.map((l) => `Level ${l}`), notEntered],
      ...groups.flatMap((group) =>
        group.targets.map((tally) => [
          group.name,
          group.related.join("; "),
          group.absent,
          group.exempt,
          targetName(analysis, tally.targetId),
          ...tallyCells(tally, levels),
          group.notEntered,
        ]),
      ),
    ],
  };
}

/** Every section of the analysis as tables, with the same numbers the page shows. */
export function exportSections(analysis: AssessmentAnalysis): ExportSection[] {
  const levels = levelsOf(analysis);
  const order = new Map(analysis.students.map((s, index) => [s.id, index]));
  const namesOf = (ids: string[]) =>
    [...ids]
      .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
      .map((id) => analysis.students[order.get(id) ?? -1]?.name ?? id)
      .join("; ");
  const { assessed, absent, exempt, notEntered } = analysis.sittings;
  return [
    {
      name: "By target",
      rows: [
        ["Assessment", analysis.assessment.title, "Assessed", assessed, "Absent", absent, "Exempt", exempt].concat([
          "Not entered",
          notEntered,
        ]),
        ["Target", "Statement", "Max points", "Mean points", "Proficient level", "Assessed", "Proficient"].concat([
          "Proficient %",
          ...levels.map((l) => `Level ${l}`),
          "Not entered",
        ]),
        ...analysis.targets.map((t) => [
          t.code,
          t.statement,
          t.maxPoints,
          t.meanPoints,
          t.proficientLevel,
          ...tallyCells(t, levels),
          t.notEntered,
        ]),
      ],
    },
    groupSection("By class", analysis.classes, analysis),
    groupSection("By teacher", analysis.teachers, analysis),
    {
      name: "Items",
      rows: [
        ["Item", "Max points", "Scored", "Mean points", "% of max", "% fully correct", "Key"].concat([
          "Most common wrong answer",
          "Times chosen",
          "Responses",
        ]),
        ...analysis.items.map((item) => [
          item.label,
          item.maxPoints,
          item.scored,
          item.meanPoints,
          item.percentOfMax,
          item.percentFullyCorrect,
          item.correctResponse,
          item.mostCommonWrong?.response ?? null,
          item.mostCommonWrong?.count ?? null,
          item.responses.map((r) => `${r.response}: ${r.count}`).join("; "),
        ]),
      ],
    },
    {
      name: "Students",
      rows: [
        ["Student", "Status", ...analysis.targets.map((t) => t.code ?? t.statement)],
        ...analysis.students.map((s, index) => [
          s.name,
          s.status,
          ...analysis.targets.map((t) => t.studentLevels[index] ?? null),
        ]),
      ],
    },
    {
      name: "Intervention and extension",
      rows: [
        [
          "Target",
          "Below proficient",
          "At the top level",
          analysis.assessment.countsPartlyScoredAsNeed
            ? "Partly scored (counted as below proficient, by the team's choice)"
            : "Partly scored (in neither list)",
        ],
        ...analysis.targets.map((t) => [
          t.code ?? t.statement,
          namesOf(t.belowProficient),
          namesOf(t.atTopLevel),
          namesOf(t.partlyScored),
        ]),
      ],
    },
    {
      name: "Subgroups",
      rows: [
        ["Group", "Target", "Assessed", "Proficient", "Proficient %", ...levels.map((l) => `Level ${l}`)],
        ...analysis.subgroups.flatMap((group) =>
          group.targets.map((cell) => [
            group.label,
            targetName(analysis, cell.targetId),
            ...(cell.suppressed
              ? [cell.reason === "fewer_than_10" ? "fewer than 10" : "hidden to protect a small group"]
              : tallyCells(cell, levels)),
          ]),
        ),
      ],
    },
  ];
}

/** The sections one after another, each under its name, separated by a blank line. */
export function analysisCsv(analysis: AssessmentAnalysis): string {
  const rows = exportSections(analysis).flatMap((section, index) => [
    ...(index > 0 ? [[]] : []),
    [section.name],
    ...section.rows,
  ]);
  return `\uFEFF${stringify(rows.map((row) => row.map(safe)))}`;
}

/** One worksheet per section. */
export async function analysisXlsx(analysis: AssessmentAnalysis): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Collective";
  for (const section of exportSections(analysis)) {
    const sheet = workbook.addWorksheet(section.name.slice(0, 31));
    for (const row of section.rows) sheet.addRow(row.map(safe));
    sheet.getRow(section.name === "By target" ? 2 : 1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
