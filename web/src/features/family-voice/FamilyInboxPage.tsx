import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import styles from "./FamilyNotesSection.module.css";
import { FamilyNoteThread } from "./FamilyNoteThread";
import { familyInboxQuery } from "./family-voice.api";

/** Every family note about the students I may read, not yet read first: read, answer, or mark as read. */
export function FamilyInboxPage() {
  const inbox = useQuery(familyInboxQuery);
  return (
    <>
      <PageHeader
        title="Notes from families"
        description="What families wrote about your students, those not yet read first. Answer in the family's language."
      />
      <QueryResult
        query={inbox}
        loadingLabel="Loading notes from families…"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title="No notes from families yet">
            When a family writes to the team about one of your students, the note appears here and on your bell.
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <p role="status">{data.unread === 1 ? "1 note not yet read." : `${data.unread} notes not yet read.`}</p>
            <div>
              {data.items.map((note) => (
                <section key={note.id} className="panel" aria-label={`Note about ${note.student.name}`}>
                  <h2>
                    <Link to="/students/$studentId" params={{ studentId: note.student.id }}>
                      {note.student.name}
                    </Link>
                  </h2>
                  <ul className={styles.notes}>
                    <FamilyNoteThread note={note} />
                  </ul>
                </section>
              ))}
            </div>
          </>
        )}
      </QueryResult>
    </>
  );
}
