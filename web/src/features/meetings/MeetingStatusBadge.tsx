import type { ReactNode } from "react";
import type { z } from "zod";
import type { MeetingStatus } from "../../../../contract/meetings";
import styles from "./MeetingStatusBadge.module.css";
import { STATUS_LABELS } from "./meeting-format";

/** A meeting's status as a badge in its colour; children replace the status's own label ("Now"). */
export function MeetingStatusBadge({
  status,
  children,
}: {
  status: z.infer<typeof MeetingStatus>;
  children?: ReactNode;
}) {
  return <span className={`badge ${styles[status]}`}>{children ?? STATUS_LABELS[status]}</span>;
}
