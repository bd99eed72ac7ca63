import { useState } from "react";
import { FamilyNoteInput } from "../../../../contract/family-voice";
import { TextAreaField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { useSendFamilyNote } from "./family-voice.api";
import type { FamilyMessages } from "./messages";
import styles from "./SendNoteForm.module.css";

const MAX_NOTE = 2000;

/** "Send a note to the team": a family's word back to the people teaching their child. */
export function SendNoteForm({ studentId, firstName, t }: { studentId: string; firstName: string; t: FamilyMessages }) {
  const send = useSendFamilyNote(studentId);
  const [isSent, setIsSent] = useState(false);
  const headingId = `send-note-${studentId}`;
  const form = useContractForm<typeof FamilyNoteInput, { body: string }>({
    schema: FamilyNoteInput,
    defaultValues: { body: "" },
    // Families read the page in their language, so every message comes from its catalog.
    messages: { body: (code) => (code === "too_big" ? t.noteTooLong : t.noteEmpty) },
    onValid: (note) => {
      setIsSent(false);
      send.mutate(note, {
        onSuccess: () => {
          form.reset();
          setIsSent(true);
        },
        onError: () => form.showFieldErrors({ body: t.loadFailed }),
      });
    },
  });

  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} aria-labelledby={headingId} className={styles.form} noValidate>
      <h4 id={headingId}>{t.sendNoteHeading}</h4>
      <TextAreaField
        label={`${t.noteLabel} (${firstName})`}
        hint={t.noteHint}
        error={form.fieldError("body")}
        rows={4}
        maxLength={MAX_NOTE}
        {...form.register("body")}
      />
      <FormAlert message={isSent ? t.noteSent : null} tone="success" />
      <button type="submit" className="button" disabled={send.isPending}>
        {send.isPending ? t.sending : t.send}
      </button>
    </form>
  );
}
