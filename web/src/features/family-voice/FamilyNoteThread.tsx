import { FAMILY_LANGUAGES, type FamilyNote, FamilyReplyInput } from "../../../../contract/family-voice";
import { SelectField, TextAreaField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { formatDateTime } from "../../components/format";
import { useContractForm } from "../../components/use-contract-form";
import styles from "./FamilyNotesSection.module.css";
import { useAcknowledgeFamilyNote, useReplyToFamilyNote } from "./family-voice.api";

const LANGUAGE_NAMES: Record<string, string> = { en: "English", es: "Spanish" };
const languageName = (code: string) => LANGUAGE_NAMES[code] ?? code;

/**
 * A family's note and the team's answers, each marked with the language it was written in, with "Mark as read"
 * and an answer form that starts in the language the family reads.
 */
export function FamilyNoteThread({ note }: { note: FamilyNote }) {
  const acknowledge = useAcknowledgeFamilyNote();
  return (
    <li>
      <blockquote lang={note.language}>{note.body}</blockquote>
      <p className="muted">
        {note.author?.name ?? "A family member"} · {formatDateTime(note.createdAt)}
        {note.language !== "en" ? ` · written in ${languageName(note.language)}` : ""}
        {note.acknowledgedAt ? ` · read by ${note.acknowledgedBy?.name ?? "the team"}` : ""}
      </p>
      {note.replies.length > 0 ? (
        <ul className={styles.replies} aria-label="Answers">
          {note.replies.map((reply) => (
            <li key={reply.id}>
              <p lang={reply.language}>{reply.body}</p>
              <p className="muted">
                {reply.author?.name ?? "The team"} · {formatDateTime(reply.createdAt)} · in{" "}
                {languageName(reply.language)}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {note.acknowledgedAt ? null : (
        <button
          type="button"
          className="button button-secondary"
          disabled={acknowledge.isPending}
          onClick={() => acknowledge.mutate(note.id)}
        >
          Mark as read
        </button>
      )}
      <ReplyForm note={note} />
    </li>
  );
}

type ReplyValues = { body: string; language: string };

function ReplyForm({ note }: { note: FamilyNote }) {
  const reply = useReplyToFamilyNote(note.id);
  const familyLanguage = FAMILY_LANGUAGES.find((code) => code === note.familyLanguage) ?? "en";
  const form = useContractForm<typeof FamilyReplyInput, ReplyValues>({
    schema: FamilyReplyInput,
    defaultValues: { body: "", language: familyLanguage },
    messages: { body: (code) => (code === "too_big" ? "Keep the answer under 2,000 characters." : "Write an answer.") },
    onValid: (input) => reply.mutate(input, { onSuccess: () => form.reset(), onError: form.showProblem }),
  });
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form" aria-label="Answer the family">
      <FormAlert message={form.formMessage} />
      <TextAreaField
        label="Answer"
        hint={`The family reads ${languageName(familyLanguage)}: write your answer in it.`}
        rows={3}
        maxLength={2000}
        error={form.fieldError("body")}
        {...form.register("body")}
      />
      <SelectField label="Written in" {...form.register("language")} error={form.fieldError("language")}>
        {FAMILY_LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {languageName(code)}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button type="submit" className="button" disabled={reply.isPending}>
          Send answer
        </button>
      </div>
    </form>
  );
}
