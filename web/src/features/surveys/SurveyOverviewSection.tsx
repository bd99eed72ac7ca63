import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "../../components/EmptyState";
import { QueryResult } from "../../components/QueryResult";
import { TableScroll } from "../../components/TableScroll";
import { roundListQuery, surveyOverviewQuery } from "./surveys.api";

/** For leaders: every round by school and team with its section means, never below the threshold, never who. */
export function SurveyOverviewSection() {
  const rounds = useQuery(roundListQuery);
  const isAllowed = rounds.data?.can.readOverview ?? false;
  const overview = useQuery(surveyOverviewQuery(isAllowed));
  if (!isAllowed) return null;
  return (
    <section className="panel" aria-labelledby="overview-heading">
      <h2 id="overview-heading">By school and team</h2>
      <p>Mean levels by section. Rounds with fewer answers than the threshold show no numbers.</p>
      <QueryResult
        query={overview}
        loadingLabel="Loading the overview…"
        isEmpty={(data) => data.rows.length === 0}
        empty={<EmptyState title="No rounds to compare yet" headingLevel={3} />}
      >
        {(data) => (
          <TableScroll label="Rounds by school and team">
            <table className="data-table">
              <caption className="visually-hidden">Rounds by school and team</caption>
              <thead>
                <tr>
                  <th scope="col">School</th>
                  <th scope="col">Team or school</th>
                  <th scope="col">Round</th>
                  <th scope="col">Term</th>
                  <th scope="col" className="cell-number">
                    Answered
                  </th>
                  <th scope="col">Mean by section</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.roundId}>
                    <td>{row.schoolNames.join(", ")}</td>
                    <th scope="row">
                      {row.audience.name} ({row.audience.kind === "team" ? "team" : "whole school"})
                    </th>
                    <td>{row.title}</td>
                    <td>{row.termLabel}</td>
                    <td className="cell-number">{row.answered}</td>
                    <td>
                      {row.suppressed
                        ? "Too few answers to show"
                        : row.sections.map((s) => `${s.section}: ${s.mean ?? "–"}`).join("; ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryResult>
    </section>
  );
}
