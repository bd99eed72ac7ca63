// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Person } from "../../../../contract/people";
import { problem, renderWithQueries, stubApi } from "../../test/render";
import { PersonEditForm } from "./PersonEditForm";

const school = { id: "5d1c8b0e-2f3a-4c6d-9e7f-0a1b2c3d4e5f", name: "Lincoln Elementary" };
const person: Person = {
  id: "0b7f1c1e-5c53-4f0e-a1d8-6f2e9c3d8a10",
  email: "priya.natarajan@lincoln.example.org",
  displayName: "Priya Natarajan",
  status: "active",
  preferredLanguage: "en",
  roles: [{ role: "teacher", schoolId: school.id, schoolName: school.name }],
  createdAt: "2026-08-20T15:00:00.000Z",
  can: { update: true, deactivate: false, invite: false },
};
const schools = {
  items: [{ ...school, level: "elementary", archived: false, staffCount: 12, can: { update: false } }],
  total: 1,
  page: 1,
  pageSize: 200,
};

/** The API: the school list, and whatever `onSave` answers to the PATCH. */
function stubPeopleApi(onSave: (body: unknown) => { status: number; body: unknown }) {
  return stubApi((call) => (call.method === "GET" ? { status: 200, body: schools } : onSave(call.body)));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("PersonEditForm", () => {
  it("shows the schema's and the role rule's messages together and focuses the first", async () => {
    const calls = stubPeopleApi(() => ({ status: 200, body: person }));
    renderWithQueries(<PersonEditForm person={person} />);
    await screen.findByRole("option", { name: school.name }, { timeout: 10_000 });

    await userEvent.clear(screen.getByLabelText("Name"));
    await userEvent.selectOptions(screen.getByLabelText("School"), "");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText("Enter the person's name.")).toBeTruthy();
    expect(screen.getByText("Choose the school for this role.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Name"));
    expect(calls.filter((call) => call.method === "PATCH")).toEqual([]);
  });

  it("puts a conflict on the email field, by its JSON pointer", async () => {
    stubPeopleApi(() => ({
      status: 409,
      body: problem(409, "Conflict", [{ pointer: "/body/email", detail: "Someone in the district already uses it." }]),
    }));
    renderWithQueries(<PersonEditForm person={person} />);
    await screen.findByRole("option", { name: school.name }, { timeout: 10_000 });

    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    const email = screen.getByLabelText("Email");
    expect(await screen.findByText("Someone in the district already uses it.")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(email.getAttribute("aria-invalid")).toBe("true");
  });

  it("sends the edited details and says they are saved", async () => {
    const calls = stubPeopleApi((body) => ({
      status: 200,
      body: { ...person, ...(body as object), roles: person.roles },
    }));
    renderWithQueries(<PersonEditForm person={person} />);
    await screen.findByRole("option", { name: school.name }, { timeout: 10_000 });

    await userEvent.selectOptions(screen.getByLabelText("Preferred language"), "es");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(within(screen.getByRole("status")).getByText("Changes saved.")).toBeTruthy());
    expect(calls.find((call) => call.method === "PATCH")?.body).toEqual({
      displayName: "Priya Natarajan",
      email: "priya.natarajan@lincoln.example.org",
      preferredLanguage: "es",
      roles: [{ role: "teacher", schoolId: school.id }],
    });
  });
});
