import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import type { z } from "zod";
import type { OutboxMessage } from "../../../../contract/outbox";
import { columnHelper, DataTable } from "../../components/DataTable";
import { EmptyState } from "../../components/EmptyState";
import { TextField } from "../../components/Field";
import { FilterBar } from "../../components/FilterBar";
import { formatDateTime } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { useDebouncedValue } from "../../components/use-debounced-value";
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
  const [query, setQuery] = useState(search.q ?? "");
  const debouncedQuery = useDebouncedValue(query.trim());
  const messages = useQuery(outboxListQuery({ q: search.q, page, pageSize: PAGE_SIZE }));

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled search text should change the list
  useEffect(() => {
    if (debouncedQuery !== (search.q ?? "")) navigate({ search: { q: debouncedQuery || undefined }, replace: true });
  }, [debouncedQuery]);

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every email Collective has written, newest first. Without a mail server, emails are held here so you can still pass on invitation links."
      />
      <FilterBar label="Email search">
        <TextField
          label="Search emails"
          type="search"
          placeholder="Recipient or subject"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          className="filter-search"
        />
      </FilterBar>
      {messages.isPending ? (
        <Loading label="Loading emails…" />
      ) : messages.isError ? (
        <ErrorNotice error={messages.error} onRetry={() => messages.refetch()} />
      ) : messages.data.items.length === 0 ? (
        <EmptyState title={search.q ? "No email matches this search" : "No emails yet"}>
          <p>
            {search.q
              ? "Search by the recipient's address or by words in the subject."
              : "Invitations and password reset emails appear here as soon as they are written."}
          </p>
        </EmptyState>
      ) : (
        <>
          <DataTable caption="Emails" columns={columns} data={messages.data.items} getRowId={(message) => message.id} />
          <Pager
            label="Email pages"
            page={page}
            pageSize={PAGE_SIZE}
            total={messages.data.total}
            onPageChange={(next) => navigate({ search: (previous) => ({ ...previous, page: next }) })}
          />
        </>
      )}
    </>
  );
}
