// @vitest-environment happy-dom
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Round } from "../../../../contract/surveys";
import { renderWithQueries, stubApi } from "../../test/render";
import { FamilySurveySection } from "./FamilySurveySection";
import { familyMessages } from "./messages";

const ROUND = "5f0c7a1e-2b3d-4c5e-8f6a-7b8c9d0e1f2a";
const LEVELS = ["Strongly disagree", "Disagree", "Agree", "Strongly agree"];
const ES = ["Totalmente en desacuerdo", "En desacuerdo", "De acuerdo", "Totalmente de acuerdo"];

const round = Round.parse({
  id: ROUND,
  instrumentRef: "family-partnership",
  title: "Family partnership",
  audience: { kind: "families", id: ROUND, name: "North Elementary" },
  termLabel: "Fall",
  opensOn: "2026-11-01",
  closesOn: "2026-12-18",
  status: "open",
  answered: 0,
  expected: 40,
  hasAnswered: false,
  can: { answer: true, addToAgenda: false },
  items: ["fp.learning", "fp.help"].map((key, i) => ({
    key,
    section: "Our partnership",
    prompt: i === 0 ? "I know what my child is learning." : "The school responds quickly.",
    scale: "agreement",
    levels: LEVELS.map((label, n) => ({ level: n + 1, label, descriptor: "" })),
    translations: {
      es: {
        section: "Nuestra colaboración",
        prompt: i === 0 ? "Sé lo que mi hijo está aprendiendo." : "La escuela responde pronto.",
        levels: ES.map((label) => ({ label, descriptor: "" })),
      },
    },
  })),
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("FamilySurveySection", () => {
  it("asks a Spanish-speaking family in Spanish and sends their answers, one per item", async () => {
    const calls = stubApi((call) =>
      call.method === "GET"
        ? { status: 200, body: { items: [round] } }
        : { status: 201, body: { answered: 1, hasAnswered: true } },
    );
    renderWithQueries(<FamilySurveySection language="es" t={familyMessages.es} />);
    expect(await screen.findByRole("heading", { name: familyMessages.es.surveysHeading })).toBeTruthy();
    const first = screen.getByRole("group", { name: "Sé lo que mi hijo está aprendiendo." });
    expect(first.textContent).toContain("Totalmente de acuerdo");
    expect(screen.queryByText("Strongly agree")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: familyMessages.es.surveySubmit }));
    expect((await screen.findAllByText(familyMessages.es.surveyChooseOne)).length).toBe(2);
    await userEvent.click(screen.getAllByRole("radio", { name: /^De acuerdo/ })[0] as HTMLElement);
    await userEvent.click(screen.getAllByRole("radio", { name: /^Totalmente de acuerdo/ })[1] as HTMLElement);
    await userEvent.click(screen.getByRole("button", { name: familyMessages.es.surveySubmit }));
    await vi.waitFor(() =>
      expect(calls.filter((c) => c.method === "POST")).toEqual([
        {
          method: "POST",
          path: `/surveys/rounds/${ROUND}/answers`,
          body: {
            answers: [
              { itemKey: "fp.learning", level: 3 },
              { itemKey: "fp.help", level: 4 },
            ],
          },
        },
      ]),
    );
  });
});
