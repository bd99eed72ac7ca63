// The clock guard: runs tests with the system clock moved to fixed moments of the school year and of the day,
// so a test that passes only on some days or at some hours fails on every machine, every time.
// libfaketime (Debian's `faketime` package) moves the clock of every process started with its environment:
// the test runner, its workers, the server the end-to-end tests start, and PGlite inside them. PostgreSQL is
// a server of its own, so the PostgreSQL phase runs at the real time; the browser gets the same moment through
// Playwright's clock (e2e/support/browser.ts), since Chromium does not start under libfaketime.
import { existsSync } from "node:fs";
import { aptInstall } from "./apt.mjs";

const LIBRARIES = [
  "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
  "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
  "/usr/lib/faketime/libfaketime.so.1",
];

/**
 * The guard's moments, each the next occurrence after `from` (so a moment is never in the past, where cookies
 * and certificates would already have expired): month, day, and the time of day in a time zone.
 */
const MOMENTS = [
  {
    label: "the first school day of September, 7:10 in Chicago",
    month: 9,
    day: 1,
    time: "07:10",
    zone: "America/Chicago",
  },
  {
    label: "15 December, 22:40 in Chicago (already the 16th in UTC)",
    month: 12,
    day: 15,
    time: "22:40",
    zone: "America/Chicago",
  },
  { label: "1 March, just after midnight UTC", month: 3, day: 1, time: "00:05", zone: "UTC" },
  { label: "1 July, in the summer holidays", month: 7, day: 1, time: "06:30", zone: "America/Chicago" },
];

/** The path of libfaketime, or null when it is not installed. */
export function fakeTimeLibrary() {
  return LIBRARIES.find((candidate) => existsSync(candidate)) ?? null;
}

/** libfaketime's path, installing Debian's faketime package when it can; null when there is none. */
export function ensureFakeTime() {
  return fakeTimeLibrary() ?? (aptInstall(["faketime"], "for the clock guard") ? fakeTimeLibrary() : null);
}

/** The instant a wall-clock time in a zone names (the zone's offset at that instant, DST included). */
function instantIn(year, month, day, time, zone) {
  const [hour, minute] = time.split(":").map(Number);
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(new Date(guess));
  const get = (type) => Number(parts.find((p) => p.type === type)?.value);
  const seen = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return new Date(guess - (seen - guess));
}

/** Each guard moment as an instant after `from`. */
export function guardMoments(from = new Date()) {
  return MOMENTS.map((m) => {
    let at = instantIn(from.getUTCFullYear(), m.month, m.day, m.time, m.zone);
    if (at <= from) at = instantIn(from.getUTCFullYear() + 1, m.month, m.day, m.time, m.zone);
    return { label: m.label, at };
  });
}

/** The environment that moves a process (and its children) to `at`; the clock keeps running from there. */
export function fakeClockEnv(library, at) {
  const offsetSeconds = Math.round((at.getTime() - Date.now()) / 1000);
  return {
    LD_PRELOAD: [library, process.env.LD_PRELOAD].filter(Boolean).join(" "),
    FAKETIME: `${offsetSeconds >= 0 ? "+" : ""}${offsetSeconds}`,
    // Timers and timeouts keep real time: only the calendar moves.
    FAKETIME_DONT_FAKE_MONOTONIC: "1",
    DONT_FAKE_MONOTONIC: "1",
    COLLECTIVE_CLOCK_MOMENT: at.toISOString(),
  };
}
