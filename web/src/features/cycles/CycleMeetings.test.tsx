// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithQueries, stubApi } from "../../test/render";
import { CycleMeetings } from "./CycleMeetings";

const CYCLE = "2c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c";
const MEETING = "3c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c";
const OTHER = "4c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c";
const can = { contribute: true, manage: false };

vi.mock("@tanstack/react-router", () => ({ Link: ({ children }: { children: unknown }) => children }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("CycleMeetings", () => {
  it("lists meetings under their stage and ties another one to a chosen stage", async () => {
    const calls = stubApi(() => ({
      status: 200,
      body: {
        items: [
          { meetingId: MEETING, title: "Data dig", startsAt: "2030-01-10T15:00:00.000Z", stage: "learning_needs" },
        ],
        available: [{ id: OTHER, title: "Strategy pick", startsAt: "2030-02-03T15:00:00.000Z" }],
        can,
      },
    }));
    renderWithQueries(<CycleMeetings communityId={CYCLE} cycleId={CYCLE} can={can} />);
    expect(await screen.findByText("Learning needs", { selector: "dt" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Untie Data dig" })).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText("Meeting"), OTHER);
    await userEvent.selectOptions(screen.getByLabelText("Stage"), "strategies");
    await userEvent.click(screen.getByRole("button", { name: "Tie meeting to the stage" }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === "PUT")).toEqual({
        method: "PUT",
        path: `/cycles/${CYCLE}/meetings/${OTHER}`,
        body: { stage: "strategies" },
      }),
    );
  });
});
