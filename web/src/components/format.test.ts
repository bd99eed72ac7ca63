import { afterEach, describe, expect, it, vi } from "vitest";
import { districtDayOf, setDistrictTimeZone, todayIso } from "./format";

afterEach(() => {
  vi.useRealTimers();
});

describe("todayIso", () => {
  it("is the district's day, not the browser's: 22:40 in Chicago is still the 15th, already the 16th in UTC", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-12-16T04:40:00Z"));
    setDistrictTimeZone("America/Chicago");
    expect(todayIso()).toBe("2026-12-15");
    setDistrictTimeZone("UTC");
    expect(todayIso()).toBe("2026-12-16");
    setDistrictTimeZone("Pacific/Auckland");
    expect(todayIso()).toBe("2026-12-16");
  });
});

describe("districtDayOf", () => {
  it("dates a moment by the district's day: a family note written at 8:31 PM in Chicago is of that day", () => {
    setDistrictTimeZone("America/Chicago");
    expect(districtDayOf("2026-11-05T02:31:00Z")).toBe("2026-11-04");
    setDistrictTimeZone("UTC");
    expect(districtDayOf("2026-11-05T02:31:00Z")).toBe("2026-11-05");
  });
});
