import { Link } from "@tanstack/react-router";
import { COMMUNITY_KIND_LABELS, type CommunitySummary } from "../../../../contract/communities";
import { columnHelper, DataTable } from "../../components/DataTable";
import { formatDateTime } from "../../components/format";

const column = columnHelper<CommunitySummary>();

const columns = column.columns([
  column.accessor("name", {
    header: "Community",
    meta: { isRowHeader: true },
    cell: (info) => (
      <>
        <Link to="/communities/$communityId" params={{ communityId: info.row.original.id }}>
          {info.getValue()}
        </Link>
        {info.row.original.archived ? " " : null}
        {info.row.original.archived ? <span className="badge badge-deactivated">Archived</span> : null}
        {info.row.original.isMember ? " " : null}
        {info.row.original.isMember ? <span className="badge badge-active">Member</span> : null}
      </>
    ),
  }),
  column.accessor("kind", { header: "Kind", cell: (info) => COMMUNITY_KIND_LABELS[info.getValue()] }),
  column.accessor("schools", {
    header: "Schools",
    cell: (info) => (
      <ul className="cell-list">
        {info.getValue().map((school) => (
          <li key={school.id}>{school.name}</li>
        ))}
      </ul>
    ),
  }),
  column.accessor("memberCount", { header: "Members", meta: { className: "cell-number" } }),
  column.accessor("nextMeetingAt", {
    header: "Next meeting",
    meta: { className: "cell-nowrap" },
    cell: (info) => (info.getValue() ? formatDateTime(info.getValue()) : <span className="muted">None planned</span>),
  }),
]);

export function CommunitiesTable({ communities }: { communities: readonly CommunitySummary[] }) {
  return <DataTable caption="Communities" columns={columns} data={communities} getRowId={(row) => row.id} />;
}
