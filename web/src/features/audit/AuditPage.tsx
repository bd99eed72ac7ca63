import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryResult } from "../../components/QueryResult";
import { RequireAbility } from "../admin/RequireAbility";
import { AuditFilters } from "./AuditFilters";
import { AuditTable } from "./AuditTable";
import { auditListQuery } from "./audit.api";
import { type AuditSearch, endOfDay, startOfDay } from "./audit-search";

const route = getRouteApi("/signed-in/admin/audit");
const PAGE_SIZE = 50;

export function AuditPage() {
  return (
    <RequireAbility ability="readAudit" title="Audit log">
      <AuditLog />
    </RequireAbility>
  );
}

function AuditLog() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const entries = useQuery(
    auditListQuery({
      action: search.action,
      subjectType: search.subjectType,
      from: startOfDay(search.from),
      to: endOfDay(search.to),
      page,
      pageSize: PAGE_SIZE,
    }),
  );
  const isFiltered = Boolean(search.action || search.subjectType || search.from || search.to);

  function updateSearch(next: Omit<AuditSearch, "page">) {
    navigate({ search: { ...next, page: undefined }, replace: true });
  }

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every sign-in and every change to people and schools, newest first. Entries cannot be edited or removed."
      />
      <AuditFilters
        filters={{ action: search.action, subjectType: search.subjectType, from: search.from, to: search.to }}
        onChange={updateSearch}
      />
      <QueryResult
        query={entries}
        loadingLabel="Loading the audit log…"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title={isFiltered ? "No entries match these filters" : "No entries yet"}>
            <p>
              {isFiltered
                ? "Try a shorter action prefix, another subject type or a wider range of days."
                : "Entries appear here as soon as people sign in or change something."}
            </p>
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <AuditTable entries={data.items} />
            <Pager
              label="Audit log pages"
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
