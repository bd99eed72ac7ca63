// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PlanDecision } from "../../../../contract/student-review";
import { problem, renderWithQueries, stubApi } from "../../test/render";
import { DecisionForm } from "../student-review/DecisionForm";

// The decision form lives with the team's student review; the plan page (this feature) is where it is used most.
const planId = "4d000000-0000-4000-8000-000000000001";
const recorded = (decision: PlanDecision["decision"], tierAfter = 2): PlanDecision => ({
  id: "5e000000-0000-4000-8000-000000000001",
  planId,
  decision,
  reason: "Progress is flat.",
  tierBefore: 2,
  tierAfter,
  flag: null,
  meetingId: null,
  decidedBy: null,
  decidedOn: "2026-11-02",
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("DecisionForm", () => {
  it("asks for a decision and a reason before sending anything", async () => {
    const calls = stubApi(() => ({ status: 201, body: recorded("continue") }));
    renderWithQueries(<DecisionForm planId={planId} tier={2} flag={null} />);

    await userEvent.click(screen.getByRole("button", { name: "Record decision" }));

    expect(await screen.findByText("Choose a decision.")).toBeTruthy();
    expect(screen.getByText("Say why the team decided this.")).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it("starts on exit when the rule suggests it, and an exit needs its outcome", async () => {
    const calls = stubApi(() => ({ status: 201, body: recorded("exit") }));
    renderWithQueries(<DecisionForm planId={planId} tier={2} flag="consider_exit" />);
    expect(screen.getByRole("radio", { name: /Exit/ })).toHaveProperty("checked", true);

    await userEvent.type(screen.getByLabelText("Reason", { exact: false }), "Above the aim line for six weeks.");
    await userEvent.click(screen.getByRole("button", { name: "Record decision" }));

    expect(await screen.findByText("Say whether the goal was met.")).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it("sends an intensify with its new tier and changes, then clears the reason", async () => {
    const calls = stubApi(() => ({ status: 201, body: recorded("intensify", 3) }));
    const onRecorded = vi.fn();
    renderWithQueries(<DecisionForm planId={planId} tier={2} flag="adjust" onRecorded={onRecorded} />);

    await userEvent.click(screen.getByRole("radio", { name: /Intensify/ }));
    await userEvent.type(screen.getByLabelText("Reason", { exact: false }), "Progress is flat.");
    await userEvent.type(screen.getByLabelText("Minutes per session"), "45");
    await userEvent.click(screen.getByRole("button", { name: "Record decision" }));

    expect(await screen.findByText("Recorded: intensify.")).toBeTruthy();
    expect(onRecorded).toHaveBeenCalledWith(recorded("intensify", 3));
    expect(screen.getByLabelText("Reason", { exact: false })).toHaveProperty("value", "");
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: "POST",
      path: `/plans/${planId}/decisions`,
      body: {
        decision: "intensify",
        reason: "Progress is flat.",
        flag: "adjust",
        tier: 3,
        changes: { minutesPerSession: 45 },
      },
    });
  });

  it("puts the server's problem on the field its pointer names", async () => {
    stubApi(() => ({
      status: 400,
      body: problem(400, "Invalid request", [{ pointer: "/body/changes/goal", detail: "Use at most two decimals." }]),
    }));
    renderWithQueries(<DecisionForm planId={planId} tier={1} flag={null} />);

    await userEvent.click(screen.getByRole("radio", { name: /Adjust/ }));
    await userEvent.type(screen.getByLabelText("Reason", { exact: false }), "Try a new goal.");
    await userEvent.type(screen.getByLabelText("Goal", { exact: true }), "12.5");
    await userEvent.click(screen.getByRole("button", { name: "Record decision" }));

    await waitFor(() => expect(screen.getByText("Use at most two decimals.")).toBeTruthy());
    expect(screen.getByLabelText("Goal", { exact: true }).getAttribute("aria-invalid")).toBe("true");
  });
});
