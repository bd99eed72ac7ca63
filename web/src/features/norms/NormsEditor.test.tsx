// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { problem, renderWithQueries, stubApi } from "../../test/render";
import { NormsEditor } from "./NormsEditor";

const COMMUNITY_ID = "6b1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f";
const saved = (norms: string[]) => {
  const version = {
    id: "7c2e3f4a-5b6c-4d7e-8f9a-1b2c3d4e5f6a",
    version: 2,
    norms,
    changeNote: "",
    createdBy: "Dana Lee",
    createdAt: "2026-11-02T12:00:00.000Z",
    agreedBy: [],
    allAgreed: false,
  };
  return { current: version, versions: [version] };
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const save = () => userEvent.click(screen.getByRole("button", { name: "Save norms" }));

describe("NormsEditor", () => {
  it("asks to write or remove a blank norm, focuses it, and calls no server", async () => {
    const calls = stubApi(() => ({ status: 200, body: saved([]) }));
    renderWithQueries(<NormsEditor communityId={COMMUNITY_ID} current={["We start on time."]} />);

    await userEvent.click(screen.getByRole("button", { name: "Add norm" }));
    await save();

    expect(await screen.findByText("Write this norm, or remove it.")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Norm 2")));
    expect(screen.getByLabelText("Norm 1").getAttribute("aria-invalid")).toBeNull();
    expect(calls).toEqual([]);
  });

  it("sends the norms in their new order with the change note, then says which version was saved", async () => {
    const calls = stubApi(() => ({ status: 200, body: saved(["Every voice is heard.", "We start on time."]) }));
    renderWithQueries(
      <NormsEditor
        communityId={COMMUNITY_ID}
        current={["We start on time.", "Every voice is heard.", "Phones away."]}
      />,
    );

    // A test DOM (jsdom, happy-dom) may join a button's words and its visually hidden span without the space a browser keeps.
    await userEvent.click(screen.getByRole("button", { name: /^Move down\s*norm 1$/ }));
    await userEvent.click(screen.getByRole("button", { name: /^Remove\s*norm 3$/ }));
    await userEvent.type(screen.getByLabelText("Change note", { exact: false }), "  Shorter list ");
    await save();

    expect(await screen.findByText("Saved as version 2.")).toBeTruthy();
    expect(calls).toEqual([
      {
        method: "PUT",
        path: `/communities/${COMMUNITY_ID}/norms`,
        body: { norms: ["Every voice is heard.", "We start on time."], changeNote: "Shorter list" },
      },
    ]);
    expect(screen.getByLabelText("Change note", { exact: false })).toHaveProperty("value", "");
  });

  it("puts the server's problem on the norm its pointer names", async () => {
    stubApi(() => ({
      status: 400,
      body: problem(400, "Invalid request", [{ pointer: "/body/norms/1", detail: "This norm repeats norm 1." }]),
    }));
    renderWithQueries(<NormsEditor communityId={COMMUNITY_ID} current={["We start on time.", "We start on time."]} />);

    await save();

    expect(await screen.findByText("This norm repeats norm 1.")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Norm 2")));
  });
});
