import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import type { School } from "../../../../contract/schools";
import { EmptyState } from "../../components/EmptyState";
import { CheckboxField } from "../../components/Field";
import { FilterBar } from "../../components/FilterBar";
import { SearchFilter } from "../../components/FilterFields";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryResult } from "../../components/QueryResult";
import { RequireAbility } from "../admin/RequireAbility";
import { ArchiveSchoolDialog } from "./ArchiveSchoolDialog";
import { SchoolDialog } from "./SchoolDialog";
import { SchoolsTable } from "./SchoolsTable";
import { schoolListQuery } from "./schools.api";
import type { SchoolsSearch } from "./schools-search";

const route = getRouteApi("/signed-in/admin/schools");
const PAGE_SIZE = 25;

export function SchoolsPage() {
  return (
    <RequireAbility ability="manageSchools" title="Schools">
      <SchoolsDirectory />
    </RequireAbility>
  );
}

type Editing = { school: School | null } | null;

function SchoolsDirectory() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const includeArchived = search.archived ?? false;
  const [editing, setEditing] = useState<Editing>(null);
  const [archiving, setArchiving] = useState<School | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const schools = useQuery(schoolListQuery({ q: search.q, includeArchived, page, pageSize: PAGE_SIZE }));

  function updateSearch(next: Partial<SchoolsSearch>) {
    navigate({ search: (previous) => ({ ...previous, page: undefined, ...next }), replace: true });
  }

  return (
    <>
      <PageHeader
        title="Schools"
        description="The schools of your district. Archived schools keep their history but are no longer offered in forms."
        actions={
          <button type="button" className="button" onClick={() => setEditing({ school: null })}>
            Add school
          </button>
        }
      />
      <div role="status" className="status-region">
        {notice ? <p className="notice notice-success">{notice}</p> : null}
      </div>
      <FilterBar label="Filter schools">
        <SearchFilter
          label="Search schools"
          search={search.q}
          onSearch={(q) => updateSearch({ q })}
          className="filter-search"
        />
        <CheckboxField
          label="Show archived schools"
          checked={includeArchived}
          onChange={(event) => updateSearch({ archived: event.target.checked || undefined })}
        />
      </FilterBar>
      <QueryResult
        query={schools}
        loadingLabel="Loading schools…"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title={search.q ? "No school matches this search" : "No schools yet"}>
            <p>
              {search.q
                ? "Check the spelling, or show archived schools too."
                : "Add your district's schools so people can be given roles in them."}
            </p>
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <SchoolsTable
              schools={data.items}
              actions={{ onEdit: (school) => setEditing({ school }), onArchive: setArchiving }}
            />
            <Pager
              label="School pages"
              page={page}
              pageSize={PAGE_SIZE}
              total={data.total}
              onPageChange={(next) => navigate({ search: (previous) => ({ ...previous, page: next }) })}
            />
          </>
        )}
      </QueryResult>
      <SchoolDialog
        open={editing !== null}
        school={editing?.school ?? null}
        onClose={() => setEditing(null)}
        onSaved={(school) => {
          setNotice(editing?.school ? `Saved ${school.name}.` : `Added ${school.name}.`);
          setEditing(null);
        }}
      />
      <ArchiveSchoolDialog
        school={archiving}
        onClose={() => setArchiving(null)}
        onDone={(school) => {
          setNotice(school.archived ? `Archived ${school.name}.` : `Unarchived ${school.name}.`);
          setArchiving(null);
        }}
      />
    </>
  );
}
