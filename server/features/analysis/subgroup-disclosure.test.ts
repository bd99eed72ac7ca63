import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AnalysisTarget,
  type AssessmentAnalysis,
  SUBGROUP_LABELS,
  SUPPRESSION_THRESHOLD,
  type Subgroup,
} from "../../../contract/analysis";
import type { DemographicCount, TargetTotal } from "./analysis.queries";
import { analysisCsv, analysisXlsx, exportSections } from "./analysis-export";
import { buildSubgroups } from "./analysis-subgroups";

/*
 * An attacker reads the published subgroup table (from the JSON, the CSV or the XLSX) and the targets' totals,
 * assumes the worst — that the groups listed in a dimension hold every student assessed exactly once — and
 * works out each hidden cell's possible sizes: a cell "fewer than 10" lies in 0..9, a cell hidden to protect
 * another says nothing about its size, and together the hidden cells hold the total less the cells shown.
 * No hidden cell may come out as a single value equal to its true size.
 */

const RACES = [
  "americanIndianOrAlaskaNative",
  "asian",
  "blackOrAfricanAmerican",
  "nativeHawaiianOrOtherPacificIslander",
  "white",
  "twoOrMoreRaces",
] as const;
const SEXES = ["female", "male", "other", "unspecified"] as const;
const LEVELS = [1, 2, 3, 4];

type Student = { sex: string | null; flags: number; hasDemographics: boolean; levels: (number | null)[] };

/** One student; on a complete roster everyone has a sex and one race, so each dimension adds up to the total. */
const student = (targets: number, complete: boolean, races: number[], sexes: string[]) => {
  const race = fc.constantFrom(...races);
  const sex = fc.constantFrom(...sexes);
  return fc.record({
    sex: complete ? sex : fc.option(sex, { freq: 10 }),
    flags: complete ? race : fc.oneof({ weight: 5, arbitrary: race }, fc.integer({ min: 0, max: 63 })),
    hispanic: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
    hasDemographics: complete ? fc.constant(true) : fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
    levels: fc.array(fc.option(fc.constantFrom(...LEVELS), { freq: 12 }), { minLength: targets, maxLength: targets }),
  });
};

/**
 * A roster of up to 90 students with 1 to 3 targets. Each roster draws its races and sexes from its own mix
 * (a value listed more often is a bigger group), so small groups sit beside big ones in every proportion.
 */
const roster = fc
  .record({
    targets: fc.integer({ min: 1, max: 3 }),
    complete: fc.boolean(),
    races: fc.array(fc.constantFrom(1, 2, 4, 8, 16, 32), { minLength: 1, maxLength: 10 }),
    sexes: fc.array(fc.constantFrom(...SEXES), { minLength: 1, maxLength: 6 }),
  })
  .chain(({ targets, complete, races, sexes }) =>
    fc
      .array(student(targets, complete, races, sexes), { maxLength: 90, size: "max" })
      .map((rows) =>
        rows.map(
          (s): Student => ({
            sex: s.sex,
            flags: s.flags | (s.hispanic ? 64 : 0),
            hasDemographics: s.hasDemographics,
            levels: s.levels,
          }),
        ),
      )
      .map((students) => ({ targets, students })),
  );

const targetId = (index: number) => `00000000-0000-4000-8000-00000000000${index + 1}`;

/** What the analysis statement returns for this roster: counts per signature, and each target's total. */
function queryResultOf(targets: number, students: Student[]) {
  const signatures = new Map<string, DemographicCount>();
  const totals: TargetTotal[] = [];
  for (let t = 0; t < targets; t++) {
    let assessed = 0;
    const atLevel = new Map<number, number>();
    for (const s of students) {
      const level = s.levels[t];
      if (level == null) continue;
      assessed++;
      atLevel.set(level, (atLevel.get(level) ?? 0) + 1);
      if (!s.hasDemographics) continue;
      const key = `${t}|${level}|${s.sex}|${s.flags}`;
      const row = signatures.get(key) ?? { targetId: targetId(t), level, count: 0, sex: s.sex, flags: s.flags };
      row.count++;
      signatures.set(key, row);
    }
    const levelCounts = LEVELS.map((level) => ({ level, count: atLevel.get(level) ?? 0 }));
    totals.push({ targetId: targetId(t), assessed, proficientLevel: 3, levels: LEVELS, levelCounts });
  }
  return { signatures: [...signatures.values()], totals };
}

function analysisOf(totals: TargetTotal[], subgroups: Subgroup[]): AssessmentAnalysis {
  const targets: AnalysisTarget[] = totals.map((total, index) => ({
    targetId: total.targetId,
    code: `T.${index + 1}`,
    statement: `Target ${index + 1}`,
    assessed: total.assessed,
    proficient: 0,
    proficientPercent: null,
    levels: LEVELS.map((level) => ({ level, count: 0 })),
    maxPoints: 4,
    proficientLevel: 3,
    topLevel: 4,
    levelLabels: [],
    meanPoints: null,
    belowProficient: [],
    atTopLevel: [],
    studentLevels: [],
    notEntered: 0,
    partlyScored: [],
  }));
  return {
    assessment: { id: targetId(8), title: "Check", givenOn: null, communityId: null, countsPartlyScoredAsNeed: false },
    sittings: { assessed: 0, absent: 0, exempt: 0, notEntered: 0 },
    targets,
    classes: [],
    teachers: [],
    items: [],
    students: [],
    subgroups,
  };
}

