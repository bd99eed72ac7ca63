import { Link } from "@tanstack/react-router";
import type { MeetingSummary } from "../../../../contract/meetings";
import { columnHelper, DataTable } from "../../components/DataTable";
import { MeetingStatusBadge } from "./MeetingStatusBadge";
import { describePlace, formatMeetingWhen, MODE_LABELS } from "./meeting-format";

const column = columnHelper<MeetingSummary>();

const columns = column.columns([
  column.accessor("startsAt", {
    header: "When",
    meta: { isRowHeader: true },
    cell: (info) => (
      <Link to="/meetings/$meetingId" params={{ meetingId: info.row.original.id }}>
        {formatMeetingWhen(info.row.original.startsAt, info.row.original.endsAt)}
      </Link>
    ),
  }),
  column.accessor("title", {
    header: "Title",
    cell: (info) => (
      <>
        {info.getValue()}
        {info.row.original.recurring ? <span className="muted"> (repeats)</span> : null}
      </>
    ),
  }),
  column.accessor("mode", {
    header: "Where",
    cell: (info) => (
      <>
        {MODE_LABELS[info.getValue()]}
        <span className="muted"> · {describePlace(info.row.original)}</span>
      </>
    ),
  }),
  column.accessor("protocolName", { header: "Protocol", cell: (info) => info.getValue() ?? "—" }),
  column.accessor("status", {
    header: "Status",
    cell: (info) => <MeetingStatusBadge status={info.getValue()} />,
  }),
]);

export function MeetingsTable({ caption, meetings }: { caption: string; meetings: readonly MeetingSummary[] }) {
  return <DataTable caption={caption} columns={columns} data={meetings} getRowId={(row) => row.id} />;
}
