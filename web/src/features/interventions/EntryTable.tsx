import type { ReactNode } from "react";
import { TableScroll } from "../../components/TableScroll";
import styles from "./EntryTable.module.css";

/**
 * A data table whose cells hold compact inputs: a score or an attendance choice per student. It scrolls sideways
 * in its frame on a narrow screen (`label` names the frame).
 */
export function EntryTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <TableScroll label={label}>
      <table className={`data-table ${styles.table}`}>{children}</table>
    </TableScroll>
  );
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
    <EntryTable label={caption}>
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
