// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AssessmentDetail } from "../../../../contract/assessments";
import { DEFAULT_SCALE } from "../../../../contract/essentials";
import { problem, renderWithQueries, stubApi } from "../../test/render";
import { CutScoresEditor } from "./CutScoresEditor";

const TARGET_ID = "0b7f1c1e-5c53-4f0e-a1d8-6f2e9c3d8a10";
const assessment: AssessmentDetail = {
  id: "8f6c2a52-3e0b-4d7a-9a51-0c1f3e2b7d44",
  communityId: "6b1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f",
  title: "Fractions check",
  description: "",
  givenOn: null,
  status: "draft",
  itemCount: 4,
  targetCount: 1,
  classCount: 0,
  sittingCount: 0,
  createdAt: "2026-11-02T12:00:00.000Z",
  can: { update: true, enterResults: true, analyze: true },
  communityName: "Grade 3 math",
  items: [],
  targets: [
    {
      targetId: TARGET_ID,
      code: null,
      statement: "I can add fractions",
      standardCode: "3.NF.1",
      maxPoints: 4,
      cutScores: [0, 1, 2, 3].map((minPoints, index) => ({ level: index + 1, minPoints })),
      proficientLevel: 3,
      scaleLevels: [...DEFAULT_SCALE],
    },
  ],
  targetChoices: [],
  classes: [],
  hasNewerScale: false,
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const save = () => userEvent.click(screen.getByRole("button", { name: "Save cut scores" }));

describe("CutScoresEditor", () => {
  it("refuses points that are not a number, focuses them, and calls no server", async () => {
    const calls = stubApi(() => ({ status: 200, body: assessment }));
    renderWithQueries(<CutScoresEditor assessment={assessment} />);

    await userEvent.clear(screen.getByLabelText("3 Proficient"));
    await userEvent.type(screen.getByLabelText("3 Proficient"), "two");
    await save();

    expect(await screen.findByText("Enter a number of points.")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("3 Proficient")));
    expect(calls).toEqual([]);
  });

  it("sends each level's least points as numbers, the lowest level at 0", async () => {
    const calls = stubApi(() => ({ status: 200, body: assessment }));
    renderWithQueries(<CutScoresEditor assessment={assessment} />);
    expect(screen.getByLabelText("1 Beginning")).toHaveProperty("disabled", true);

    await userEvent.clear(screen.getByLabelText("4 Advanced"));
    await userEvent.type(screen.getByLabelText("4 Advanced"), "3.5");
    await save();

    expect(await screen.findByText("Cut scores saved; results follow them.")).toBeTruthy();
    expect(calls).toEqual([
      {
        method: "PUT",
        path: `/assessments/${assessment.id}/targets`,
        body: {
          targets: [
            {
              targetId: TARGET_ID,
              cutScores: [0, 1, 2, 3.5].map((minPoints, index) => ({ level: index + 1, minPoints })),
            },
          ],
        },
      },
    ]);
  });

  it("puts the server's problem on the level its pointer names", async () => {
    stubApi(() => ({
      status: 400,
      body: problem(400, "Invalid request", [
        {
          pointer: "/body/targets/0/cutScores/2/minPoints",
          detail: "Each level needs more points than the one below.",
        },
      ]),
    }));
    renderWithQueries(<CutScoresEditor assessment={assessment} />);

    await save();

    expect(await screen.findByText("Each level needs more points than the one below.")).toBeTruthy();
    expect(screen.getByLabelText("3 Proficient").getAttribute("aria-invalid")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("3 Proficient")));
  });
});
