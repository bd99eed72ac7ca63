import { useRef, useState } from "react";
import type { MeetingDetail } from "../../../../contract/meetings";
import { nowMs } from "../../clock";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { formatDateTime } from "../../components/format";
import styles from "./MeetingStatusControls.module.css";
import { useCompleteMeeting, useStartMeeting } from "./meetings.api";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * "Start meeting" before it begins and "Finish meeting" while it runs, for those who take part. Starting more than
 * a day before the meeting's time, or finishing with members whose attendance is not marked, asks first.
 */
export function MeetingStatusControls({ meeting }: { meeting: MeetingDetail }) {
  const startMeeting = useStartMeeting(meeting.id);
  const completeMeeting = useCompleteMeeting(meeting.id);
  const regionRef = useRef<HTMLDivElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const finishRef = useRef<HTMLButtonElement>(null);
  const [asking, setAsking] = useState<"early-start" | "unmarked" | null>(null);
  const failure = startMeeting.error ?? completeMeeting.error;
  if (!meeting.can.contribute) return null;

  // Each button gives way to the next one, so focus is moved on to it rather than lost.
  const focusLater = (target: () => HTMLElement | null) => requestAnimationFrame(() => target()?.focus());
  const unmarked = meeting.attendance.filter((entry) => entry.status === null).length;
  const start = () => {
    setAsking(null);
    startMeeting.mutate(undefined, { onSuccess: () => focusLater(() => finishRef.current) });
  };
  const finish = () => {
    setAsking(null);
    completeMeeting.mutate(undefined, { onSuccess: () => focusLater(() => regionRef.current) });
  };

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
            ref={startRef}
            onClick={() =>
              new Date(meeting.startsAt).getTime() - nowMs() > DAY_MS ? setAsking("early-start") : start()
            }
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
            onClick={() => (unmarked > 0 ? setAsking("unmarked") : finish())}
            disabled={completeMeeting.isPending}
          >
            Finish meeting
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={asking === "early-start"}
        title="Start this meeting early?"
        confirmLabel="Start now"
        onConfirm={start}
        onCancel={() => setAsking(null)}
        fallbackFocusRef={startRef}
      >
        <p>It is planned for {formatDateTime(meeting.startsAt)}, more than a day from now.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === "unmarked"}
        title="Finish without attendance?"
        confirmLabel="Finish anyway"
        onConfirm={finish}
        onCancel={() => setAsking(null)}
        fallbackFocusRef={finishRef}
      >
        <p>
          {unmarked === 1 ? "One member has" : `${unmarked} members have`} no attendance marked. You can mark it first,
          or finish and mark it later.
        </p>
      </ConfirmDialog>
    </div>
  );
}
