import { describe, expect, it } from "vitest";
import { MeetingInput } from "../../../../contract/meetings";
import { describeMonthly, emptySchedule, toMeetingInput } from "./schedule-form";

describe("toMeetingInput", () => {
  it("joins date and time into the local start the API wants, and drops blank agenda rows", () => {
    const input = toMeetingInput({
      ...emptySchedule(),
      title: "Data review",
      date: "2026-12-01",
      time: "15:30",
      timezone: "America/Chicago",
      protocolKey: "library:data-driven-dialogue",
      agenda: [
        { key: 1, title: "Celebrations", minutes: "5" },
        { key: 2, title: "", minutes: "" },
        { key: 3, title: "Next steps", minutes: "" },
      ],
      repeat: "weekly",
      count: "4",
    });
    const parsed = MeetingInput.parse(input);
    expect(parsed.startsAt).toBe("2026-12-01T15:30");
    expect(parsed.agenda).toEqual([
      { title: "Celebrations", minutes: 5 },
      { title: "Next steps", minutes: null },
    ]);
    expect(parsed.recurrence).toEqual({ frequency: "weekly", interval: 1, count: 4 });
    expect(parsed.link).toBeNull();
  });

  it("sends every N weeks with its interval, and an end date instead of a count", () => {
    const input = toMeetingInput({
      ...emptySchedule(),
      repeat: "every_n_weeks",
      interval: "3",
      ends: "until",
      until: "2027-03-01",
    });
    expect(input.recurrence).toEqual({ frequency: "weekly", interval: 3, until: "2027-03-01" });
  });

  it("repeats monthly by weekday, and not at all by default", () => {
    expect(toMeetingInput({ ...emptySchedule(), repeat: "monthly" }).recurrence).toMatchObject({
      frequency: "monthly_by_weekday",
      interval: 1,
    });
    expect(toMeetingInput(emptySchedule()).recurrence).toBeNull();
  });
});

describe("describeMonthly", () => {
  it("names the weekday and its week, as the server's rule reads it", () => {
    expect(describeMonthly("2026-12-08")).toMatch(/^On the second \S+ of each month\.$/);
    expect(describeMonthly("2026-12-29")).toMatch(/^On the last \S+ of each month\.$/);
    expect(describeMonthly("")).toBeNull();
  });
});
