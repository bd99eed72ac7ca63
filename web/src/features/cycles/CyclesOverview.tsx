import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "../../components/EmptyState";
import { QueryResult } from "../../components/QueryResult";
import { TableScroll } from "../../components/TableScroll";
import { CycleRow } from "./CyclesPage";
import { myCyclesQuery } from "./cycles.api";

/** The reader's teams' active cycles, with the stage each is at and its overdue stages (for the Goals & cycles area). */
export function CyclesOverview() {
  const cycles = useQuery(myCyclesQuery);
  return (
    <section className="panel" aria-labelledby="cycles-overview-heading">
      <h2 id="cycles-overview-heading">Active improvement cycles</h2>
      <QueryResult
        query={cycles}
        loadingLabel="Loading cycles…"
        isEmpty={(data) => !data.items.some((c) => c.status === "active")}
        empty={
          <EmptyState title="No active cycles" headingLevel={3}>
            <p>A team starts a cycle from its Cycles page, from one of its assessments.</p>
          </EmptyState>
        }
      >
        {(data) => (
          <TableScroll label="Active cycles of your teams">
            <table className="data-table">
              <caption className="visually-hidden">Active cycles of your teams</caption>
              <thead>
                <tr>
                  <th scope="col">Cycle</th>
                  <th scope="col">Team</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Started</th>
                  <th scope="col">Schedule</th>
                </tr>
              </thead>
              <tbody>
                {data.items
                  .filter((c) => c.status === "active")
                  .map((cycle) => (
                    <CycleRow key={cycle.id} cycle={cycle} showTeam />
                  ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryResult>
    </section>
  );
}
