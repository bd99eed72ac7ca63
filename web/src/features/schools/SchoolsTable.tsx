import type { School } from "../../../../contract/schools";
import { columnHelper, DataTable } from "../../components/DataTable";
import { LEVEL_LABELS } from "./school-levels";

type SchoolActions = { onEdit: (school: School) => void; onArchive: (school: School) => void };

const column = columnHelper<School>();

function buildColumns({ onEdit, onArchive }: SchoolActions) {
  return column.columns([
    column.accessor("name", { header: "Name", meta: { isRowHeader: true } }),
    column.accessor("level", { header: "Level", cell: (info) => LEVEL_LABELS[info.getValue()] }),
    column.accessor("staffCount", { header: "Staff", meta: { className: "cell-number" } }),
    column.accessor("archived", {
      header: "Status",
      cell: (info) =>
        info.getValue() ? (
          <span className="badge badge-deactivated">Archived</span>
        ) : (
          <span className="badge badge-active">Open</span>
        ),
    }),
    column.display({
      id: "actions",
      header: "Actions",
      cell: ({ row }) => {
        const school = row.original;
        if (!school.can.update) return <span className="muted">—</span>;
        return (
          <div className="row-actions">
            <button type="button" className="button button-small button-secondary" onClick={() => onEdit(school)}>
              Edit<span className="visually-hidden"> {school.name}</span>
            </button>
            <button type="button" className="button button-small button-secondary" onClick={() => onArchive(school)}>
              {school.archived ? "Unarchive" : "Archive"}
              <span className="visually-hidden"> {school.name}</span>
            </button>
          </div>
        );
      },
    }),
  ]);
}

export function SchoolsTable({ schools, actions }: { schools: readonly School[]; actions: SchoolActions }) {
  return (
    <DataTable caption="Schools" columns={buildColumns(actions)} data={schools} getRowId={(school) => school.id} />
  );
}
