import { Link } from "@tanstack/react-router";
import { ROLE_LABELS } from "../../../../contract/people";
import { PageHeader } from "../../components/PageHeader";
import { AREA_PAGES } from "../areas/area-pages";
import { useMe } from "../auth/me.api";
import { FamilyPage } from "../family/FamilyPage";
import { AREAS } from "../shell/navigation";
import { DistrictHomeSection } from "./DistrictHomeSection";
import { EducatorHomeSection } from "./EducatorHomeSection";
import styles from "./HomePage.module.css";
import { SchoolHomeSection } from "./SchoolHomeSection";

/**
 * The landing page, by what the person may read (a person may have several roles: each adds its sections): the
 * district's schools, their schools' teams, their own day as an educator. A family member lands on the family
 * pages, in their language; anyone else on where to go.
 */
export function HomePage() {
  const me = useMe();
  const firstName = me.displayName.split(/\s+/)[0] ?? me.displayName;
  const hasHome = me.can.readDistrictHome || me.homeSchools.length > 0 || me.can.readEducatorHome;
  if (!hasHome && me.can.readOwnChildren) return <FamilyPage />;
  const destinations = me.navigation.filter((area) => area !== "home");

  return (
    <>
      <PageHeader title={`Welcome, ${firstName}`} description={`You are signed in to ${me.district.name}.`} />
      {me.can.readDistrictHome ? <DistrictHomeSection /> : null}
      {me.homeSchools.map((school) => (
        <SchoolHomeSection key={school.id} schoolId={school.id} schoolName={school.name} />
      ))}
      {me.can.readEducatorHome ? <EducatorHomeSection /> : null}
      {me.can.inviteVisitors ? (
        <section className={`panel ${styles.teams}`} aria-labelledby="home-collaborate">
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
      ) : null}
      {me.can.readOwnChildren ? (
        <section className="panel" aria-labelledby="home-family">
          <h2 id="home-family">Your children</h2>
          <p>
            <Link to="/family">See how your children are doing</Link>, and the support the school gives them.
          </p>
        </section>
      ) : null}
      {hasHome ? null : (
        <>
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
      )}
    </>
  );
}
