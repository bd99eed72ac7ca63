// @vitest-environment happy-dom
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { problem, renderWithQueries, stubApi } from "../../test/render";
import { Implementation } from "./Implementation";

const CYCLE = "2c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c";
const ME = { id: "4c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c", name: "Ana Ruiz" };
const STRATEGY = { id: "7c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c", title: "Retrieval practice" };
const CLASS = { id: "9c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c", title: "4A" };
const can = { contribute: true, manage: false };
const list = {
  items: [
    {
      id: "1c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c",
      person: ME,
      strategy: STRATEGY,
      class: CLASS,
      appliedOn: "2030-02-01",
      outcome: "mixed",
      note: "",
      can: { delete: true },
    },
  ],
  byStrategy: [{ strategy: STRATEGY, applications: 1, went_well: 0, mixed: 1, did_not_work: 0 }],
  byMember: [{ person: ME, applications: 1, went_well: 0, mixed: 1, did_not_work: 0 }],
  myClasses: [CLASS],
  can,
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("Implementation", () => {
  it("sums applications by strategy and member, and puts the server's problem on the class", async () => {
    const calls = stubApi((call) => {
      if (call.method === "POST")
        return {
          status: 422,
          body: problem(422, "Cannot log.", [
            { pointer: "/body/classId", detail: "Choose one of the classes you teach." },
          ]),
        };
      if (call.path.endsWith("/implementations")) return { status: 200, body: list };
      if (call.path.endsWith("/strategies"))
        return {
          status: 200,
          body: {
            items: [
              {
                resource: { ...STRATEGY, description: "", evidenceLevel: null, evidenceSource: null },
                chosenBy: null,
                chosenAt: "2030-01-01T00:00:00.000Z",
              },
            ],
            can,
          },
        };
      return { status: 200, body: { items: [], can } };
    });
    renderWithQueries(<Implementation communityId={CYCLE} cycleId={CYCLE} can={can} />);
    expect(await screen.findByRole("table", { name: "By strategy" })).toBeTruthy();
    expect(screen.getByRole("rowheader", { name: "Ana Ruiz" })).toBeTruthy();

    await userEvent.click(screen.getByRole("button", { name: "Log application" }));
    expect(await screen.findByText("Choose one of the cycle's strategies.")).toBeTruthy();
    expect(calls.filter((c) => c.method === "POST")).toEqual([]);

    await userEvent.selectOptions(screen.getByRole("combobox", { name: /^Strategy/ }), STRATEGY.id);
    await userEvent.selectOptions(screen.getByLabelText("Class", { exact: false }), CLASS.id);
    await userEvent.click(screen.getByRole("button", { name: "Log application" }));
    expect(await screen.findByText("Choose one of the classes you teach.")).toBeTruthy();
    expect(calls.find((c) => c.method === "POST")?.body).toMatchObject({
      resourceId: STRATEGY.id,
      classId: CLASS.id,
      outcome: "went_well",
    });
  });
});
