// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { problem, renderWithQueries, stubApi } from "../../test/render";
import { ChangePasswordForm } from "./ChangePasswordForm";

const NEW_PASSWORD = "maple river lantern";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function fillNewPassword(password: string, confirmation: string) {
  await userEvent.type(screen.getByLabelText("New password"), password);
  await userEvent.type(screen.getByLabelText("Confirm new password"), confirmation);
}

describe("ChangePasswordForm", () => {
  it("asks for the current password, focuses it, and calls no server", async () => {
    const calls = stubApi(() => ({ status: 200, body: { ok: true } }));
    renderWithQueries(<ChangePasswordForm />);

    await fillNewPassword(NEW_PASSWORD, "something else entirely");
    await userEvent.click(screen.getByRole("button", { name: "Change password" }));

    expect(await screen.findByText("Enter your current password.")).toBeTruthy();
    expect(screen.getByText("The two passwords do not match.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Current password"));
    expect(calls).toEqual([]);
  });

  it("puts the server's refusal on the current password and focuses it", async () => {
    stubApi(() => ({
      status: 400,
      body: problem(400, "Invalid request", [
        { pointer: "/body/currentPassword", detail: "That is not your password." },
      ]),
    }));
    renderWithQueries(<ChangePasswordForm />);

    await userEvent.type(screen.getByLabelText("Current password"), "wrong guess");
    await fillNewPassword(NEW_PASSWORD, NEW_PASSWORD);
    await userEvent.click(screen.getByRole("button", { name: "Change password" }));

    expect(await screen.findByText("That is not your password.")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Current password")));
  });

  it("sends the two passwords, says it is done and empties the fields", async () => {
    const calls = stubApi(() => ({ status: 200, body: { ok: true } }));
    renderWithQueries(<ChangePasswordForm />);

    await userEvent.type(screen.getByLabelText("Current password"), "old secret words");
    await fillNewPassword(NEW_PASSWORD, NEW_PASSWORD);
    await userEvent.click(screen.getByRole("button", { name: "Change password" }));

    expect(await screen.findByText(/Your password is changed/)).toBeTruthy();
    expect(calls.filter((call) => call.method === "POST")).toEqual([
      {
        method: "POST",
        path: "/me/password",
        body: { currentPassword: "old secret words", newPassword: NEW_PASSWORD },
      },
    ]);
    expect(screen.getByLabelText<HTMLInputElement>("Current password").value).toBe("");
    expect(screen.getByLabelText<HTMLInputElement>("Confirm new password").value).toBe("");
  });
});
