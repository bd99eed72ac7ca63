// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithQueries, stubApi } from "../../test/render";
import { Strategies } from "./Strategies";

const CYCLE = "2c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c";
const STRATEGY = { id: "7c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c", title: "Retrieval practice" };
const can = { contribute: true, manage: false };

vi.mock("@tanstack/react-router", () => ({ Link: ({ children }: { children: unknown }) => children }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("Strategies", () => {
  it("shows each strategy's evidence, and chooses one found in the library", async () => {
    const chosen = {
      resource: { ...STRATEGY, description: "", evidenceLevel: "strong", evidenceSource: "WWC practice guide" },
      chosenBy: null,
      chosenAt: "2030-01-10T10:00:00.000Z",
    };
    const libraryItem = {
      ...STRATEGY,
      id: "8c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c",
      title: "Worked examples",
      evidenceLevel: "moderate",
    };
    const calls = stubApi((call) => {
      if (call.path.startsWith("/resources"))
        return { status: 200, body: { items: [resourceOf(libraryItem)], total: 1, page: 1, pageSize: 10 } };
      if (call.method === "PUT") return { status: 200, body: { items: [chosen], can } };
      return { status: 200, body: { items: [chosen], can } };
    });
    renderWithQueries(<Strategies communityId={CYCLE} cycleId={CYCLE} can={can} />);
    expect(await screen.findByText("Strong evidence")).toBeTruthy();
    expect(screen.getByText(/WWC practice guide/)).toBeTruthy();
    await userEvent.click(await screen.findByRole("button", { name: "Choose Worked examples" }));
    await waitFor(() =>
      expect(calls.some((c) => c.method === "PUT" && c.path === `/cycles/${CYCLE}/strategies/${libraryItem.id}`)).toBe(
        true,
      ),
    );
    expect(calls.find((c) => c.path.startsWith("/resources"))?.path).toContain("kind=strategy");
  });
});

function resourceOf(item: { id: string; title: string; evidenceLevel: string }) {
  return {
    ...item,
    kind: "strategy",
    description: "",
    url: null,
    tags: [],
    gradeLevels: [],
    subjects: [],
    scope: "district",
    communityId: null,
    communityName: null,
    schoolId: null,
    schoolName: null,
    createdBy: null,
    createdAt: "2030-01-01T00:00:00.000Z",
    file: null,
    averageUsefulness: null,
    ratingCount: 0,
    myRating: null,
    useCount: 0,
    commentCount: 0,
    evidenceSource: null,
    can: { update: false, delete: false, comment: true, rate: true, use: true },
  };
}
