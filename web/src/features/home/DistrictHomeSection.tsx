import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { QueryResult } from "../../components/QueryResult";
import styles from "./HomePage.module.css";
import { districtHomeQuery } from "./home.api";
import { shareText } from "./TeamSignalsTable";

/** The district by school: each school's teams summed, students counted once; a school opens its teams. */
export function DistrictHomeSection() {
  const query = useQuery(districtHomeQuery);
  return (
    <section aria-labelledby="home-district" className={styles.teams}>
      <h2 id="home-district">Schools at a glance</h2>
      <QueryResult
        query={query}
        loadingLabel="Loading the district's schools…"
        isEmpty={(home) => home.schools.length === 0}
        empty={<p className={styles.empty}>The district has no schools yet.</p>}
      >
        {(home) => (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the region scrolls horizontally on narrow screens
          <section className="table-scroll" aria-label="Schools of the district" tabIndex={0}>
            <table className="data-table">
              <caption className="visually-hidden">Schools of the district</caption>
              <thead>
                <tr>
                  <th scope="col">School</th>
                  <th scope="col">Teams</th>
                  <th scope="col">Teams with alerts</th>
                  <th scope="col">Stalled cycles</th>
                  <th scope="col">School goals at risk</th>
                  <th scope="col">Students with reviews overdue</th>
                  <th scope="col">Responded to in time</th>
                </tr>
              </thead>
              <tbody>
                {home.schools.map((row) => (
                  <tr key={row.school.id}>
                    <th scope="row">
                      <Link to="/home/schools/$schoolId" params={{ schoolId: row.school.id }}>
                        {row.school.name}
                      </Link>
                    </th>
                    <td>
                      <Link to="/home/schools/$schoolId" params={{ schoolId: row.school.id }}>
                        {row.teams}
                        <span className="visually-hidden"> teams of {row.school.name}</span>
                      </Link>
                    </td>
                    <td>
                      <Link to="/home/schools/$schoolId" params={{ schoolId: row.school.id }}>
                        {row.teamsWithAlerts}
                        <span className="visually-hidden"> teams with alerts at {row.school.name}</span>
                      </Link>
                    </td>
                    <td>
                      <Link to="/home/schools/$schoolId" params={{ schoolId: row.school.id }}>
                        {row.stalledCycles}
                        <span className="visually-hidden"> stalled cycles at {row.school.name}</span>
                      </Link>
                    </td>
                    <td>
                      <Link to="/goals" search={{ schoolId: row.school.id }}>
                        {row.goalsAtRisk}
                      </Link>
                    </td>
                    <td>
                      <Link to="/interventions/reports" search={{ schoolId: row.school.id }}>
                        {row.overdueReviews}
                      </Link>
                    </td>
                    <td>
                      <Link to="/interventions/reports" search={{ schoolId: row.school.id }}>
                        {shareText(row.responsiveness)}
                      </Link>
                    </td>
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
