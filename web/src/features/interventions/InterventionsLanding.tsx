import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { useMe } from "../auth/me.api";
import { GroupsTable } from "./GroupsTable";
import { ownGroupsQuery } from "./interventions.api";

/** The interventions area: the groups of one's teams and the groups one delivers. */
export function InterventionsLanding() {
  const me = useMe();
  const groups = useQuery(ownGroupsQuery);
  if (!me.navigation.includes("interventions")) {
    return (
      <>
        <PageHeader title="Interventions" />
        <p>This area is not available with your roles.</p>
        <p>
          <Link to="/">Go to the home page</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Interventions"
        description="Systematic, timely support for students who need more time, and extension for those ready for more."
      />
      {me.can.readInterventionReports ? (
        <p>
          <Link to="/interventions/reports">Intervention reports</Link>: students by tier, overdue reviews,
          responsiveness and outcomes, by team.
        </p>
      ) : null}
      <section className="analysis-section" aria-labelledby="my-groups">
        <h2 id="my-groups">My groups</h2>
        <QueryResult
          query={groups}
          loadingLabel="Loading your groups…"
          isEmpty={(data) => data.items.length === 0}
          empty={
            <EmptyState title="No groups yet" headingLevel={3}>
              <p>
                Groups start from data. Open one of your team's assessments, go to its analysis, and choose "Create
                intervention group" next to the students who need more time on a target, or "Create extension group"
                next to those ready for more.
              </p>
              <p>
                <Link to="/communities">Go to your communities</Link>
              </p>
            </EmptyState>
          }
        >
          {(data) => <GroupsTable caption="Groups of your teams and groups you deliver" groups={data.items} showTeam />}
        </QueryResult>
      </section>
    </>
  );
}
