import { type FormEvent, useState } from "react";
import type { MeetingDetail } from "../../../../contract/meetings";
import { now } from "../../clock";
import { TextAreaField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { useUpdateMeeting } from "./meetings.api";
import styles from "./NotesForm.module.css";

const savedTime = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });

/** The meeting's shared notes; what the form holds is kept while the page refreshes in the background. */
export function NotesForm({ meeting }: { meeting: MeetingDetail }) {
  const updateMeeting = useUpdateMeeting(meeting.id);
  const [notes, setNotes] = useState(meeting.notes);
  const [savedAt, setSavedAt] = useState<Date | null>(null);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setSavedAt(null);
    updateMeeting.mutate({ notes }, { onSuccess: () => setSavedAt(now()) });
  }

  if (!meeting.can.contribute) {
    return (
      <section className="panel" aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes</h2>
        {meeting.notes ? <p className={styles.notes}>{meeting.notes}</p> : <p className="muted">No notes yet.</p>}
      </section>
    );
  }

  return (
    <section className="panel" aria-labelledby="notes-heading">
      <h2 id="notes-heading" className="visually-hidden">
        Shared notes
      </h2>
      <form onSubmit={handleSubmit} className="form form-wide" aria-labelledby="notes-heading">
        <FormAlert message={updateMeeting.error ? problemFromError(updateMeeting.error).message : null} />
        <TextAreaField
          label="Notes"
          hint="What the team discussed. Everyone in the community can read them."
          value={notes}
          rows={8}
          onChange={(event) => setNotes(event.target.value)}
          className={styles.notesField}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={updateMeeting.isPending}>
            Save notes
          </button>
          <span role="status" className="save-status">
            {savedAt ? `Notes saved at ${savedTime.format(savedAt)}.` : ""}
          </span>
        </div>
      </form>
    </section>
  );
}
