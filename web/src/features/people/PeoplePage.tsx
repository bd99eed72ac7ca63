import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import type { Person } from "../../../../contract/people";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { RequireAbility } from "../admin/RequireAbility";
import { AddPersonDialog } from "./AddPersonDialog";
import { PeopleFilters } from "./PeopleFilters";
import { PeopleTable } from "./PeopleTable";
import { peopleListQuery } from "./people.api";
import { PeopleSearch } from "./people-search";

const route = getRouteApi("/signed-in/admin/people");
const PAGE_SIZE = 25;

export function PeoplePage() {
  return (
    <RequireAbility ability="managePeople" title="People">
      <PeopleDirectory />
    </RequireAbility>
  );
}

function PeopleDirectory() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [isAdding, setIsAdding] = useState(false);
  // Clearing the filters remounts them, so the search box empties too.
  const [filtersVersion, setFiltersVersion] = useState(0);
  const [added, setAdded] = useState<{ person: Person; isInvited: boolean } | null>(null);
  const sort = search.sort ?? "name";
  const page = search.page ?? 1;
  const people = useQuery(
    peopleListQuery({
      q: search.q,
      role: search.role,
      schoolId: search.schoolId,
      status: search.status,
      sort,
      page,
      pageSize: PAGE_SIZE,
    }),
  );
  const isFiltered = Boolean(search.q || search.role || search.schoolId || search.status);

  function updateSearch(next: Partial<PeopleSearch>) {
    // Any change but paging itself starts again from the first page.
    navigate({ search: (previous) => ({ ...previous, page: undefined, ...next }), replace: true });
  }

  function handleAdded(person: Person, isInvited: boolean) {
    setIsAdding(false);
    setAdded({ person, isInvited });
  }

  return (
    <>
      <PageHeader
        title="People"
        description="Everyone in the district who uses Collective: staff, families and community members."
        actions={
          <button type="button" className="button" onClick={() => setIsAdding(true)}>
            Add person
          </button>
        }
      />
      <div role="status" className="status-region">
        {added ? (
          <p className="notice notice-success">
            Added{" "}
            <Link to="/admin/people/$personId" params={{ personId: added.person.id }}>
              {added.person.displayName}
            </Link>
            {added.isInvited ? ` and sent an invitation to ${added.person.email}.` : ". No invitation was sent yet."}
          </p>
        ) : null}
      </div>
      <PeopleFilters
        key={filtersVersion}
        filters={{ q: search.q, role: search.role, schoolId: search.schoolId, status: search.status }}
        onChange={updateSearch}
      />
      {people.isPending ? (
        <Loading label="Loading people…" />
      ) : people.isError ? (
        <ErrorNotice error={people.error} onRetry={() => people.refetch()} />
      ) : people.data.items.length === 0 ? (
        <EmptyState
          title={isFiltered ? "No one matches these filters" : "No people yet"}
          action={
            isFiltered ? (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setFiltersVersion((version) => version + 1);
                  updateSearch({ q: undefined, role: undefined, schoolId: undefined, status: undefined });
                }}
              >
                Clear filters
              </button>
            ) : null
          }
        >
          <p>
            {isFiltered
              ? "Try another name or email, or widen the role, school or status."
              : "Add the first people of your district, and Collective will email them an invitation."}
          </p>
        </EmptyState>
      ) : (
        <>
          <PeopleTable
            people={people.data.items}
            sort={sort}
            onSort={(key) => updateSearch({ sort: PeopleSearch.shape.sort.parse(key) })}
          />
          <Pager
            label="People pages"
            page={page}
            pageSize={PAGE_SIZE}
            total={people.data.total}
            onPageChange={(next) => navigate({ search: (previous) => ({ ...previous, page: next }) })}
          />
        </>
      )}
      <AddPersonDialog open={isAdding} onClose={() => setIsAdding(false)} onAdded={handleAdded} />
    </>
  );
}
