// @vitest-environment happy-dom
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MeetingDetail } from "../../../../contract/meetings";
import { nowMs } from "../../clock";
import { renderWithQueries, stubApi } from "../../test/render";
import { MeetingStatusControls } from "./MeetingStatusControls";

const ID = "2c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c";
const MEMBER = "7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a";

function meetingAt(startsInHours: number, status: "scheduled" | "in_progress", marked: boolean) {
  const startsAt = new Date(nowMs() + startsInHours * 3_600_000);
  return MeetingDetail.parse({
    id: ID,
    communityId: ID,
    title: "Data review",
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
    mode: "in_person",
    location: "",
    link: null,
    status,
    protocolName: null,
    recurring: false,
    communityName: "Grade 3",
    timezone: null,
    agenda: [],
    notes: "",
    protocol: null,
    currentStep: null,
    stepStartedAt: null,
    attendance: [
      { personId: MEMBER, displayName: "Emily Chen", teamRole: "member", status: marked ? "present" : null },
    ],
    decisions: [],
    actionItems: [],
    previousMeetingId: null,
    nextMeetingId: null,
    cycle: null,
    can: { update: true, contribute: true },
  });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("MeetingStatusControls", () => {
  it("asks before starting a meeting more than a day early, and starts nothing on Cancel", async () => {
    const meeting = meetingAt(30, "scheduled", false);
    const calls = stubApi(() => ({ status: 200, body: { ...meeting, status: "in_progress" } }));
    renderWithQueries(<MeetingStatusControls meeting={meeting} />);
    await userEvent.click(screen.getByRole("button", { name: "Start meeting" }));
    expect(await screen.findByRole("dialog", { name: "Start this meeting early?" })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(calls).toEqual([]);
    await userEvent.click(screen.getByRole("button", { name: "Start meeting" }));
    await userEvent.click(screen.getByRole("button", { name: "Start now" }));
    await vi.waitFor(() => expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`POST /meetings/${ID}/start`]));
  });

  it("starts a meeting due within the day at once", async () => {
    const meeting = meetingAt(2, "scheduled", false);
    const calls = stubApi(() => ({ status: 200, body: { ...meeting, status: "in_progress" } }));
    renderWithQueries(<MeetingStatusControls meeting={meeting} />);
    await userEvent.click(screen.getByRole("button", { name: "Start meeting" }));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("asks before finishing with attendance not marked, and not when it is", async () => {
    const unmarked = meetingAt(-1, "in_progress", false);
    const calls = stubApi(() => ({ status: 200, body: { ...unmarked, status: "completed" } }));
    renderWithQueries(<MeetingStatusControls meeting={unmarked} />);
    await userEvent.click(screen.getByRole("button", { name: "Finish meeting" }));
    const dialog = await screen.findByRole("dialog", { name: "Finish without attendance?" });
    expect(dialog.textContent).toContain("One member has no attendance marked.");
    expect(calls).toEqual([]);
    await userEvent.click(screen.getByRole("button", { name: "Finish anyway" }));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    cleanup();

    const marked = meetingAt(-1, "in_progress", true);
    const more = stubApi(() => ({ status: 200, body: { ...marked, status: "completed" } }));
    renderWithQueries(<MeetingStatusControls meeting={marked} />);
    await userEvent.click(screen.getByRole("button", { name: "Finish meeting" }));
    await vi.waitFor(() => expect(more).toHaveLength(1));
  });
});
