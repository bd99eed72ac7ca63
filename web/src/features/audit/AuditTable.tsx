import { Link } from "@tanstack/react-router";
import type { z } from "zod";
import type { AuditEntry } from "../../../../contract/audit";
import { columnHelper, DataTable } from "../../components/DataTable";
import { formatDateTime } from "../../components/format";
import styles from "./AuditTable.module.css";

type Entry = z.infer<typeof AuditEntry>;

const column = columnHelper<Entry>();

function Subject({ entry }: { entry: Entry }) {
  if (!entry.subjectId) return <>{entry.subjectType}</>;
  if (entry.subjectType === "person") {
    return (
      <>
        person{" "}
        <Link to="/admin/people/$personId" params={{ personId: entry.subjectId }} className="mono">
          {entry.subjectId.slice(0, 8)}
          <span className="visually-hidden"> (open this person)</span>
        </Link>
      </>
    );
  }
  return (
    <>
      {entry.subjectType} <span className="mono break">{entry.subjectId}</span>
    </>
  );
}

const columns = column.columns([
  column.accessor("at", {
    header: "Time",
    meta: { isRowHeader: true },
    cell: (info) => <time dateTime={info.getValue()}>{formatDateTime(info.getValue())}</time>,
  }),
  column.accessor("actorName", {
    header: "Who",
    cell: (info) => info.getValue() ?? <span className="muted">Not signed in</span>,
  }),
  column.accessor("action", { header: "Action", cell: (info) => <code>{info.getValue()}</code> }),
  column.display({ id: "subject", header: "Subject", cell: ({ row }) => <Subject entry={row.original} /> }),
  column.accessor("ip", { header: "IP", cell: (info) => <span className="mono">{info.getValue() ?? "—"}</span> }),
  column.accessor("requestId", {
    header: "Request ID",
    cell: (info) => <span className="mono break">{info.getValue() ?? "—"}</span>,
  }),
  column.accessor("details", {
    header: "Details",
    cell: (info) => {
      const details = info.getValue();
      if (!details || Object.keys(details).length === 0) return <span className="muted">—</span>;
      return (
        <details>
          <summary>Show</summary>
          <pre className={styles.json}>{JSON.stringify(details, null, 2)}</pre>
        </details>
      );
    },
  }),
]);

export function AuditTable({ entries }: { entries: readonly Entry[] }) {
  return (
    <DataTable
      caption="Audit log, newest first"
      columns={columns}
      data={entries}
      getRowId={(entry) => String(entry.id)}
    />
  );
}
