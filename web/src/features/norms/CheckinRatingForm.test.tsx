// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import type { Checkin } from "../../../../contract/communities";
import { problem, renderWithQueries, stubApi } from "../../test/render";
import { CheckinRatingForm } from "./CheckinRatingForm";

const COMMUNITY_ID = "6b1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f";

const checkin: z.infer<typeof Checkin> = {
  id: "7c2e3f4a-5b6c-4d7e-8f9a-1b2c3d4e5f6a",
  opensOn: "2026-12-01",
  closesOn: "2026-12-08",
  norms: ["We start on time.", "Every voice is heard."],
  responses: 0,
  averages: [null, null],
  hasResponded: false,
  isOpen: true,
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const submit = () => userEvent.click(screen.getByRole("button", { name: "Submit ratings" }));

describe("CheckinRatingForm", () => {
  it("asks for a rating of each norm left unrated, focuses the first, and calls no server", async () => {
    const calls = stubApi(() => ({ status: 200, body: { items: [] } }));
    renderWithQueries(<CheckinRatingForm communityId={COMMUNITY_ID} checkin={checkin} />);

    await userEvent.click(screen.getAllByLabelText("3 – Usually")[0] as HTMLElement);
    await submit();

    expect(await screen.findByText("Choose a rating for this norm.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getAllByLabelText("1 – Rarely")[1]);
    expect(calls).toEqual([]);
  });

  it("sends the ratings as numbers, in the norms' order", async () => {
    const calls = stubApi(() => ({ status: 200, body: { items: [] } }));
    renderWithQueries(<CheckinRatingForm communityId={COMMUNITY_ID} checkin={checkin} />);

    await userEvent.click(screen.getAllByLabelText("3 – Usually")[0] as HTMLElement);
    await userEvent.click(screen.getAllByLabelText("4 – Always")[1] as HTMLElement);
    await submit();

    await waitFor(() => expect(calls.filter((call) => call.method === "POST")).toHaveLength(1));
    expect(calls[0]).toEqual({
      method: "POST",
      path: `/communities/${COMMUNITY_ID}/checkins/${checkin.id}/responses`,
      body: { ratings: [3, 4] },
    });
  });

  it("shows the server's problem about the ratings above the form", async () => {
    stubApi(() => ({ status: 409, body: problem(409, "This check-in has closed.") }));
    renderWithQueries(<CheckinRatingForm communityId={COMMUNITY_ID} checkin={checkin} />);

    await userEvent.click(screen.getAllByLabelText("2 – Sometimes")[0] as HTMLElement);
    await userEvent.click(screen.getAllByLabelText("2 – Sometimes")[1] as HTMLElement);
    await submit();

    expect(await screen.findByText("This check-in has closed.")).toBeTruthy();
  });
});
