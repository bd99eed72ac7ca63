import { Link } from "@tanstack/react-router";
import { gradeLabel } from "../../../../contract/standards";
import type { StudentListItem } from "../../../../contract/students";
import { columnHelper, DataTable } from "../../components/DataTable";

const column = columnHelper<StudentListItem>();

const columns = column.columns([
  column.accessor("name", {
    header: "Name",
    meta: { sortKey: "name", isRowHeader: true },
    cell: (info) => (
      <Link to="/students/$studentId" params={{ studentId: info.row.original.id }}>
        {info.row.original.familyName}, {info.row.original.givenName}
      </Link>
    ),
  }),
  column.accessor("grade", {
    header: "Grade",
    meta: { sortKey: "grade", className: "cell-nowrap" },
    cell: (info) => (info.getValue() ? gradeLabel(info.getValue() as string) : "—"),
  }),
  column.accessor("school", {
    header: "School",
    meta: { sortKey: "school" },
    cell: (info) => info.getValue()?.name ?? "—",
  }),
  column.accessor("classes", {
    header: "Classes",
    cell: (info) => (
      <ul className="cell-list">
        {info.getValue().map((item) => (
          <li key={item.id}>{item.title}</li>
        ))}
      </ul>
    ),
  }),
  column.accessor("identifier", { header: "Student number", cell: (info) => info.getValue() ?? "—" }),
]);

type StudentsTableProps = { students: readonly StudentListItem[]; sort: string; onSort: (key: string) => void };

export function StudentsTable({ students, sort, onSort }: StudentsTableProps) {
  return (
    <DataTable
      caption="Students"
      columns={columns}
      data={students}
      getRowId={(student) => student.id}
      sort={{ by: sort, onSort }}
    />
  );
}
