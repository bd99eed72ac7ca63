import { Link, Outlet } from "@tanstack/react-router";
import { PageHeader } from "../../components/PageHeader";
import { useMe } from "../auth/me.api";
import { allowedSections } from "./admin-sections";

/** The admin area: a sub-navigation of the sections this person may use, then the section itself. */
export function AdminLayout() {
  const me = useMe();
  const sections = allowedSections(me);
  if (sections.length === 0) {
    return (
      <>
        <PageHeader title="Admin" />
        <p>You do not have access to any administration pages.</p>
      </>
    );
  }
  return (
    <div className="admin">
      <nav aria-label="Admin" className="sub-nav">
        <ul>
          {sections.map((section) => (
            <li key={section.to}>
              <Link to={section.to} activeProps={{ className: "is-active", "aria-current": "page" }}>
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
