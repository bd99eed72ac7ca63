// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { problem, renderWithQueries, stubApi } from "../../test/render";
import { familyMessages } from "./messages";
import { SendNoteForm } from "./SendNoteForm";

const studentId = "3c000000-0000-4000-8000-000000000001";
const es = familyMessages.es;
const note = {
  id: "6f000000-0000-4000-8000-000000000001",
  studentId,
  planId: null,
  body: "Practicamos la lectura cada noche.",
  language: "es",
  author: null,
  createdAt: "2026-11-02T15:00:00.000Z",
  familyLanguage: "es",
  acknowledgedAt: null,
  acknowledgedBy: null,
  replies: [],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("SendNoteForm", () => {
  it("says in the family's language that the note is empty, and focuses it", async () => {
    const calls = stubApi(() => ({ status: 201, body: note }));
    renderWithQueries(<SendNoteForm studentId={studentId} firstName="Ava" t={es} />);

    await userEvent.type(screen.getByLabelText(`${es.noteLabel} (Ava)`, { exact: false }), "   ");
    await userEvent.click(screen.getByRole("button", { name: es.send }));

    expect(await screen.findByText(es.noteEmpty)).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText(`${es.noteLabel} (Ava)`, { exact: false })),
    );
    expect(calls).toEqual([]);
  });

  it("sends the trimmed note, empties the box and says it was sent", async () => {
    const calls = stubApi(() => ({ status: 201, body: note }));
    renderWithQueries(<SendNoteForm studentId={studentId} firstName="Ava" t={es} />);
    const box = screen.getByLabelText(`${es.noteLabel} (Ava)`, { exact: false });

    await userEvent.type(box, "  Practicamos la lectura cada noche. ");
    await userEvent.click(screen.getByRole("button", { name: es.send }));

    expect(await screen.findByText(es.noteSent)).toBeTruthy();
    expect(box).toHaveProperty("value", "");
    expect(calls[0]).toMatchObject({
      method: "POST",
      path: `/family/children/${studentId}/notes`,
      body: { body: "Practicamos la lectura cada noche." },
    });
  });

  it("shows a failed send on the note, in the family's language", async () => {
    stubApi(() => ({ status: 500, body: problem(500, "Internal Server Error") }));
    renderWithQueries(<SendNoteForm studentId={studentId} firstName="Ava" t={es} />);

    await userEvent.type(screen.getByLabelText(`${es.noteLabel} (Ava)`, { exact: false }), "Gracias.");
    await userEvent.click(screen.getByRole("button", { name: es.send }));

    expect(await screen.findByText(es.loadFailed)).toBeTruthy();
  });
});
