import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { QueryResult } from "../../components/QueryResult";
import { threadListQuery } from "./discussions.api";
import { ThreadList } from "./ThreadList";

/** The community home's three most recent threads, with the way to all of them. */
export function RecentThreads({ communityId }: { communityId: string }) {
  const threads = useQuery(threadListQuery({ kind: "community", communityId }, { page: 1, pageSize: 3 }));
  return (
    <section className="panel" aria-labelledby="community-discussions">
      <h2 id="community-discussions">Recent discussions</h2>
      <QueryResult
        query={threads}
        loadingLabel="Loading discussions…"
        isEmpty={(data) => data.items.length === 0}
        empty={<p className="muted">No threads yet.</p>}
      >
        {(data) => <ThreadList threads={data.items} />}
      </QueryResult>
      <p>
        <Link to="/communities/$communityId/discussions" params={{ communityId }}>
          All discussions
        </Link>
      </p>
    </section>
  );
}
