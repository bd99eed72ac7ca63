// @vitest-environment happy-dom
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithQueries, stubApi } from "../../test/render";
import { Refinements } from "./Refinements";

const CYCLE = "2c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c";
const can = { contribute: true, manage: false };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("Refinements", () => {
  it("asks why before recording a change, then sends it", async () => {
    const refinement = {
      id: CYCLE,
      author: null,
      change: "Shorter quizzes",
      reason: "Time",
      createdAt: "2030-02-01T10:00:00.000Z",
    };
    const calls = stubApi((call) =>
      call.method === "POST"
        ? { status: 201, body: { items: [refinement], can } }
        : { status: 200, body: { items: [], can } },
    );
    renderWithQueries(<Refinements communityId={CYCLE} cycleId={CYCLE} can={can} />);
    await userEvent.type(await screen.findByLabelText("What we changed", { exact: false }), "Shorter quizzes");
    await userEvent.click(screen.getByRole("button", { name: "Record refinement" }));
    expect(await screen.findByText("Say why.")).toBeTruthy();
    expect(calls.filter((c) => c.method === "POST")).toEqual([]);
    await userEvent.type(screen.getByLabelText("Why", { exact: false }), "Time");
    await userEvent.click(screen.getByRole("button", { name: "Record refinement" }));
    expect(await screen.findByText("Why: Time")).toBeTruthy();
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ change: "Shorter quizzes", reason: "Time" });
  });
});
