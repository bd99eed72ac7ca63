// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { problem, renderWithQueries, stubApi } from "../../test/render";
import { FeedbackForm } from "./FeedbackForm";

const VISIT_ID = "2c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const send = () => userEvent.click(screen.getByRole("button", { name: "Send feedback" }));

describe("FeedbackForm", () => {
  it("asks for observations, focuses them, and calls no server", async () => {
    const calls = stubApi(() => ({ status: 500, body: problem(500, "Unexpected") }));
    renderWithQueries(<FeedbackForm visitId={VISIT_ID} />);

    await userEvent.type(screen.getByLabelText("What worked", { exact: false }), "Turn and talk");
    await send();

    expect(await screen.findByText("Write what you observed.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Observations", { exact: false }));
    expect(calls).toEqual([]);
  });

  it("puts the server's problem on the field its pointer names and focuses it", async () => {
    stubApi(() => ({
      status: 400,
      body: problem(400, "Invalid request", [{ pointer: "/body/question", detail: "Keep the question shorter." }]),
    }));
    renderWithQueries(<FeedbackForm visitId={VISIT_ID} />);

    await userEvent.type(screen.getByLabelText("Observations", { exact: false }), "Students explained.");
    await userEvent.type(screen.getByLabelText("A question", { exact: false }), "Why?");
    await send();

    expect(await screen.findByText("Keep the question shorter.")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("A question", { exact: false })));
  });

  it("sends the trimmed feedback and shows a problem that names no field above the form", async () => {
    const calls = stubApi(() => ({ status: 409, body: problem(409, "You already gave feedback on this visit.") }));
    renderWithQueries(<FeedbackForm visitId={VISIT_ID} />);

    await userEvent.type(screen.getByLabelText("Observations", { exact: false }), "  Students explained.  ");
    await send();

    expect(await screen.findByText("You already gave feedback on this visit.")).toBeTruthy();
    expect(calls).toEqual([
      {
        method: "POST",
        path: `/visits/${VISIT_ID}/feedback`,
        body: { observations: "Students explained.", whatWorked: "", whatToTry: "", question: "" },
      },
    ]);
  });
});
