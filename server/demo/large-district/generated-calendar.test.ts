import { describe, expect, it } from "vitest";
import { GENERATED_AS_OF, generatedCalendar } from "./generated-calendar";
import { planRoster } from "./plan-roster";

describe("the generated district's calendar", () => {
  it("keeps the template's dates by default", () => {
    const calendar = generatedCalendar();
    expect(calendar.asOf).toBe(GENERATED_AS_OF);
    expect(calendar.day("2026-09-14")).toBe("2026-09-14");
  });

  it("moves every date by the same whole weeks, to a Friday on or before the day asked for", () => {
    for (const asked of ["2027-09-01", "2028-03-01", "2027-07-01", "2026-12-18"]) {
      const calendar = generatedCalendar(asked);
      expect(new Date(`${calendar.asOf}T00:00:00Z`).getUTCDay()).toBe(5);
      expect(calendar.asOf <= asked).toBe(true);
      const gap = (Date.parse(asked) - Date.parse(calendar.asOf)) / 86_400_000;
      expect(gap).toBeLessThan(7);
      // The first assessments keep their distance from "today".
      const lead = (Date.parse(GENERATED_AS_OF) - Date.parse("2026-09-14")) / 86_400_000;
      expect((Date.parse(calendar.asOf) - Date.parse(calendar.day("2026-09-14"))) / 86_400_000).toBe(lead);
    }
  });

  it("names the roster's school year from its moved dates", () => {
    const plan = planRoster({ studentCount: 10, emailDomain: "x.example", calendar: generatedCalendar("2029-01-10") });
    expect(plan.schoolYear.title).toBe(
      `${plan.schoolYear.startDate.slice(0, 4)}–${Number(plan.schoolYear.startDate.slice(0, 4)) + 1}`,
    );
    expect(plan.schoolYear.startDate < "2029-01-10" && plan.schoolYear.endDate > "2029-01-10").toBe(true);
  });

  it("refuses a day that is not a date", () => {
    expect(() => generatedCalendar("someday")).toThrow(/not a date/);
  });
});
