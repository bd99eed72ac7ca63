import { getRouteApi, Link } from "@tanstack/react-router";
import { PageHeader } from "../../components/PageHeader";
import { useCommunity } from "../communities/CommunityLayout";
import { ThreadsSection } from "./ThreadsSection";

const route = getRouteApi("/signed-in/communities/$communityId/discussions");

/** One community's threads: search them, page through them, start one. */
export function CommunityDiscussionsPage() {
  const community = useCommunity();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <>
      <PageHeader
        title="Discussions"
        description={`Conversations in ${community.name}.`}
        actions={
          <Link to="/discussions/search" className="button button-secondary">
            Search all discussions
          </Link>
        }
      />
      <ThreadsSection
        place={{ kind: "community", communityId: community.id }}
        search={search}
        onSearchChange={(next) => navigate({ search: next, replace: true })}
      />
    </>
  );
}
