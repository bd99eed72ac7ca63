import { type FormEvent, useState } from "react";
import { TextAreaField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useSendFamilyNote } from "./family-voice.api";
import type { FamilyMessages } from "./messages";

const MAX_NOTE = 2000;

/** "Send a note to the team": a family's word back to the people teaching their child. */
export function SendNoteForm({ studentId, firstName, t }: { studentId: string; firstName: string; t: FamilyMessages }) {
  const send = useSendFamilyNote(studentId);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [isSent, setIsSent] = useState(false);
  const headingId = `send-note-${studentId}`;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const text = body.trim();
    if (!text) return setError(t.noteEmpty);
    if (text.length > MAX_NOTE) return setError(t.noteTooLong);
    setError(undefined);
    setIsSent(false);
    try {
      await send.mutateAsync({ body: text });
      setBody("");
      setIsSent(true);
    } catch {
      setError(t.loadFailed);
    }
  }

  return (
    <form onSubmit={handleSubmit} aria-labelledby={headingId} className="family-note-form" noValidate>
      <h4 id={headingId}>{t.sendNoteHeading}</h4>
      <TextAreaField
        label={`${t.noteLabel} (${firstName})`}
        hint={t.noteHint}
        error={error}
        value={body}
        rows={4}
        maxLength={MAX_NOTE}
        onChange={(event) => setBody(event.target.value)}
      />
      <FormAlert message={isSent ? t.noteSent : null} tone="success" />
      <button type="submit" className="button" disabled={send.isPending}>
        {send.isPending ? t.sending : t.send}
      </button>
    </form>
  );
}
