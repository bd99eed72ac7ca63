import { useQuery } from "@tanstack/react-query";
import { ApiError } from "../../api/client";
import { formatDateTime } from "../../components/format";
import { QueryResult } from "../../components/QueryResult";
import styles from "./FamilyNotesSection.module.css";
import { studentFamilyNotesQuery, useAcknowledgeFamilyNote } from "./family-voice.api";

const LANGUAGE_NAMES: Record<string, string> = { en: "English", es: "Spanish" };

/** "Notes from family" on a student's page: what the family wrote, and who on the team has read it. */
export function FamilyNotesSection({ studentId, headingLevel = 2 }: { studentId: string; headingLevel?: 2 | 3 }) {
  const notes = useQuery(studentFamilyNotesQuery(studentId));
  const acknowledge = useAcknowledgeFamilyNote(studentId);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `family-notes-${studentId}`;
  // Family notes are for staff; anyone else (a family member on their child's page) is answered 404.
  if (notes.error instanceof ApiError && notes.error.status === 404) return null;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <Heading id={headingId}>Notes from family</Heading>
      <QueryResult
        query={notes}
        loadingLabel="Loading notes from family…"
        isEmpty={(data) => data.items.length === 0}
        empty={<p className="muted">No notes from family yet.</p>}
      >
        {(data) => (
          <ul className={styles.notes}>
            {data.items.map((note) => (
              <li key={note.id}>
                <blockquote lang={note.language}>{note.body}</blockquote>
                <p className="muted">
                  {note.author?.name ?? "A family member"} · {formatDateTime(note.createdAt)}
                  {note.language !== "en" ? ` · written in ${LANGUAGE_NAMES[note.language] ?? note.language}` : ""}
                  {note.acknowledgedAt ? ` · read by ${note.acknowledgedBy?.name ?? "the team"}` : ""}
                </p>
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
              </li>
            ))}
          </ul>
        )}
      </QueryResult>
    </section>
  );
}
