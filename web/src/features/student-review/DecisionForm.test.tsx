// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PlanDecision } from "../../../../contract/student-review";
import { problem, renderWithQueries, stubApi } from "../../test/render";
import { DecisionForm } from "./DecisionForm";

const PLAN_ID = "5d1f0a3c-7b2e-4c8a-9f61-2e3d4c5b6a70";

const recorded: PlanDecision = {
  id: "a3b2c1d0-1e2f-4a5b-8c6d-7e8f9a0b1c2d",
  planId: PLAN_ID,
  decision: "intensify",
  reason: "Four checks below the aim line.",
  tierBefore: 2,
  tierAfter: 3,
  flag: null,
  meetingId: null,
  decidedBy: null,
  decidedOn: "2026-12-07",
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const submit = () => userEvent.click(screen.getByRole("button", { name: "Record decision" }));

describe("DecisionForm", () => {
  it("asks for a decision and a reason, focuses the first, and calls no server", async () => {
    const calls = stubApi(() => ({ status: 201, body: recorded }));
    renderWithQueries(<DecisionForm planId={PLAN_ID} tier={2} flag={null} />);

    await submit();

    expect(await screen.findByText("Choose a decision.")).toBeTruthy();
    expect(screen.getByText("Say why the team decided this.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Continue"));
    expect(calls).toEqual([]);
  });

  it("asks whether the goal was met before a plan exits", async () => {
    const calls = stubApi(() => ({ status: 201, body: recorded }));
    renderWithQueries(<DecisionForm planId={PLAN_ID} tier={2} flag="consider_exit" />);

    await userEvent.type(screen.getByLabelText("Reason", { exact: false }), "Goal reached twice.");
    await submit();

    expect(await screen.findByText("Say whether the goal was met.")).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it("puts the server's problem on the changed field and focuses it", async () => {
    stubApi(() => ({
      status: 400,
      body: problem(400, "Invalid request", [{ pointer: "/body/changes/strategy", detail: "Name a known strategy." }]),
    }));
    renderWithQueries(<DecisionForm planId={PLAN_ID} tier={2} flag={null} />);

    await userEvent.click(screen.getByLabelText("Adjust"));
    await userEvent.type(screen.getByLabelText("Reason", { exact: false }), "Not enough progress.");
    await userEvent.type(screen.getByLabelText("Strategy"), "Something new");
    await submit();

    expect(await screen.findByText("Name a known strategy.")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Strategy")));
  });

  it("sends the decision with the new tier, says it is recorded and clears the reason", async () => {
    const calls = stubApi(() => ({ status: 201, body: recorded }));
    const onRecorded = vi.fn();
    renderWithQueries(<DecisionForm planId={PLAN_ID} tier={2} flag={null} onRecorded={onRecorded} />);

    await userEvent.click(screen.getByLabelText("Intensify"));
    await userEvent.type(screen.getByLabelText("Reason", { exact: false }), "Four checks below the aim line.");
    await userEvent.type(screen.getByLabelText("Minutes per session"), "30");
    await submit();

    await waitFor(() => expect(onRecorded).toHaveBeenCalledWith(recorded));
    expect(screen.getByText("Recorded: intensify.")).toBeTruthy();
    expect(screen.getByLabelText<HTMLTextAreaElement>("Reason", { exact: false }).value).toBe("");
    const [call] = calls;
    expect(call?.method).toBe("POST");
    expect(call?.path).toBe(`/plans/${PLAN_ID}/decisions`);
    expect(call?.body).toMatchObject({
      decision: "intensify",
      reason: "Four checks below the aim line.",
      flag: null,
      tier: 3,
      changes: { minutesPerSession: 30 },
    });
  });
});
