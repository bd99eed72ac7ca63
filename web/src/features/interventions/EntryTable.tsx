import type { ReactNode } from "react";
import styles from "./EntryTable.module.css";

/** A data table whose cells hold compact inputs: a score or an attendance choice per student. */
export function EntryTable({ children }: { children: ReactNode }) {
  return <table className={`data-table ${styles.table}`}>{children}</table>;
}

/** One row per group member: their name labels the input `cell` renders with the id it is given. */
export function MemberEntryTable({
  caption,
  column,
  idPrefix,
  members,
  cell,
}: {
  caption: string;
  column: string;
  idPrefix: string;
  members: readonly { planId: string; studentName: string }[];
  cell: (planId: string, id: string) => ReactNode;
}) {
  return (
    <EntryTable>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Student</th>
          <th scope="col">{column}</th>
        </tr>
      </thead>
      <tbody>
        {members.map((member) => (
          <tr key={member.planId}>
            <th scope="row">
              <label htmlFor={`${idPrefix}-${member.planId}`}>{member.studentName}</label>
            </th>
            <td>{cell(member.planId, `${idPrefix}-${member.planId}`)}</td>
          </tr>
        ))}
      </tbody>
    </EntryTable>
  );
}
