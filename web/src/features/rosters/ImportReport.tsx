import { ENTITY_LABELS, type RosterImport, type RosterProblem } from "../../../../contract/rosters";
import { columnHelper, DataTable } from "../../components/DataTable";
import { formatDateTime } from "../../components/format";
import { TableScroll } from "../../components/TableScroll";
import styles from "./ImportReport.module.css";

const column = columnHelper<RosterProblem & { key: string }>();
const problemColumns = column.columns([
  column.accessor("severity", {
    header: "Kind",
    cell: (info) => (
      <span className={`badge ${styles[info.getValue()]}`}>{info.getValue() === "error" ? "Error" : "Warning"}</span>
    ),
  }),
  column.accessor("file", { header: "File", meta: { isRowHeader: true }, cell: (info) => info.getValue() || "—" }),
  column.accessor("line", { header: "Line", cell: (info) => info.getValue() ?? "—" }),
  column.accessor("column", { header: "Column", cell: (info) => info.getValue() ?? "—" }),
  column.accessor("message", { header: "Problem" }),
]);

function countRows(record: RosterImport) {
  const known = Object.keys(ENTITY_LABELS);
  return Object.entries(record.counts)
    .filter(([, c]) => c.created + c.updated + c.deleted + (c.skipped ?? 0) > 0)
    .sort(([a], [b]) => (known.indexOf(a) + 1 || 99) - (known.indexOf(b) + 1 || 99))
    .map(([entity, c]) => ({ entity, label: ENTITY_LABELS[entity] ?? entity, ...c }));
}

/** One import's outcome: what it did per kind of thing, and every problem with file, line and column. */
export function ImportReport({ record, headingLevel = 2 }: { record: RosterImport; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  const SubHeading = `h${headingLevel + 1}` as "h3" | "h4";
  const counts = countRows(record);
  const errors = record.problems.filter((p) => p.severity === "error").length;
  return (
    <section className={styles.report} aria-labelledby={`import-${record.id}`}>
      <Heading id={`import-${record.id}`}>
        {record.status === "succeeded"
          ? "Import finished"
          : record.status === "running"
            ? "Import still running (or interrupted)"
            : "Nothing was imported"}
      </Heading>
      <p>
        {record.source} · started {formatDateTime(record.startedAt)}
        {record.oneRosterVersion ? ` · OneRoster ${record.oneRosterVersion}` : ""} · {record.rowsTotal} rows read
      </p>
      {record.status === "failed" ? (
        <p className="notice notice-error">
          The set has {errors} error{errors === 1 ? "" : "s"}. Nothing was changed; fix the files and import again.
        </p>
      ) : null}
      {counts.length ? (
        <>
          <SubHeading>What changed</SubHeading>
          <TableScroll label="What the import changed">
            <table className={`data-table ${styles.counts}`}>
              <caption className="visually-hidden">What the import changed</caption>
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Created</th>
                  <th scope="col">Updated</th>
                  <th scope="col">Removed</th>
                  <th scope="col">Not kept</th>
                </tr>
              </thead>
              <tbody>
                {counts.map((c) => (
                  <tr key={c.entity}>
                    <th scope="row">{c.label}</th>
                    <td>{c.created}</td>
                    <td>{c.updated}</td>
                    <td>{c.deleted}</td>
                    <td>{c.skipped ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
      {record.problems.length ? (
        <>
          <SubHeading>Problems ({record.problems.length})</SubHeading>
          <DataTable
            caption="Problems found in the files"
            columns={problemColumns}
            data={record.problems.map((p, i) => ({ ...p, key: String(i) }))}
            getRowId={(p) => p.key}
          />
        </>
      ) : (
        <p>No problems found.</p>
      )}
    </section>
  );
}