/**
 * The figures published for a cell (or a target's total): students assessed, and for each level the students at
 * it and the students not at it. A hidden group known to have none at a level, or all of its students there,
 * is as exposed as one whose size is known.
 */
type Figures = Record<string, number>;

function figuresOf(assessed: number, levels: readonly { level: number; count: number }[]): Figures {
  const figures: Figures = { assessed };
  for (const { level, count } of levels) {
    figures[`at ${level}`] = count;
    figures[`not at ${level}`] = assessed - count;
  }
  return figures;
}

/** A published cell: its figures, or why it is hidden. */
type Published = { dimension: string; key: string; target: string; figures: Figures | null; reason: string | null };

function fromJson(subgroups: Subgroup[], totals: TargetTotal[]): Published[] {
  return subgroups.flatMap((group) =>
    group.targets.map((cell) => ({
      dimension: group.dimension,
      key: group.key,
      target: `T.${totals.findIndex((t) => t.targetId === cell.targetId) + 1}`,
      figures: cell.suppressed ? null : figuresOf(cell.assessed, cell.levels),
      reason: cell.suppressed ? cell.reason : null,
    })),
  );
}

const KEY_BY_LABEL = new Map(Object.entries(SUBGROUP_LABELS).map(([key, label]) => [label, key]));
const dimensionOf = (key: string) =>
  SEXES.some((s) => s === key) ? "sex" : RACES.some((r) => r === key) ? "race" : "ethnicity";

/** The subgroup section of an export (its header row first), read back as a person would read the file. */
function fromRows(rows: unknown[][]): Published[] {
  const header = (rows[0] ?? []).map(String);
  return rows.slice(1).map((row) => {
    const [label, target, assessed] = row;
    const key = KEY_BY_LABEL.get(String(label)) ?? String(label);
    const isNumber = typeof assessed === "number" || /^\d+$/.test(String(assessed));
    const levels = header.flatMap((name, column) => {
      const level = /^Level (\d+)$/.exec(name)?.[1];
      return level ? [{ level: Number(level), count: Number(row[column]) }] : [];
    });
    return {
      dimension: dimensionOf(key),
      key,
      target: String(target),
      figures: isNumber ? figuresOf(Number(assessed), levels) : null,
      reason: isNumber ? null : String(assessed) === "fewer than 10" ? "fewer_than_10" : "protects_small_group",
    };
  });
}

function csvSubgroupRows(analysis: AssessmentAnalysis): unknown[][] {
  const rows: string[][] = parse(analysisCsv(analysis).replace(/^\uFEFF/, ""), { relax_column_count: true });
  const start = rows.findIndex((row) => row[0] === "Subgroups");
  return rows.slice(start + 1);
}

async function xlsxSubgroupRows(analysis: AssessmentAnalysis): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await analysisXlsx(analysis)) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Subgroups");
  const rows: unknown[][] = [];
  sheet?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

/**
 * Every hidden figure the attacker can pin down, with the value they get. For each figure, the hidden cells
 * together hold the target's figure less the cells shown; a cell "fewer than 10" holds 0..9 of anything, a cell
 * hidden to protect another 0..the remainder. A figure the target's total gives as 0 (no one at a level) is 0
 * for every group whatever is hidden, so it is not counted as learned from the table.
 */
function derivedCells(published: Published[], totals: Map<string, Figures>, truth: Map<string, number>): string[] {
  const leaks: string[] = [];
  const byPartition = new Map<string, Published[]>();
  for (const cell of published) {
    const id = `${cell.dimension}|${cell.target}`;
    byPartition.set(id, [...(byPartition.get(id) ?? []), cell]);
  }
  for (const [partition, cells] of byPartition) {
    const [dimension, target] = partition.split("|") as [string, string];
    const total = totals.get(target) ?? { assessed: 0 };
    // A dimension with one group present says only that everyone is in it: the total, published anyway.
    if (cells.length < 2 || dimension === "ethnicity" || total.assessed === 0) continue;
    const hidden = cells.filter((cell) => cell.figures === null);
    for (const [figure, value] of Object.entries(total)) {
      if (figure !== "assessed" && value === 0) continue;
      const rest = value - cells.reduce((sum, cell) => sum + (cell.figures?.[figure] ?? 0), 0);
      const bounds = hidden.map((cell) =>
        cell.reason === "fewer_than_10" ? [0, SUPPRESSION_THRESHOLD - 1] : [0, Math.max(0, rest)],
      );
      hidden.forEach((cell, i) => {
        const others = bounds.filter((_, j) => j !== i);
        const [lo, hi] = bounds[i] as [number, number];
        const least = Math.max(lo, rest - others.reduce((sum, b) => sum + (b[1] as number), 0));
        const most = Math.min(hi, rest - others.reduce((sum, b) => sum + (b[0] as number), 0));
        const actual = truth.get(`${cell.key}|${target}|${figure}`) ?? 0;
        if (least === most && least === actual) leaks.push(`${cell.key} on ${target}: ${figure} = ${actual}`);
      });
    }
  }
  return leaks;
}

