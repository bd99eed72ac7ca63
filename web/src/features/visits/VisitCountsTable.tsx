import { useQuery } from "@tanstack/react-query";
import { QueryResult } from "../../components/QueryResult";
import { visitCountsQuery } from "./visits.api";

/** Leaders see how much peer visiting happens in their schools, never what was said. */
export function VisitCountsTable() {
  const counts = useQuery(visitCountsQuery);
  return (
    <section className="panel" aria-labelledby="visit-counts-heading">
      <h2 id="visit-counts-heading">Visits at a glance</h2>
      <p className="muted">Counts only: feedback stays between visitors and the teacher they visited.</p>
      <QueryResult query={counts} loadingLabel="Loading counts…">
        {(data) => (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the region scrolls horizontally on narrow screens
          <section className="table-scroll" aria-label="Visits at a glance" tabIndex={0}>
            <table className="data-table">
              <caption className="visually-hidden">Visits at a glance</caption>
              <thead>
                <tr>
                  <th scope="col">School</th>
                  <th scope="col">Proposed</th>
                  <th scope="col">Scheduled</th>
                  <th scope="col">Completed</th>
                  <th scope="col">Feedback given</th>
                </tr>
              </thead>
              <tbody>
                {data.schools.map((school) => (
                  <tr key={school.schoolId}>
                    <th scope="row">{school.schoolName}</th>
                    <td>{school.proposed}</td>
                    <td>{school.scheduled}</td>
                    <td>{school.completed}</td>
                    <td>{school.feedbackGiven}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </QueryResult>
    </section>
  );
}
