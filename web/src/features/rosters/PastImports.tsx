import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { RosterImportSummary } from "../../../../contract/rosters";
import { columnHelper, DataTable } from "../../components/DataTable";
import { EmptyState } from "../../components/EmptyState";
import { formatDateTime } from "../../components/format";
import { Pager } from "../../components/Pager";
import { QueryResult } from "../../components/QueryResult";
import styles from "./PastImports.module.css";
import { rosterImportsQuery } from "./rosters.api";

const PAGE_SIZE = 10;
const STATUS_LABELS = { running: "Running", succeeded: "Imported", failed: "Nothing imported" } as const;

/** The district's earlier imports, newest first; each can show its full report. */
export function PastImports({ onShow }: { onShow: (id: string) => void }) {
  const [page, setPage] = useState(1);
  const imports = useQuery(rosterImportsQuery({ page, pageSize: PAGE_SIZE }));
  const column = columnHelper<RosterImportSummary>();
  const columns = column.columns([
    column.accessor("startedAt", {
      header: "Started",
      meta: { isRowHeader: true },
      cell: (info) => <time dateTime={info.getValue()}>{formatDateTime(info.getValue())}</time>,
    }),
    column.accessor("source", { header: "Files" }),
    column.accessor("status", {
      header: "Outcome",
      cell: (info) => <span className={`badge ${styles[info.getValue()]}`}>{STATUS_LABELS[info.getValue()]}</span>,
    }),
    column.accessor("rowsTotal", { header: "Rows" }),
    column.display({
      id: "problems",
      header: "Problems",
      cell: (info) => `${info.row.original.errorCount} errors, ${info.row.original.warningCount} warnings`,
    }),
    column.accessor((row) => row.startedBy?.name ?? "Command line", { id: "startedBy", header: "By" }),
    column.display({
      id: "report",
      header: "Report",
      cell: (info) => (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => onShow(info.row.original.id)}
        >
          Show report
          <span className="visually-hidden"> of the import started {formatDateTime(info.row.original.startedAt)}</span>
        </button>
      ),
    }),
  ]);

  return (
    <section aria-labelledby="past-imports" className={styles.pastImports}>
      <h2 id="past-imports">Past imports</h2>
      <QueryResult
        query={imports}
        loadingLabel="Loading past imports…"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title="No imports yet" headingLevel={3}>
            <p>Each import is listed here with what it changed and every problem it found.</p>
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <DataTable caption="Past imports" columns={columns} data={data.items} getRowId={(row) => row.id} />
            <Pager
              label="Past import pages"
              page={page}
              pageSize={PAGE_SIZE}
              total={data.total}
              onPageChange={setPage}
            />
          </>
        )}
      </QueryResult>
    </section>
  );
}
