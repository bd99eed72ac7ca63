import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "../../components/EmptyState";
import { Pager } from "../../components/Pager";
import { QueryResult } from "../../components/QueryResult";
import { type ThreadPlace, threadListQuery } from "./discussions.api";
import type { ThreadsSearch } from "./discussions-search";
import { NewThreadForm } from "./NewThreadForm";
import { SearchBox } from "./SearchBox";
import { ThreadList } from "./ThreadList";

const PAGE_SIZE = 20;

type ThreadsSectionProps = {
  place: ThreadPlace;
  search: ThreadsSearch;
  onSearchChange: (next: ThreadsSearch) => void;
};

/** A searchable, paged list of threads with the form to start one; shared by communities and the forum. */
export function ThreadsSection({ place, search, onSearchChange }: ThreadsSectionProps) {
  const page = search.page ?? 1;
  const threads = useQuery(threadListQuery(place, { q: search.q, page, pageSize: PAGE_SIZE }));
  return (
    <>
      <SearchBox
        label="Search threads"
        landmark="Threads"
        initial={search.q}
        onSearch={(q) => onSearchChange({ q: q || undefined, page: undefined })}
      />
      <section aria-labelledby="threads-heading">
        <h2 id="threads-heading" className="visually-hidden">
          Threads
        </h2>
        <QueryResult
          query={threads}
          loadingLabel="Loading threads…"
          isEmpty={(data) => data.items.length === 0}
          empty={
            <EmptyState title={search.q ? "No thread matches" : "No threads yet"} headingLevel={3}>
              <p>{search.q ? "Try other words." : "Start the first conversation below."}</p>
            </EmptyState>
          }
        >
          {(data) => (
            <>
              <ThreadList threads={data.items} />
              <Pager
                label="Thread pages"
                page={page}
                pageSize={PAGE_SIZE}
                total={data.total}
                onPageChange={(next) => onSearchChange({ ...search, page: next })}
              />
            </>
          )}
        </QueryResult>
      </section>
      <NewThreadForm place={place} />
    </>
  );
}