function truthOf(targets: number, students: Student[]): Map<string, number> {
  const truth = new Map<string, number>();
  const add = (key: string, t: number, level: number) => {
    const figures = figuresOf(1, [
      { level, count: 1 },
      ...LEVELS.filter((l) => l !== level).map((l) => ({ level: l, count: 0 })),
    ]);
    for (const [figure, n] of Object.entries(figures)) {
      const id = `${key}|T.${t + 1}|${figure}`;
      truth.set(id, (truth.get(id) ?? 0) + n);
    }
  };
  for (let t = 0; t < targets; t++) {
    for (const s of students) {
      const level = s.levels[t];
      if (level == null || !s.hasDemographics) continue;
      if (s.sex) add(s.sex, t, level);
      RACES.forEach((race, bit) => {
        if (s.flags & (1 << bit)) add(race, t, level);
      });
      if (s.flags & 64) add("hispanicOrLatino", t, level);
    }
  }
  return truth;
}

function scenario(targets: number, students: Student[]) {
  const { signatures, totals } = queryResultOf(targets, students);
  const subgroups = buildSubgroups(signatures, totals);
  const totalsByName = new Map(totals.map((t, index) => [`T.${index + 1}`, figuresOf(t.assessed, t.levelCounts)]));
  return { totals, subgroups, totalsByName, truth: truthOf(targets, students) };
}

const cohort = (n: number, student: Omit<Student, "hasDemographics">): Student[] =>
  Array.from({ length: n }, () => ({ ...student, hasDemographics: true }));

/** Whether each race's cell is hidden on the one target. */
const raceShown = (subgroups: Subgroup[]) =>
  Object.fromEntries(subgroups.filter((g) => g.dimension === "race").map((g) => [g.key, g.targets[0]?.suppressed]));

describe("no suppressed subgroup can be worked out from what is published", () => {
  it("hides a second race when the races add up to the total (the issue's case)", () => {
    const students: Student[] = [
      ...cohort(15, { sex: "male", flags: 16, levels: [3] }),
      ...cohort(15, { sex: "male", flags: 16, levels: [2] }),
      ...cohort(8, { sex: "female", flags: 4, levels: [2] }),
      ...cohort(7, { sex: "female", flags: 4, levels: [3] }),
      ...cohort(2, { sex: "male", flags: 2, levels: [2] }),
    ];
    const { totals, subgroups, totalsByName, truth } = scenario(1, students);
    expect(derivedCells(fromJson(subgroups, totals), totalsByName, truth)).toEqual([]);
    expect(raceShown(subgroups)).toEqual({ asian: true, blackOrAfricanAmerican: true, white: false });
  });

  it("hides more when every hidden student sits at one level, or none at a level the total has", () => {
    // With white shown, its levels would say that all 17 hidden students are at level 2 ("all or none").
    const students: Student[] = [
      ...cohort(30, { sex: "male", flags: 16, levels: [3] }),
      ...cohort(15, { sex: "female", flags: 4, levels: [2] }),
      ...cohort(2, { sex: "male", flags: 2, levels: [2] }),
    ];
    const { totals, subgroups, totalsByName, truth } = scenario(1, students);
    expect(derivedCells(fromJson(subgroups, totals), totalsByName, truth)).toEqual([]);
    expect(raceShown(subgroups)).toEqual({ asian: true, blackOrAfricanAmerican: true, white: true });
  });

  it("in the JSON and the CSV, over random rosters and results", () => {
    fc.assert(
      fc.property(roster, ({ targets, students }) => {
        const { totals, subgroups, totalsByName, truth } = scenario(targets, students);
        expect(derivedCells(fromJson(subgroups, totals), totalsByName, truth)).toEqual([]);
        const analysis = analysisOf(totals, subgroups);
        expect(derivedCells(fromRows(csvSubgroupRows(analysis)), totalsByName, truth)).toEqual([]);
        const section = exportSections(analysis).find((s) => s.name === "Subgroups");
        expect(derivedCells(fromRows(section?.rows ?? []), totalsByName, truth)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("in the XLSX, over random rosters and results", async () => {
    await fc.assert(
      fc.asyncProperty(roster, async ({ targets, students }) => {
        const { totals, subgroups, totalsByName, truth } = scenario(targets, students);
        const rows = await xlsxSubgroupRows(analysisOf(totals, subgroups));
        expect(derivedCells(fromRows(rows), totalsByName, truth)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
