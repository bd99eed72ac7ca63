import { useQuery } from "@tanstack/react-query";
import { ApiError } from "../../api/client";
import { QueryResult } from "../../components/QueryResult";
import styles from "./FamilyNotesSection.module.css";
import { FamilyNoteThread } from "./FamilyNoteThread";
import { studentFamilyNotesQuery } from "./family-voice.api";

/** "Notes from family" on a student's page: what the family wrote, who on the team has read it, and the answers. */
export function FamilyNotesSection({ studentId, headingLevel = 2 }: { studentId: string; headingLevel?: 2 | 3 }) {
  const notes = useQuery(studentFamilyNotesQuery(studentId));
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
              <FamilyNoteThread key={note.id} note={note} />
            ))}
          </ul>
        )}
      </QueryResult>
    </section>
  );
}
