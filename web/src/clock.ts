/*
 * The one place the web app reads the browser's clock, so what "today", "ago" and timers mean can be fixed
 * in one place (and by the end-to-end tests' clock).
 */

/** This moment. */
export function now(): Date {
  return new Date();
}

/** This moment in milliseconds since the epoch. */
export function nowMs(): number {
  return Date.now();
}
