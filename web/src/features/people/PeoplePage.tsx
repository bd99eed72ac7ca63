import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import type { Person } from "../../../../contract/people";
import { FilteredList } from "../../components/FilteredList";
import { PageHeader } from "../../components/PageHeader";
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
      <FilteredList
        filters={
          <PeopleFilters
            filters={{ q: search.q, role: search.role, schoolId: search.schoolId, status: search.status }}
            onChange={updateSearch}
          />
        }
        list={people}
        loadingLabel="Loading people…"
        isFiltered={isFiltered}
        onClearFilters={() => updateSearch({ q: undefined, role: undefined, schoolId: undefined, status: undefined })}
        empty={{
          title: "No people yet",
          hint: "Add the first people of your district, and Collective will email them an invitation.",
          filteredTitle: "No one matches these filters",
          filteredHint: "Try another name or email, or widen the role, school or status.",
        }}
        pager={{
          label: "People pages",
          page,
          pageSize: PAGE_SIZE,
          onPageChange: (next) => navigate({ search: (previous) => ({ ...previous, page: next }) }),
        }}
      >
        {(items) => (
          <PeopleTable
            people={items}
            sort={sort}
            onSort={(key) => updateSearch({ sort: PeopleSearch.shape.sort.parse(key) })}
          />
        )}
      </FilteredList>
      <AddPersonDialog open={isAdding} onClose={() => setIsAdding(false)} onAdded={handleAdded} />
    </>
  );
}
