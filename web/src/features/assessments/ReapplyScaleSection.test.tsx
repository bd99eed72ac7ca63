// @vitest-environment happy-dom
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ScaleReapplication } from "../../../../contract/scale-reapplication";
import { renderWithQueries, stubApi } from "../../test/render";
import { ReapplyScaleSection } from "./ReapplyScaleSection";

const ASSESSMENT_ID = "8f6c2a52-3e0b-4d7a-9a51-0c1f3e2b7d44";
const preview: ScaleReapplication = {
  applied: false,
  targets: [
    {
      targetId: "0b7f1c1e-5c53-4f0e-a1d8-6f2e9c3d8a10",
      code: "MATH.3.1",
      statement: "I can add fractions",
      before: { proficientLevel: 3, levelCount: 4, assessed: 4, proficient: 3, proficientPercent: 75 },
      after: { proficientLevel: 4, levelCount: 5, assessed: 4, proficient: 1, proficientPercent: 25 },
      changes: [{ studentId: "5d1e7a0c-2b3f-4c8d-9e6a-7f1b2c3d4e5f", name: "Ana Ruiz", before: 4, after: 5 }],
      otherChanges: 0,
    },
  ],
};

beforeAll(() => {
  // Opening the dialog only needs the open attribute here (test DOMs differ on showModal).
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("ReapplyScaleSection", () => {
  it("reads the preview only when asked, shows before and after, and applies only on confirmation", async () => {
    const calls = stubApi((call) => ({
      status: 200,
      body: call.method === "POST" ? { ...preview, applied: true } : preview,
    }));
    renderWithQueries(<ReapplyScaleSection assessmentId={ASSESSMENT_ID} />);
    expect(calls).toEqual([]);

    await userEvent.click(screen.getByRole("button", { name: "Preview the current scale" }));
    expect(await screen.findByText("3 of 4 (75%), level 3 of 4")).toBeTruthy();
    expect(screen.getByText("1 of 4 (25%), level 4 of 5")).toBeTruthy();
    expect(screen.getByText("Ana Ruiz: 4 → 5")).toBeTruthy();
    expect(calls.map((c) => c.method)).toEqual(["GET"]);

    await userEvent.click(screen.getByRole("button", { name: "Apply the current scale" }));
    expect(await screen.findByText("The current scale was applied.")).toBeTruthy();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `GET /assessments/${ASSESSMENT_ID}/scale-reapplication`,
      `POST /assessments/${ASSESSMENT_ID}/scale-reapplication`,
    ]);
  });
});
