import type { MeetingDetail } from "../../../../contract/meetings";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { useEmailSummary } from "./meetings.api";

/** The meeting's one-page summary: as a PDF to keep, and by email to every member. */
export function SummaryActions({ meeting }: { meeting: MeetingDetail }) {
  const emailSummary = useEmailSummary(meeting.id);
  return (
    <section className="panel" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary</h2>
      <p className="muted">Attendance, notes, decisions and action items on one page.</p>
      <div role="status" className="status-region">
        {emailSummary.isSuccess ? (
          <p className="notice notice-success">The summary was emailed to the members of {meeting.communityName}.</p>
        ) : null}
      </div>
      <FormAlert message={emailSummary.error ? problemFromError(emailSummary.error).message : null} />
      <div className="actions">
        <a className="button button-secondary" href={`/api/v1/meetings/${meeting.id}/summary.pdf`} download>
          Download PDF summary
        </a>
        {meeting.can.contribute ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => emailSummary.mutate()}
            disabled={emailSummary.isPending}
          >
            Email summary to members
          </button>
        ) : null}
      </div>
    </section>
  );
}
