import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { useMe } from "../auth/me.api";
import { AddResourceDialog } from "./AddResourceDialog";
import { LibraryEmpty } from "./LibraryEmpty";
import { LibraryFilters } from "./LibraryFilters";
import { resourceListQuery } from "./library.api";
import type { LibrarySearch } from "./library-search";
import { ResourceCards } from "./ResourceCards";

const route = getRouteApi("/signed-in/library/");
const PAGE_SIZE = 20;

/** The shared library: lesson plans, strategies, links and files, searched and filtered. */
export function LibraryPage() {
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const navigateTo = useNavigate();
  const [isAdding, setIsAdding] = useState(false);
  const [filtersVersion, setFiltersVersion] = useState(0);
  const page = search.page ?? 1;
  const resources = useQuery(resourceListQuery({ ...search, page, pageSize: PAGE_SIZE }));
  const isFiltered = Object.entries(search).some(([key, value]) => key !== "page" && key !== "sort" && value);

  function updateSearch(next: Partial<LibrarySearch>) {
    navigate({ search: (previous) => ({ ...previous, page: undefined, ...next }), replace: true });
  }

  function clearFilters() {
    setFiltersVersion((version) => version + 1);
    navigate({ search: {}, replace: true });
  }

  return (
    <>
      <PageHeader
        title="Library"
        description="Lesson plans, strategies, links and files shared by colleagues."
        actions={
          me.can.addResource ? (
            <button type="button" className="button" onClick={() => setIsAdding(true)}>
              Add resource
            </button>
          ) : null
        }
      />
      {search.communityId ? (
        <p className="notice">
          Showing one community's resources.{" "}
          <Link to="/library" search={{ ...search, communityId: undefined, page: undefined }}>
            Show the whole library
          </Link>
        </p>
      ) : null}
      <LibraryFilters key={filtersVersion} filters={search} onApply={updateSearch} />
      <section aria-labelledby="library-results-heading">
        <h2 id="library-results-heading" className="visually-hidden">
          Resources
        </h2>
        {resources.isPending ? (
          <Loading label="Loading resources…" />
        ) : resources.isError ? (
          <ErrorNotice error={resources.error} onRetry={() => resources.refetch()} />
        ) : resources.data.items.length === 0 ? (
          <LibraryEmpty
            isFiltered={isFiltered}
            mayAdd={me.can.addResource}
            onClearFilters={clearFilters}
            onAdd={() => setIsAdding(true)}
          />
        ) : (
          <>
            <p className="muted" aria-live="polite">
              {resources.data.total} {resources.data.total === 1 ? "resource" : "resources"}
            </p>
            <ResourceCards resources={resources.data.items} />
            <Pager
              label="Library pages"
              page={page}
              pageSize={PAGE_SIZE}
              total={resources.data.total}
              onPageChange={(next) => navigate({ search: (previous) => ({ ...previous, page: next }) })}
            />
          </>
        )}
      </section>
      <AddResourceDialog
        open={isAdding}
        onClose={() => setIsAdding(false)}
        defaultCommunityId={search.communityId}
        onCreated={(resource) => navigateTo({ to: "/library/$resourceId", params: { resourceId: resource.id } })}
      />
    </>
  );
}
