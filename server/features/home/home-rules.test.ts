import { describe, expect, it } from "vitest";
import { canStartMeeting, daysBetween, isCycleStalled, isScoreDue, teamAlerts } from "./home-rules";

const today = "2026-03-20";

describe("isCycleStalled", () => {
  it("is stalled when the current stage is more than 7 days past due", () => {
    expect(isCycleStalled({ stageDueOn: "2026-03-12", lastActivityOn: today }, today)).toBe(true);
  });
  it("is not stalled at exactly 7 days past due, with recent work", () => {
    expect(isCycleStalled({ stageDueOn: "2026-03-13", lastActivityOn: "2026-03-19" }, today)).toBe(false);
  });
  it("is stalled after more than 21 days without recorded work, even without a due date", () => {
    expect(isCycleStalled({ stageDueOn: null, lastActivityOn: "2026-02-26" }, today)).toBe(true);
    expect(isCycleStalled({ stageDueOn: null, lastActivityOn: "2026-02-27" }, today)).toBe(false);
  });
  it("a due date in the future does not stall a cycle that is being worked on", () => {
    expect(isCycleStalled({ stageDueOn: "2026-04-01", lastActivityOn: "2026-03-18" }, today)).toBe(false);
  });
});

describe("teamAlerts", () => {
  const quiet = {
    lastMetOn: "2026-03-16",
    createdOn: "2025-08-20",
    cycleTitle: "Inference",
    isCycleStalled: false,
    goalsAtRisk: 0,
    overdueReviews: 0,
  };
  it("raises nothing for a team that meets, works its cycle and is on track", () => {
    expect(teamAlerts(quiet, today)).toEqual([]);
  });
  it("raises each alert with a sentence counting what it is about", () => {
    const alerts = teamAlerts(
      { ...quiet, lastMetOn: "2026-03-01", isCycleStalled: true, goalsAtRisk: 2, overdueReviews: 1 },
      today,
    );
    expect(alerts).toEqual([
      { kind: "not_met", text: "Has not met in 19 days" },
      { kind: "stalled_cycle", text: "Cycle “Inference” has stalled" },
      { kind: "goal_at_risk", text: "2 goals at risk or off track" },
      { kind: "reviews_overdue", text: "1 student's plan is overdue for review" },
    ]);
  });
  it("gives a new team 14 days before it counts as not meeting", () => {
    expect(teamAlerts({ ...quiet, lastMetOn: null, createdOn: "2026-03-06" }, today)).toEqual([]);
    expect(teamAlerts({ ...quiet, lastMetOn: null, createdOn: "2026-03-05" }, today)[0]?.kind).toBe("not_met");
  });
  it("counts whole days across months", () => {
    expect(daysBetween("2026-02-27", "2026-03-02")).toBe(3);
  });
});

describe("isScoreDue", () => {
  it("is due a week after the last score, or after the start without one", () => {
    expect(isScoreDue({ startDate: "2026-02-01", lastScoredOn: "2026-03-13" }, today)).toBe(true);
    expect(isScoreDue({ startDate: "2026-02-01", lastScoredOn: "2026-03-14" }, today)).toBe(false);
    expect(isScoreDue({ startDate: "2026-03-16", lastScoredOn: null }, today)).toBe(false);
    expect(isScoreDue({ startDate: "2026-03-13", lastScoredOn: null }, today)).toBe(true);
  });
});

describe("canStartMeeting", () => {
  const meeting = {
    startsAt: "2026-03-20T15:00:00.000Z",
    endsAt: "2026-03-20T16:00:00.000Z",
    status: "scheduled",
  } as const;
  it("opens a quarter of an hour before the start and closes at the end", () => {
    expect(canStartMeeting(meeting, new Date("2026-03-20T14:44:59Z"))).toBe(false);
    expect(canStartMeeting(meeting, new Date("2026-03-20T14:45:00Z"))).toBe(true);
    expect(canStartMeeting({ ...meeting, status: "in_progress" }, new Date("2026-03-20T15:59:00Z"))).toBe(true);
    expect(canStartMeeting(meeting, new Date("2026-03-20T16:00:00Z"))).toBe(false);
  });
  it("never for a completed or cancelled meeting", () => {
    expect(canStartMeeting({ ...meeting, status: "completed" }, new Date("2026-03-20T15:10:00Z"))).toBe(false);
    expect(canStartMeeting({ ...meeting, status: "cancelled" }, new Date("2026-03-20T15:10:00Z"))).toBe(false);
  });
});
