import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { QueryResult } from "../../components/QueryResult";
import styles from "./HomePage.module.css";
import { schoolHomeQuery } from "./home.api";
import { TeamSignalsTable } from "./TeamSignalsTable";

/** A school's teams at a glance, with the alerts that need a leader first. */
export function SchoolHomeSection({ schoolId, schoolName }: { schoolId: string; schoolName: string }) {
  const { t } = useTranslation();
  const query = useQuery(schoolHomeQuery(schoolId));
  const headingId = `home-school-${schoolId}`;
  return (
    <section aria-labelledby={headingId} className={styles.teams}>
      <h2 id={headingId}>{t("home.school.title", { school: schoolName })}</h2>
      <QueryResult query={query} loadingLabel={t("home.school.loading", { school: schoolName })}>
        {(home) => {
          const alerts = home.teams.flatMap((team) => team.alerts.map((alert) => ({ team: team.community, alert })));
          return home.teams.length === 0 ? (
            <p className={styles.empty}>{t("home.school.noTeams")}</p>
          ) : (
            <>
              <section className={`panel ${styles.section}`} aria-labelledby={`${headingId}-alerts`}>
                <h3 id={`${headingId}-alerts`}>{t("home.school.alerts")}</h3>
                {alerts.length === 0 ? (
                  <p className={styles.empty}>{t("home.school.noAlerts")}</p>
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
              <TeamSignalsTable teams={home.teams} caption={t("home.school.teamsOf", { school: home.school.name })} />
              <p className={styles.meta}>
                {t("home.school.respondedNote")}{" "}
                <Link to="/interventions/reports" search={{ schoolId }}>
                  {t("home.school.report")}
                </Link>
                .
              </p>
            </>
          );
        }}
      </QueryResult>
    </section>
  );
}
