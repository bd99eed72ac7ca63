import type { z } from "zod";
import type { NormVersion } from "../../../../contract/communities";
import { columnHelper, DataTable } from "../../components/DataTable";
import { formatDateTime } from "../../components/format";
import styles from "./NormHistoryTable.module.css";
import { NormList } from "./NormList";

type Version = z.infer<typeof NormVersion>;

const column = columnHelper<Version>();

const columns = column.columns([
  column.accessor("version", {
    header: "Version",
    meta: { isRowHeader: true, className: "cell-nowrap" },
    cell: (info) => `Version ${info.getValue()}`,
  }),
  column.accessor("norms", {
    header: "Norms",
    cell: (info) => <NormList norms={info.getValue()} className={styles.ordered} />,
  }),
  column.accessor("createdBy", { header: "Saved by", cell: (info) => info.getValue() ?? "—" }),
  column.accessor("createdAt", {
    header: "When",
    meta: { className: "cell-nowrap" },
    cell: (info) => formatDateTime(info.getValue()),
  }),
  column.accessor("changeNote", {
    header: "Change note",
    cell: (info) => info.getValue() || <span className="muted">—</span>,
  }),
  column.accessor("agreedBy", {
    header: "Agreed by",
    cell: (info) =>
      info.getValue().length ? (
        <ul className="cell-list">
          {info.getValue().map((agreement) => (
            <li key={agreement.personId}>{agreement.displayName}</li>
          ))}
        </ul>
      ) : (
        <span className="muted">Nobody yet</span>
      ),
  }),
]);

/** Every version of the norms, newest first, with who saved it and who agreed to it. */
export function NormHistoryTable({ versions }: { versions: readonly Version[] }) {
  return <DataTable caption="Version history" columns={columns} data={versions} getRowId={(row) => row.id} />;
}
