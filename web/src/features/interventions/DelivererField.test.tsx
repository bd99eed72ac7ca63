// @vitest-environment happy-dom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithQueries, stubApi } from "../../test/render";
import { DelivererField } from "./DelivererField";

const TEACHER = "7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("the deliverer picker", () => {
  it("asks the directory for staff only, so no family or community member is offered", async () => {
    const calls = stubApi((call) =>
      call.path.startsWith("/people")
        ? {
            status: 200,
            body: {
              items: [
                {
                  id: TEACHER,
                  email: "emily.chen@riverside.example",
                  displayName: "Emily Chen",
                  status: "active",
                  preferredLanguage: "en",
                  roles: [{ role: "teacher", schoolId: null, schoolName: null }],
                  createdAt: "2026-08-01T12:00:00.000Z",
                  can: { update: false, deactivate: false, invite: false },
                },
              ],
              total: 1,
              page: 1,
              pageSize: 20,
            },
          }
        : { status: 200, body: { items: [], total: 0, page: 1, pageSize: 200 } },
    );
    renderWithQueries(<DelivererField deliverer={null} onChoose={() => {}} error={undefined} noneText="Nobody yet" />);
    await screen.findByRole("radio", { name: /Emily Chen/ });
    const search = calls.find((call) => call.path.startsWith("/people"));
    expect(new URLSearchParams(search?.path.split("?")[1]).get("staff")).toBe("true");
  });
});
