import { afterEach, describe, expect, it, vi } from "vitest";
import { setDistrictTimeZone, todayIso } from "./format";

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
