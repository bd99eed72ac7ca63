import { describe, expect, it } from "vitest";
import type { AssessmentAnalysis } from "../../../../contract/analysis";
import { groupStart } from "./group-start";

const ASSESSMENT = "0b7c5f0e-4a1d-4c2e-9f3a-1d2e3f4a5b6c";
const TARGET = "1c8d6a1f-5b2e-4d3f-8a4b-2e3f4a5b6c7d";
const [ANA, BEN, CAL] = [
  "2d9e7b2a-6c3f-4e4a-9b5c-3f4a5b6c7d8e",
  "3eaf8c3b-7d4a-4f5b-8c6d-4a5b6c7d8e9f",
  "4fb09d4c-8e5b-4a6c-9d7e-5b6c7d8e9fa0",
];

/** The parts of an analysis a new group starts from (the rest is not read). */
const analysis = {
  assessment: { id: ASSESSMENT, title: "Unit 3 check", givenOn: "2026-10-01", communityId: null },
  students: [
    { id: ANA, name: "Ana Ruiz", classId: null, status: "completed" },
    { id: BEN, name: "Ben Okafor", classId: null, status: "completed" },
    { id: CAL, name: "Cal Weiss", classId: null, status: "absent" },
  ],
  targets: [
    {
      targetId: TARGET,
      code: "FR.1",
      statement: "I can compare two fractions",
      levels: [1, 2, 3, 4].map((level) => ({ level, count: 0 })),
      studentLevels: [1, 2, null],
    },
  ],
} as unknown as AssessmentAnalysis;

describe("a new group started from an analysis", () => {
  it("takes each student's level on the target as their baseline, and the level as the measure", () => {
    const start = groupStart(
      "intervention",
      { assessmentId: ASSESSMENT, targetId: TARGET, studentIds: [BEN, CAL, ANA] },
      analysis,
    );
    expect(start.measure).toBe("Level on FR.1 (1–4), as in Unit 3 check");
    expect(start.students).toEqual([
      { id: BEN, name: "Ben Okafor", isChosen: true, baseline: "2" },
      { id: CAL, name: "Cal Weiss", isChosen: true, baseline: "" },
      { id: ANA, name: "Ana Ruiz", isChosen: true, baseline: "1" },
    ]);
    expect(start).toMatchObject({
      name: "Intervention: I can compare two fractions",
      focus: "FR.1: I can compare two fractions",
      learningTargetIds: [TARGET],
      sourceAssessmentId: ASSESSMENT,
    });
  });

  it("starts blank without an analysis, and leaves out students the analysis does not have", () => {
    expect(groupStart("extension", {}, undefined)).toMatchObject({ name: "", focus: "", measure: "", students: [] });
    const stranger = "5ac1ae5d-9f6c-4b7d-8e8f-6c7d8e9fa0b1";
    const start = groupStart("extension", { targetId: TARGET, studentIds: [stranger, ANA] }, analysis);
    expect(start.students.map((s) => s.id)).toEqual([ANA]);
  });
});
