import { Link, Outlet } from "@tanstack/react-router";
import { PageHeader } from "../../components/PageHeader";
import { SubNav, subNavActiveProps } from "../../components/SubNav";
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
      <SubNav label="Admin">
        {sections.map((section) => (
          <li key={section.to}>
            <Link to={section.to} activeProps={subNavActiveProps}>
              {section.label}
            </Link>
          </li>
        ))}
      </SubNav>
      <Outlet />
    </div>
  );
}
