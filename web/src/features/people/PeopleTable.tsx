import { Link } from "@tanstack/react-router";
import { type Person, ROLE_LABELS } from "../../../../contract/people";
import { columnHelper, DataTable } from "../../components/DataTable";
import { formatDate } from "../../components/format";
import { STATUS_LABELS } from "./people-search";

const column = columnHelper<Person>();

const columns = column.columns([
  column.accessor("displayName", {
    header: "Name",
    meta: { sortKey: "name", isRowHeader: true },
    cell: (info) => (
      <Link to="/admin/people/$personId" params={{ personId: info.row.original.id }}>
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor("email", { header: "Email", meta: { sortKey: "email", className: "cell-email" } }),
  column.accessor("roles", {
    header: "Roles",
    cell: (info) => (
      <ul className="cell-list">
        {info.getValue().map((role) => (
          <li key={`${role.role}-${role.schoolId ?? ""}`}>
            {ROLE_LABELS[role.role]}
            {role.schoolName ? <span className="muted"> · {role.schoolName}</span> : null}
          </li>
        ))}
      </ul>
    ),
  }),
  column.accessor("status", {
    header: "Status",
    cell: (info) => <span className={`badge badge-${info.getValue()}`}>{STATUS_LABELS[info.getValue()]}</span>,
  }),
  column.accessor("createdAt", {
    header: "Added",
    meta: { sortKey: "created", sortDirection: "descending", className: "cell-nowrap" },
    cell: (info) => formatDate(info.getValue()),
  }),
]);

type PeopleTableProps = { people: readonly Person[]; sort: string; onSort: (key: string) => void };

export function PeopleTable({ people, sort, onSort }: PeopleTableProps) {
  return (
    <DataTable
      caption="People"
      columns={columns}
      data={people}
      getRowId={(person) => person.id}
      sort={{ by: sort, onSort }}
    />
  );
}
