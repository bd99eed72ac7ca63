import { useRef } from "react";
import type { MeetingDetail } from "../../../../contract/meetings";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import styles from "./MeetingStatusControls.module.css";
import { useCompleteMeeting, useStartMeeting } from "./meetings.api";

/** "Start meeting" before it begins and "Finish meeting" while it runs, for those who take part. */
export function MeetingStatusControls({ meeting }: { meeting: MeetingDetail }) {
  const startMeeting = useStartMeeting(meeting.id);
  const completeMeeting = useCompleteMeeting(meeting.id);
  const regionRef = useRef<HTMLDivElement>(null);
  const finishRef = useRef<HTMLButtonElement>(null);
  const failure = startMeeting.error ?? completeMeeting.error;
  if (!meeting.can.contribute) return null;

  // Each button gives way to the next one, so focus is moved on to it rather than lost.
  const focusLater = (target: () => HTMLElement | null) => requestAnimationFrame(() => target()?.focus());

  return (
    <div ref={regionRef} tabIndex={-1} className={`focus-region ${styles.controls}`}>
      <div role="status" className="status-region">
        {meeting.status === "in_progress" && startMeeting.isSuccess ? (
          <p className="notice notice-success">The meeting has started.</p>
        ) : null}
        {meeting.status === "completed" && completeMeeting.isSuccess ? (
          <p className="notice notice-success">
            The meeting is finished. You can still add notes, decisions and action items.
          </p>
        ) : null}
      </div>
      <FormAlert message={failure ? problemFromError(failure).message : null} />
      {meeting.status === "scheduled" ? (
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={() => startMeeting.mutate(undefined, { onSuccess: () => focusLater(() => finishRef.current) })}
            disabled={startMeeting.isPending}
          >
            Start meeting
          </button>
        </div>
      ) : null}
      {meeting.status === "in_progress" ? (
        <div className="actions">
          <button
            ref={finishRef}
            type="button"
            className="button button-secondary"
            onClick={() => completeMeeting.mutate(undefined, { onSuccess: () => focusLater(() => regionRef.current) })}
            disabled={completeMeeting.isPending}
          >
            Finish meeting
          </button>
        </div>
      ) : null}
    </div>
  );
}
