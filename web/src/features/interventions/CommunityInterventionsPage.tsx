import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { useCommunity } from "../communities/CommunityLayout";
import { GroupsTable } from "./GroupsTable";
import { communityGroupsQuery } from "./interventions.api";

/** A team's intervention and extension groups: open ones first, with how many students are flagged. */
export function CommunityInterventionsPage() {
  const community = useCommunity();
  const groups = useQuery(communityGroupsQuery(community.id));
  const newGroup = groups.data?.can.create ? (
    <Link className="button" to="/communities/$communityId/interventions/new" params={{ communityId: community.id }}>
      New group
    </Link>
  ) : null;
  return (
    <>
      <PageHeader
        title="Interventions"
        description="How will we respond when they have not learned it, and extend when they have? The team's groups and how each student is responding."
        actions={newGroup}
      />
      <QueryResult
        query={groups}
        loadingLabel="Loading groups…"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title="No groups yet">
            <p>
              Open an assessment's analysis and choose "Create intervention group" next to the students who need more
              time on a target, or "Create extension group" next to those ready for more. You can also start a group
              here with "New group".
            </p>
          </EmptyState>
        }
      >
        {(data) => <GroupsTable caption="The team's intervention and extension groups" groups={data.items} />}
      </QueryResult>
    </>
  );
}
