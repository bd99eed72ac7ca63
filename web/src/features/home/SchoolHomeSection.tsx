import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { QueryResult } from "../../components/QueryResult";
import styles from "./HomePage.module.css";
import { schoolHomeQuery } from "./home.api";
import { TeamSignalsTable } from "./TeamSignalsTable";

/** A school's teams at a glance, with the alerts that need a leader first. */
export function SchoolHomeSection({ schoolId, schoolName }: { schoolId: string; schoolName: string }) {
  const query = useQuery(schoolHomeQuery(schoolId));
  const headingId = `home-school-${schoolId}`;
  return (
    <section aria-labelledby={headingId} className={styles.teams}>
      <h2 id={headingId}>{schoolName}: every team</h2>
      <QueryResult query={query} loadingLabel={`Loading the teams of ${schoolName}…`}>
        {(home) => {
          const alerts = home.teams.flatMap((team) => team.alerts.map((alert) => ({ team: team.community, alert })));
          return home.teams.length === 0 ? (
            <p className={styles.empty}>No team works at this school yet.</p>
          ) : (
            <>
              <section className={`panel ${styles.section}`} aria-labelledby={`${headingId}-alerts`}>
                <h3 id={`${headingId}-alerts`}>Alerts</h3>
                {alerts.length === 0 ? (
                  <p className={styles.empty}>No alerts: every team meets, works its cycle and is on track.</p>
                ) : (
                  <ul className={styles.list}>
                    {alerts.map(({ team, alert }) => (
                      <li key={`${team.id}-${alert.kind}`} className={styles.row}>
                        <Link to="/communities/$communityId" params={{ communityId: team.id }}>
                          {team.name}
                        </Link>
                        <span className={styles.alert}>{alert.text}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <TeamSignalsTable teams={home.teams} caption={`Teams of ${home.school.name}`} />
              <p className={styles.meta}>
                Responded to in time: students below proficient on a team assessment this school year who had an
                intervention within the team's school days.{" "}
                <Link to="/interventions/reports">Open the intervention report</Link>.
              </p>
            </>
          );
        }}
      </QueryResult>
    </section>
  );
}
