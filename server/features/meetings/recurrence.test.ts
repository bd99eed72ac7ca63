import { describe, expect, it } from "vitest";
import { expandOccurrences, isValidTimezone } from "./recurrence";

describe("meeting recurrence", () => {
  it("repeats weekly at the same local time across a daylight-saving change", () => {
    const { rule, occurrences } = expandOccurrences(
      { frequency: "weekly", interval: 1, count: 3 },
      "2026-10-27T15:30",
      "America/Chicago",
      45,
    );
    expect(rule).toBe("RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;COUNT=3");
    // US daylight saving ends on 1 November 2026: 15:30 local is 20:30Z before and 21:30Z after.
    expect(occurrences.map((o) => o.startsAt.toISOString())).toEqual([
      "2026-10-27T20:30:00.000Z",
      "2026-11-03T21:30:00.000Z",
      "2026-11-10T21:30:00.000Z",
    ]);
    expect(occurrences[0]?.endsAt.toISOString()).toBe("2026-10-27T21:15:00.000Z");
  });

  it("repeats every N weeks", () => {
    const { occurrences } = expandOccurrences(
      { frequency: "weekly", interval: 2, count: 3 },
      "2026-12-01T08:00",
      "UTC",
      30,
    );
    expect(occurrences.map((o) => o.startsAt.toISOString().slice(0, 10))).toEqual([
      "2026-12-01",
      "2026-12-15",
      "2026-12-29",
    ]);
  });

  it("repeats monthly on the same weekday of the month", () => {
    // 2026-12-08 is the second Tuesday of December.
    const { rule, occurrences } = expandOccurrences(
      { frequency: "monthly_by_weekday", interval: 1, count: 3 },
      "2026-12-08T14:00",
      "UTC",
      60,
    );
    expect(rule).toBe("RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=+2TU;COUNT=3");
    expect(occurrences.map((o) => o.startsAt.toISOString().slice(0, 10))).toEqual([
      "2026-12-08",
      "2027-01-12",
      "2027-02-09",
    ]);
  });

  it("uses the last weekday when the meeting starts in a month's fifth week", () => {
    const { occurrences } = expandOccurrences(
      { frequency: "monthly_by_weekday", interval: 1, count: 2 },
      "2026-12-29T14:00",
      "UTC",
      60,
    );
    expect(occurrences.map((o) => o.startsAt.toISOString().slice(0, 10))).toEqual(["2026-12-29", "2027-01-26"]);
  });

  it("stops at an end date", () => {
    const { occurrences } = expandOccurrences(
      { frequency: "weekly", interval: 1, until: "2026-12-20" },
      "2026-12-01T08:00",
      "UTC",
      30,
    );
    expect(occurrences).toHaveLength(3);
  });

  it("knows real time zones", () => {
    expect(isValidTimezone("Europe/Madrid")).toBe(true);
    expect(isValidTimezone("Mars/Olympus")).toBe(false);
  });
});
