// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ThreadDetail } from "../../../../contract/discussions";
import { problem, renderWithQueries, stubApi } from "../../test/render";
import { EditThreadForm } from "./EditThreadForm";

const thread: ThreadDetail = {
  id: "8f6c2a52-3e0b-4d7a-9a51-0c1f3e2b7d44",
  communityId: null,
  communityName: null,
  title: "Fluency probes",
  excerpt: "How often",
  author: { id: "0b7f1c1e-5c53-4f0e-a1d8-6f2e9c3d8a10", name: "Priya Natarajan" },
  replyCount: 0,
  lastActivityAt: "2026-11-02T15:00:00.000Z",
  createdAt: "2026-11-02T15:00:00.000Z",
  body: "How often do you probe?",
  bodyHtml: "<p>How often do you probe?</p>",
  attachments: [],
  replies: [],
  can: { post: false, update: true, attach: false },
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("EditThreadForm", () => {
  it("shows the contract's rule as the team's words and focuses the empty title, without calling the server", async () => {
    const calls = stubApi(() => ({ status: 200, body: thread }));
    renderWithQueries(<EditThreadForm thread={thread} onDone={() => {}} />);

    await userEvent.clear(screen.getByLabelText("Title"));
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));

    expect(await screen.findByText("Give the thread a title.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Title"));
    expect(screen.getByLabelText("Title").getAttribute("aria-invalid")).toBe("true");
    expect(calls).toEqual([]);
  });

  it("puts the server's problem on the field its JSON pointer names and focuses it", async () => {
    stubApi(() => ({
      status: 400,
      body: problem(400, "Invalid request", [{ pointer: "/body/body", detail: "Too long for a message." }]),
    }));
    renderWithQueries(<EditThreadForm thread={thread} onDone={() => {}} />);

    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));

    expect(await screen.findByText("Too long for a message.")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Message")));
    expect(screen.queryByRole("alert", { name: "Invalid request" })).toBeNull();
  });

  it("shows a problem that names no field above the form", async () => {
    stubApi(() => ({ status: 409, body: problem(409, "Someone else changed this thread.") }));
    renderWithQueries(<EditThreadForm thread={thread} onDone={() => {}} />);

    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));

    expect(await screen.findByText("Someone else changed this thread.")).toBeTruthy();
  });

  it("sends the trimmed values and reports when done", async () => {
    const calls = stubApi(() => ({ status: 200, body: { ...thread, title: "Weekly probes" } }));
    const onDone = vi.fn();
    renderWithQueries(<EditThreadForm thread={thread} onDone={onDone} />);

    await userEvent.clear(screen.getByLabelText("Title"));
    await userEvent.type(screen.getByLabelText("Title"), "  Weekly probes ");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls).toEqual([
      {
        method: "PATCH",
        path: `/threads/${thread.id}`,
        body: { title: "Weekly probes", body: "How often do you probe?" },
      },
    ]);
  });
});
