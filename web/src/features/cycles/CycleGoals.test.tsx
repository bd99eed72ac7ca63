// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Cycle } from "../../../../contract/cycles";
import type { GoalSummary } from "../../../../contract/goals";
import { renderWithQueries, stubApi } from "../../test/render";
import { CycleGoals } from "./CycleGoals";

const CYCLE = "2c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c";
const TEAM = "3c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c";
const TARGET_A = "4c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c";
const TARGET_B = "5c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c";
const SCHOOL_GOAL = "6c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c";
const PERSON = "7c9e7b1a-4d3f-4e5a-8b6c-9d0e1f2a3b4c";

vi.mock("@tanstack/react-router", () => ({ Link: ({ children }: { children: unknown }) => children }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const cycle = {
  id: CYCLE,
  communityId: TEAM,
  communityName: "Grade 3 team",
  title: "Main idea",
  focus: "",
  status: "active",
  currentStage: "shared_goals",
  startsOn: "2030-09-01",
  endsOn: "2030-12-01",
  overdueStages: 0,
  finishedAt: null,
  reflection: "",
  stages: [],
  assessments: [],
  can: { contribute: true, manage: true },
} satisfies Cycle;

function goal(overrides: Partial<GoalSummary>): GoalSummary {
  return {
    id: SCHOOL_GOAL,
    level: "school",
    kind: "student",
    title: "Readers",
    school: { id: TEAM, name: "North" },
    community: null,
    cycleId: null,
    owner: { id: PERSON, name: "Pat" },
    measure: { kind: "checkin" },
    unit: "percent",
    baseline: 40,
    target: 70,
    startsOn: "2030-08-01",
    dueOn: "2031-06-01",
    archived: false,
    servesGoalIds: [],
    progress: { value: 50, count: null, suppressed: false, status: "on_track", expected: 45 },
    can: { update: false, checkIn: false },
    ...overrides,
  };
}

const tally = { matched: 0, up: 0, same: 0, down: 0, upPercent: null };
const snapshot = [
  { targetId: TARGET_A, code: "RI.3.2", statement: "Main idea", students: 8, proficient: 2, levels: [] },
  { targetId: TARGET_B, code: "RI.3.1", statement: "Evidence", students: 3, proficient: 2, levels: [] },
];

describe("CycleGoals", () => {
  it("lists the cycle's goals and sets one on a baseline target, its baseline from the snapshot", async () => {
    const cycleGoal = goal({
      id: PERSON,
      level: "team",
      kind: "educator",
      title: "Anchor charts in every room",
      cycleId: CYCLE,
      progress: { value: null, count: null, suppressed: false, status: "at_risk", expected: null },
    });
    const calls = stubApi((call) => {
      if (call.path.startsWith(`/cycles/${CYCLE}/results`))
        return {
          status: 200,
          body: { students: 11, snapshot, byTarget: [], byClass: [], byTeacher: [], overall: tally, goals: [] },
        };
      const create = { levels: ["team"], schools: [], communities: [{ id: TEAM, name: "Grade 3 team" }] };
      if (call.method === "POST")
        return { status: 201, body: { ...cycleGoal, description: "", serves: [], servedBy: [], checkins: [] } };
      const items = call.path.includes("cycleId=") ? [cycleGoal] : [goal({})];
      return { status: 200, body: { items, create, schools: [], communities: [] } };
    });
    renderWithQueries(<CycleGoals cycle={cycle} />);
    expect(await screen.findByText("Anchor charts in every room")).toBeTruthy();
    expect(screen.getByText("At risk")).toBeTruthy();

    const baseline = (await screen.findByLabelText(/^Baseline/)) as HTMLInputElement;
    expect(baseline.value).toBe("25");
    await userEvent.selectOptions(screen.getByLabelText(/^Measured by/), TARGET_B);
    expect(baseline.value).toBe("66.7");
    await userEvent.type(screen.getByLabelText(/^Goal$/), "Evidence in every answer");
    await userEvent.type(screen.getByLabelText(/^Target/), "80");
    await userEvent.selectOptions(screen.getByLabelText(/^Serves/), SCHOOL_GOAL);
    await userEvent.click(screen.getByRole("button", { name: "Set goal" }));
    await waitFor(() => expect(calls.some((c) => c.method === "POST")).toBe(true));
    expect(calls.find((c) => c.method === "POST")?.body).toMatchObject({
      level: "team",
      communityId: TEAM,
      cycleId: CYCLE,
      measure: { kind: "proficiency_share", targetId: TARGET_B },
      baseline: 66.7,
      target: 80,
      startsOn: "2030-09-01",
      dueOn: "2030-12-01",
      servesGoalIds: [SCHOOL_GOAL],
    });
  });
});
