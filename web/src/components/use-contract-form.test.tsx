// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError } from "../api/client";
import { TextField } from "./Field";
import { FormAlert } from "./FormAlert";
import { useContractForm } from "./use-contract-form";

const Body = z.strictObject({
  title: z.string().trim().min(1, "Title is required."),
  minutes: z.number().int().min(1).nullable(),
  endsOn: z.iso.date(),
});
type Values = { title: string; minutes: string; startsOn: string; endsOn: string };

/** A small form of the kind Collective has many of: typed text mapped to a body, one rule between fields. */
function SessionForm({ send }: { send: (body: z.output<typeof Body>) => Promise<void> }) {
  const form = useContractForm<typeof Body, Values>({
    schema: Body,
    defaultValues: { title: "", minutes: "", startsOn: "2026-11-02", endsOn: "2026-11-09" },
    messages: { title: "Name the session." },
    toInput: ({ startsOn: _, minutes, ...values }) => ({ ...values, minutes: minutes === "" ? null : Number(minutes) }),
    check: (values): Record<string, string> =>
      values.endsOn < values.startsOn ? { endsOn: "It ends after it starts." } : {},
    onValid: (body) => send(body).catch(form.showProblem),
  });
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate>
      <FormAlert message={form.formMessage} />
      <TextField label="Title" {...form.register("title")} error={form.fieldError("title")} />
      <TextField label="Minutes" {...form.register("minutes")} error={form.fieldError("minutes")} />
      <TextField label="Ends on" type="date" {...form.register("endsOn")} error={form.fieldError("endsOn")} />
      <button type="submit">Save</button>
    </form>
  );
}

afterEach(cleanup);

describe("useContractForm", () => {
  it("words the schema's message for people, adds the form's own rule, and focuses the first field in page order", async () => {
    const send = vi.fn(async () => {});
    render(<SessionForm send={send} />);
    await userEvent.type(screen.getByLabelText("Minutes"), "0");
    await userEvent.clear(screen.getByLabelText("Ends on"));
    await userEvent.type(screen.getByLabelText("Ends on"), "2026-11-01");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText("Name the session.")).toBeTruthy();
    expect(screen.getByText("It ends after it starts.")).toBeTruthy();
    expect(screen.getByLabelText("Minutes").getAttribute("aria-invalid")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Title")));
    expect(send).not.toHaveBeenCalled();
  });

  it("sends the parsed body, and maps a problem's pointers onto fields and the rest above the form", async () => {
    const send = vi.fn(async () => {
      throw new ApiError(409, "Conflict", "The room is taken.", [
        { pointer: "/body/minutes", detail: "Longer than the room is free." },
        { pointer: "/query/room", detail: "Not a room." },
      ]);
    });
    render(<SessionForm send={send} />);
    await userEvent.type(screen.getByLabelText("Title"), "  Data meeting ");
    await userEvent.type(screen.getByLabelText("Minutes"), "45");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    expect(send).toHaveBeenCalledWith({ title: "Data meeting", minutes: 45, endsOn: "2026-11-09" });
    expect(await screen.findByText("Longer than the room is free.")).toBeTruthy();
    expect(screen.getByText("The room is taken.")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Minutes")));
  });
});
