import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { discussionSearchQuery } from "./discussions.api";
import { SearchBox } from "./SearchBox";
import { Snippet } from "./Snippet";

const route = getRouteApi("/signed-in/discussions/search");

const KIND_LABELS = { thread: "Thread", reply: "Reply", resource: "Resource" } as const;

/** Searches every discussion (and library resource) this person may read. */
export function DiscussionSearchPage() {
  const { q } = route.useSearch();
  const navigate = route.useNavigate();
  const words = q?.trim() ?? "";
  const results = useQuery(discussionSearchQuery(words));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/discussions">← District forum</Link>
      </p>
      <PageHeader title="Search discussions" />
      <SearchBox
        label="Search for"
        landmark="Discussions"
        initial={q}
        onSearch={(next) => navigate({ search: { q: next || undefined }, replace: true })}
      />
      <section aria-labelledby="search-results-heading">
        <h2 id="search-results-heading">Results</h2>
        {!words ? (
          <p className="muted">Type a few words to search threads and replies.</p>
        ) : results.isPending ? (
          <Loading label="Searching…" />
        ) : results.isError ? (
          <ErrorNotice error={results.error} onRetry={() => results.refetch()} />
        ) : results.data.items.length === 0 ? (
          <EmptyState title="Nothing matches" headingLevel={3}>
            <p>Try other or fewer words.</p>
          </EmptyState>
        ) : (
          <ul className="thread-list">
            {results.data.items.map((hit) => (
              <li key={`${hit.kind}-${hit.id}`} className="thread-item">
                <h3 className="thread-item-title">
                  {hit.kind === "resource" ? (
                    <Link to="/library/$resourceId" params={{ resourceId: hit.id }}>
                      {hit.title}
                    </Link>
                  ) : (
                    <Link to="/discussions/$threadId" params={{ threadId: hit.threadId ?? hit.id }}>
                      {hit.title}
                    </Link>
                  )}
                </h3>
                <Snippet snippet={hit.snippet} />
                <p className="muted thread-item-meta">
                  {KIND_LABELS[hit.kind]} · {hit.communityName ?? "District forum"}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
