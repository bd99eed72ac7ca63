// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { GroupMember } from "../../../../contract/interventions";
import { problem, renderWithQueries, stubApi } from "../../test/render";
import { QuickScoreEntry, SessionEntry } from "./GroupEntryForms";

const GROUP_ID = "3c000000-0000-4000-8000-000000000001";
const member = (n: number, studentName: string): GroupMember => ({
  planId: `4d000000-0000-4000-8000-00000000000${n}`,
  studentId: `5e000000-0000-4000-8000-00000000000${n}`,
  studentName,
  tier: 2,
  status: "active",
  baseline: 20,
  goal: 40,
  latestScore: null,
  latestMeasuredOn: null,
  flag: null,
  sessionsPresent: 0,
  sessionsHeld: 0,
  canRecordProgress: true,
});
const ana = member(1, "Ana Ruiz");
const ben = member(2, "Ben Okafor");
const cal = member(3, "Cal Singh");
const members = [ana, ben, cal];

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("QuickScoreEntry", () => {
  it("asks for at least one score and calls no server", async () => {
    const calls = stubApi(() => ({ status: 200, body: { saved: 0, removed: 0 } }));
    renderWithQueries(<QuickScoreEntry groupId={GROUP_ID} members={members} measure="Words read correctly" />);

    await userEvent.click(screen.getByRole("button", { name: "Save scores" }));

    expect(await screen.findByText("Enter at least one score.")).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it("refuses a day that is not a date, on its field, focused", async () => {
    const calls = stubApi(() => ({ status: 200, body: { saved: 1, removed: 0 } }));
    renderWithQueries(<QuickScoreEntry groupId={GROUP_ID} members={members} measure="Words read correctly" />);

    await userEvent.clear(screen.getByLabelText("Date measured"));
    await userEvent.type(screen.getByLabelText("Ana Ruiz"), "31");
    await userEvent.click(screen.getByRole("button", { name: "Save scores" }));

    await waitFor(() => expect(screen.getByLabelText("Date measured").getAttribute("aria-invalid")).toBe("true"));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Date measured")));
    expect(calls).toEqual([]);
  });

  it("sends only the filled-in scores, as numbers, then empties the boxes; Enter moves down", async () => {
    const calls = stubApi(() => ({ status: 200, body: { saved: 2, removed: 0 } }));
    renderWithQueries(<QuickScoreEntry groupId={GROUP_ID} members={members} measure="Words read correctly" />);

    await userEvent.clear(screen.getByLabelText("Date measured"));
    await userEvent.type(screen.getByLabelText("Date measured"), "2026-11-02");
    await userEvent.type(screen.getByLabelText("Ana Ruiz"), "31{Enter}");
    expect(document.activeElement).toBe(screen.getByLabelText("Ben Okafor"));
    await userEvent.type(screen.getByLabelText("Cal Singh"), "27.5");
    await userEvent.click(screen.getByRole("button", { name: "Save scores" }));

    expect(await screen.findByText("Saved 2 scores.")).toBeTruthy();
    expect(calls).toEqual([
      {
        method: "POST",
        path: `/intervention-groups/${GROUP_ID}/progress`,
        body: {
          measuredOn: "2026-11-02",
          scores: [
            { planId: ana.planId, score: 31 },
            { planId: cal.planId, score: 27.5 },
          ],
        },
      },
    ]);
    expect(screen.getByLabelText("Ana Ruiz")).toHaveProperty("value", "");
    expect(screen.getByLabelText("Cal Singh")).toHaveProperty("value", "");
  });

  it("shows the server's problem with a score above the table", async () => {
    stubApi(() => ({
      status: 400,
      body: problem(400, "Invalid request", [{ pointer: "/body/scores/0/score", detail: "Use at most two decimals." }]),
    }));
    renderWithQueries(<QuickScoreEntry groupId={GROUP_ID} members={members} measure="Words read correctly" />);

    await userEvent.type(screen.getByLabelText("Ben Okafor"), "1.234");
    await userEvent.click(screen.getByRole("button", { name: "Save scores" }));

    expect(await screen.findByText("Use at most two decimals.")).toBeTruthy();
  });
});

describe("SessionEntry", () => {
  it("sends every member's attendance, with the group's minutes only for those present", async () => {
    const calls = stubApi(() => ({ status: 200, body: { saved: 3, removed: 0 } }));
    renderWithQueries(<SessionEntry groupId={GROUP_ID} members={members} minutesPerSession={30} />);

    await userEvent.clear(screen.getByLabelText("Session date"));
    await userEvent.type(screen.getByLabelText("Session date"), "2026-11-03");
    await userEvent.selectOptions(screen.getByLabelText("Ben Okafor"), "absent");
    await userEvent.click(screen.getByRole("button", { name: "Save attendance" }));

    expect(await screen.findByText("Attendance saved.")).toBeTruthy();
    expect(calls).toEqual([
      {
        method: "POST",
        path: `/intervention-groups/${GROUP_ID}/sessions`,
        body: {
          sessionOn: "2026-11-03",
          attendance: [
            { planId: ana.planId, attendance: "present", minutes: 30 },
            { planId: ben.planId, attendance: "absent", minutes: null },
            { planId: cal.planId, attendance: "present", minutes: 30 },
          ],
        },
      },
    ]);
  });

  it("puts the server's problem with the day on the date field", async () => {
    stubApi(() => ({
      status: 400,
      body: problem(400, "Invalid request", [
        { pointer: "/body/sessionOn", detail: "That day is after the plan ended." },
      ]),
    }));
    renderWithQueries(<SessionEntry groupId={GROUP_ID} members={members} minutesPerSession={null} />);

    await userEvent.click(screen.getByRole("button", { name: "Save attendance" }));

    expect(await screen.findByText("That day is after the plan ended.")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Session date")));
  });
});
