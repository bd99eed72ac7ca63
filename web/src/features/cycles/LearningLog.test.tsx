// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { problem, renderWithQueries, stubApi } from "../../test/render";
import { LearningLog } from "./LearningLog";

const CYCLE = "2c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c";
const COMMUNITY = "3c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c";
const ME = { id: "4c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c", name: "Ana Ruiz" };
const ENTRY = {
  id: "5c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c",
  person: ME,
  kind: "text_study",
  description: "Chapter 3 on feedback",
  minutes: 90,
  learnedOn: "2030-01-09",
  protocol: null,
  resource: null,
  visit: { id: "6c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c", title: null },
  can: { update: true, delete: true },
};
const can = { contribute: true, manage: false };
const log = (entries: unknown[]) => ({
  entries,
  totalMinutes: entries.length ? 90 : 0,
  byPerson: entries.length ? [{ person: ME, minutes: 90, entries: 1 }] : [],
  byKind: entries.length ? [{ kind: "text_study", minutes: 90, entries: 1 }] : [],
  can,
});

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

describe("LearningLog", () => {
  it("shows totals and hides a link's title the reader may not open", async () => {
    stubApi((call) =>
      call.path.endsWith("/learning-log") ? { status: 200, body: log([ENTRY]) } : { status: 200, body: { items: [] } },
    );
    renderWithQueries(<LearningLog communityId={COMMUNITY} cycleId={CYCLE} can={can} />);
    expect(await screen.findByText("Total: 1 h 30 min")).toBeTruthy();
    expect(screen.getByText(/visit \(not shared with you\)/)).toBeTruthy();
  });

  it("refuses zero minutes without calling the server, and puts the server's pointer on its field", async () => {
    const calls = stubApi((call) => {
      if (call.method === "POST")
        return {
          status: 422,
          body: problem(422, "Some links cannot be used.", [{ pointer: "/body/description", detail: "Too vague." }]),
        };
      return call.path.endsWith("/learning-log")
        ? { status: 200, body: log([]) }
        : { status: 200, body: { items: [] } };
    });
    renderWithQueries(<LearningLog communityId={COMMUNITY} cycleId={CYCLE} can={can} />);
    await userEvent.type(await screen.findByLabelText("What you learned", { exact: false }), "Read");
    await userEvent.type(screen.getByLabelText("Minutes", { exact: false }), "0");
    await userEvent.click(screen.getByRole("button", { name: "Log learning" }));
    expect(await screen.findByText("Enter the minutes spent, a whole number above zero.")).toBeTruthy();
    expect(calls.filter((c) => c.method === "POST")).toEqual([]);

    await userEvent.clear(screen.getByLabelText("Minutes", { exact: false }));
    await userEvent.type(screen.getByLabelText("Minutes", { exact: false }), "30");
    await userEvent.click(screen.getByRole("button", { name: "Log learning" }));
    expect(await screen.findByText("Too vague.")).toBeTruthy();
    const post = calls.find((c) => c.method === "POST");
    expect(post?.body).toMatchObject({ kind: "text_study", description: "Read", minutes: 30, visitId: null });
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText("What you learned", { exact: false })),
    );
  });

  it("asks before deleting an entry, and undoes the deletion", async () => {
    let deleted = false;
    const calls = stubApi((call) => {
      if (call.method === "DELETE") {
        deleted = true;
        return { status: 200, body: log([]) };
      }
      if (call.method === "POST") return { status: 201, body: log([ENTRY]) };
      if (call.path.endsWith("/learning-log")) return { status: 200, body: log(deleted ? [] : [ENTRY]) };
      return { status: 200, body: { items: [] } };
    });
    renderWithQueries(<LearningLog communityId={COMMUNITY} cycleId={CYCLE} can={can} />);
    await screen.findByText("Total: 1 h 30 min");
    await userEvent.click(await screen.findByRole("button", { name: /^Delete entry of/ }));
    await userEvent.click(screen.getByRole("button", { name: "Delete entry" }));
    await userEvent.click(await screen.findByRole("button", { name: "Undo" }));
    await waitFor(() => expect(calls.filter((c) => c.method === "POST")).toHaveLength(1));
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({
      kind: "text_study",
      description: "Chapter 3 on feedback",
      minutes: 90,
      learnedOn: "2030-01-09",
      protocolId: null,
      resourceId: null,
      visitId: ENTRY.visit.id,
    });
  });
});
