/** A calendar day ("2030-10-02") as people read it, without shifting it across time zones. */
export function formatDay(day: string): string {
  return new Date(`${day}T12:00:00`).toLocaleDateString(undefined, { month: "short", day: "numeric", year: "numeric" });
}

/** Points as a teacher writes them: 2, 2.5, 1.33. */
export function formatPoints(points: number): string {
  return String(Math.round(points * 100) / 100);
}
