import type { UseQueryResult } from "@tanstack/react-query";
import { Fragment, type ReactNode, useState } from "react";
import { EmptyState } from "./EmptyState";
import { Pager } from "./Pager";
import { QueryResult } from "./QueryResult";

type ListPage<T> = { items: T[]; total: number };

type FilteredListProps<T> = {
  /** The filter bar; it is built anew when the filters are cleared, so its search box empties too. */
  filters: ReactNode;
  list: UseQueryResult<ListPage<T>>;
  loadingLabel: string;
  isFiltered: boolean;
  onClearFilters: () => void;
  /** Why the list is empty and what to do: one pair of words for a filtered list, one for a new district. */
  empty: { title: string; hint: ReactNode; filteredTitle: string; filteredHint: ReactNode };
  pager: { label: string; page: number; pageSize: number; onPageChange: (page: number) => void };
  children: (items: T[]) => ReactNode;
};

/** A paged, filtered list (people, students …): its filters, its states, the table the children draw, its pager. */
export function FilteredList<T>(props: FilteredListProps<T>) {
  const { filters, list, loadingLabel, isFiltered, onClearFilters, empty, pager, children } = props;
  const [filtersVersion, setFiltersVersion] = useState(0);
  return (
    <>
      <Fragment key={filtersVersion}>{filters}</Fragment>
      <QueryResult
        query={list}
        loadingLabel={loadingLabel}
        isEmpty={(page) => page.items.length === 0}
        empty={
          <EmptyState
            title={isFiltered ? empty.filteredTitle : empty.title}
            action={
              isFiltered ? (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    setFiltersVersion((version) => version + 1);
                    onClearFilters();
                  }}
                >
                  Clear filters
                </button>
              ) : null
            }
          >
            <p>{isFiltered ? empty.filteredHint : empty.hint}</p>
          </EmptyState>
        }
      >
        {(page) => (
          <>
            {children(page.items)}
            <Pager {...pager} total={page.total} />
          </>
        )}
      </QueryResult>
    </>
  );
}
