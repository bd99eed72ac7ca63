import type { Visit } from "../../../../contract/visits";
import { formatDateTime } from "../../components/format";

export const VISIT_STATUS_LABELS: Record<Visit["status"], string> = {
  proposed: "Proposed",
  scheduled: "Scheduled",
  completed: "Completed",
  cancelled: "Cancelled",
};

/** "Mar 4, 2025, 9:00 AM" or "Time to be agreed". */
export function describeVisitTime(visit: Visit): string {
  return visit.startsAt ? formatDateTime(visit.startsAt) : "Time to be agreed";
}
