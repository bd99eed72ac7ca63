import type { School } from "../../../../contract/schools";

export const LEVEL_LABELS: Record<School["level"], string> = {
  elementary: "Elementary",
  middle: "Middle",
  high: "High",
  k12: "K–12",
  other: "Other",
};
