import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryResult } from "../../components/QueryResult";
import { AREA_PAGES } from "../areas/area-pages";
import { useMe } from "../auth/me.api";
import { CommunitiesFilters } from "./CommunitiesFilters";
import { CommunitiesTable } from "./CommunitiesTable";
import { communityListQuery } from "./communities.api";
import type { CommunitiesSearch } from "./communities-search";
import { canStartCommunity } from "./community-roles";
import { NewCommunityDialog } from "./NewCommunityDialog";

const route = getRouteApi("/signed-in/communities/");
const PAGE_SIZE = 25;

/** The communities this person can see: the ones they belong to, and those they lead. */
export function CommunitiesPage() {
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const navigateTo = useNavigate();
  const [isCreating, setIsCreating] = useState(false);
  // Clearing the filters remounts them, so the search box empties too.
  const [filtersVersion, setFiltersVersion] = useState(0);
  const page = search.page ?? 1;
  const canCreate = canStartCommunity(me);
  const communities = useQuery(
    communityListQuery({
      q: search.q,
      kind: search.kind,
      schoolId: search.schoolId,
      mine: search.mine ?? false,
      includeArchived: search.archived ?? false,
      page,
      pageSize: PAGE_SIZE,
    }),
  );
  const isFiltered = Boolean(search.q || search.kind || search.schoolId || search.mine || search.archived);

  function updateSearch(next: Partial<CommunitiesSearch>) {
    navigate({ search: (previous) => ({ ...previous, page: undefined, ...next }), replace: true });
  }

  function clearFilters() {
    setFiltersVersion((version) => version + 1);
    updateSearch({ q: undefined, kind: undefined, schoolId: undefined, mine: undefined, archived: undefined });
  }

  return (
    <>
      <PageHeader
        title="Communities"
        description={AREA_PAGES.communities.intro}
        actions={
          <>
            {me.can.readForum ? (
              <Link to="/discussions" className="button button-secondary">
                District forum
              </Link>
            ) : null}
            <Link to="/visits" className="button button-secondary">
              Classroom visits
            </Link>
            {canCreate ? (
              <button type="button" className="button" onClick={() => setIsCreating(true)}>
                New community
              </button>
            ) : null}
          </>
        }
      />
      <CommunitiesFilters
        key={filtersVersion}
        filters={{
          q: search.q,
          kind: search.kind,
          schoolId: search.schoolId,
          mine: search.mine,
          archived: search.archived,
        }}
        onChange={updateSearch}
        canFilterBySchool={canCreate}
      />
      <QueryResult
        query={communities}
        loadingLabel="Loading communities…"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState
            title={isFiltered ? "No community matches these filters" : "No communities yet"}
            action={
              isFiltered ? (
                <button type="button" className="button button-secondary" onClick={clearFilters}>
                  Clear filters
                </button>
              ) : null
            }
          >
            <p>
              {isFiltered
                ? "Try other words, or widen the kind, school or membership filters."
                : canCreate
                  ? "Start a community for a team that learns together: a grade level, a course, a vertical team."
                  : "When someone adds you to a community, it will appear here."}
            </p>
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <CommunitiesTable communities={data.items} />
            <Pager
              label="Community pages"
              page={page}
              pageSize={PAGE_SIZE}
              total={data.total}
              onPageChange={(next) => navigate({ search: (previous) => ({ ...previous, page: next }) })}
            />
          </>
        )}
      </QueryResult>
      <NewCommunityDialog
        open={isCreating}
        onClose={() => setIsCreating(false)}
        onCreated={(community) =>
          navigateTo({ to: "/communities/$communityId", params: { communityId: community.id } })
        }
      />
    </>
  );
}
