import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { CycleSummary } from "../../../../contract/cycles";
import { EmptyState } from "../../components/EmptyState";
import { formatDay } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { TableScroll } from "../../components/TableScroll";
import { useCommunity } from "../communities/CommunityLayout";
import { STAGE_LABELS, STATUS_LABELS } from "./cycle-format";
import { communityCyclesQuery } from "./cycles.api";
import { StartCycleForm } from "./StartCycleForm";

/** One cycle as a row: where the team is, and how many stages are overdue. */
export function CycleRow({ cycle, showTeam = false }: { cycle: CycleSummary; showTeam?: boolean }) {
  return (
    <tr>
      <th scope="row">
        <Link
          to="/communities/$communityId/cycles/$cycleId"
          params={{ communityId: cycle.communityId, cycleId: cycle.id }}
        >
          {cycle.title}
        </Link>
      </th>
      {showTeam ? <td>{cycle.communityName}</td> : null}
      <td>{cycle.status === "active" ? STAGE_LABELS[cycle.currentStage] : STATUS_LABELS[cycle.status]}</td>
      <td>{formatDay(cycle.startsOn)}</td>
      <td>{cycle.overdueStages > 0 ? `${cycle.overdueStages} overdue` : "On schedule"}</td>
    </tr>
  );
}

/** A team's improvement cycles, and starting one from its assessments. */
export function CyclesPage() {
  const community = useCommunity();
  const cycles = useQuery(communityCyclesQuery(community.id));
  return (
    <>
      <PageHeader
        title="Improvement cycles"
        description="From what our students' results tell us, through our own learning and new strategies, to whether it worked."
      />
      <QueryResult query={cycles} loadingLabel="Loading cycles…">
        {(data) => (
          <>
            {data.items.length === 0 ? (
              <EmptyState title="No cycles yet">
                <p>Start a cycle from one of the team's assessments: its results become the cycle's baseline.</p>
              </EmptyState>
            ) : (
              <TableScroll label="The team's cycles">
                <table className="data-table">
                  <caption className="visually-hidden">The team's cycles</caption>
                  <thead>
                    <tr>
                      <th scope="col">Cycle</th>
                      <th scope="col">Stage</th>
                      <th scope="col">Started</th>
                      <th scope="col">Schedule</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((cycle) => (
                      <CycleRow key={cycle.id} cycle={cycle} />
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
            {data.can.create ? <StartCycleForm communityId={community.id} /> : null}
          </>
        )}
      </QueryResult>
    </>
  );
}
