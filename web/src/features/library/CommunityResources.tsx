import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { RESOURCE_KIND_LABELS } from "../../../../contract/library";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { resourceListQuery } from "./library.api";

/** The community home's newest shared resources, with a link to the library filtered to the community. */
export function CommunityResources({ communityId }: { communityId: string }) {
  const resources = useQuery(resourceListQuery({ communityId, sort: "newest", page: 1, pageSize: 5 }));
  return (
    <section className="panel" aria-labelledby="community-resources">
      <h2 id="community-resources">Resources</h2>
      {resources.isPending ? (
        <Loading label="Loading resources…" />
      ) : resources.isError ? (
        <ErrorNotice error={resources.error} onRetry={() => resources.refetch()} />
      ) : resources.data.items.length === 0 ? (
        <p className="muted">No resources shared with this community yet.</p>
      ) : (
        <ul className="link-list">
          {resources.data.items.map((resource) => (
            <li key={resource.id}>
              <Link to="/library/$resourceId" params={{ resourceId: resource.id }}>
                {resource.title}
              </Link>{" "}
              <span className="muted">· {RESOURCE_KIND_LABELS[resource.kind]}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/library" search={{ communityId }}>
          The community's resources in the library
        </Link>
      </p>
    </section>
  );
}
