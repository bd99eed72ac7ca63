import { Link } from "@tanstack/react-router";
import { ROLE_LABELS } from "../../../../contract/people";
import { PageHeader } from "../../components/PageHeader";
import { AREA_PAGES } from "../areas/area-pages";
import { useMe } from "../auth/me.api";
import { AREAS } from "../shell/navigation";
import styles from "./HomePage.module.css";

/** The landing page: who you are here, and where to go next. */
export function HomePage() {
  const me = useMe();
  const firstName = me.displayName.split(/\s+/)[0] ?? me.displayName;
  const destinations = me.navigation.filter((area) => area !== "home");

  return (
    <>
      <PageHeader title={`Welcome, ${firstName}`} description={`You are signed in to ${me.district.name}.`} />
      <section className="panel" aria-labelledby="home-roles">
        <h2 id="home-roles">Your roles</h2>
        {me.roles.length === 0 ? (
          <p>You have no roles yet. Ask a district leader to add you to a school.</p>
        ) : (
          <ul className={styles.roles}>
            {me.roles.map((role) => (
              <li key={`${role.role}-${role.schoolId ?? "district"}`}>
                <span className={styles.name}>{ROLE_LABELS[role.role]}</span>
                <span className={styles.scope}>{role.schoolName ?? "District-wide"}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="home-collaborate">
        <h2 id="home-collaborate">Learn with colleagues</h2>
        <ul className="link-list">
          <li>
            <Link to="/visits">Classroom visits</Link>: open your classroom around a focus, and visit others.
          </li>
          <li>
            <Link to="/discussions/search">Search discussions</Link> across your communities and the district forum.
          </li>
        </ul>
      </section>
      {destinations.length > 0 ? (
        <section aria-labelledby="home-areas">
          <h2 id="home-areas">Where to go</h2>
          <ul className="card-grid">
            {destinations.map((area) => (
              <li key={area} className="card">
                <h3>
                  <Link to={AREAS[area].to}>{AREAS[area].label}</Link>
                </h3>
                <p>
                  {area === "admin"
                    ? "Manage people, schools, the audit log and outgoing email."
                    : AREA_PAGES[area].summary}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
