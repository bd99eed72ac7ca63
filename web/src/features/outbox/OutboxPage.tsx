import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import type { z } from "zod";
import type { OutboxMessage } from "../../../../contract/outbox";
import { columnHelper, DataTable } from "../../components/DataTable";
import { EmptyState } from "../../components/EmptyState";
import { FilterBar } from "../../components/FilterBar";
import { SearchFilter } from "../../components/FilterFields";
import { formatDateTime } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryResult } from "../../components/QueryResult";
import { RequireAbility } from "../admin/RequireAbility";
import { MailStatusBadge } from "./MailStatusBadge";
import { outboxListQuery } from "./outbox.api";

const route = getRouteApi("/signed-in/admin/outbox");
const PAGE_SIZE = 25;

type Message = z.infer<typeof OutboxMessage>;
const column = columnHelper<Message>();
const columns = column.columns([
  column.accessor("subject", {
    header: "Subject",
    meta: { isRowHeader: true },
    cell: (info) => (
      <Link to="/admin/outbox/$messageId" params={{ messageId: info.row.original.id }}>
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor("toAddress", { header: "To", meta: { className: "cell-email" } }),
  column.accessor("status", {
    header: "Status",
    cell: (info) => <MailStatusBadge status={info.getValue()} />,
  }),
  column.accessor("createdAt", {
    header: "Time",
    cell: (info) => <time dateTime={info.getValue()}>{formatDateTime(info.getValue())}</time>,
  }),
]);

export function OutboxPage() {
  return (
    <RequireAbility ability="readOutbox" title="Outbox">
      <Outbox />
    </RequireAbility>
  );
}

function Outbox() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const messages = useQuery(outboxListQuery({ q: search.q, page, pageSize: PAGE_SIZE }));

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every email Collective has written, newest first. Without a mail server, emails are held here so you can still pass on invitation links."
      />
      <FilterBar label="Email search">
        <SearchFilter
          label="Search emails"
          placeholder="Recipient or subject"
          search={search.q}
          onSearch={(q) => navigate({ search: { q }, replace: true })}
          className="filter-search"
        />
      </FilterBar>
      <QueryResult
        query={messages}
        loadingLabel="Loading emails…"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title={search.q ? "No email matches this search" : "No emails yet"}>
            <p>
              {search.q
                ? "Search by the recipient's address or by words in the subject."
                : "Invitations and password reset emails appear here as soon as they are written."}
            </p>
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <DataTable caption="Emails" columns={columns} data={data.items} getRowId={(message) => message.id} />
            <Pager
              label="Email pages"
              page={page}
              pageSize={PAGE_SIZE}
              total={data.total}
              onPageChange={(next) => navigate({ search: (previous) => ({ ...previous, page: next }) })}
            />
          </>
        )}
      </QueryResult>
    </>
  );
}
