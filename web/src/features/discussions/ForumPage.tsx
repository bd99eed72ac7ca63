import { getRouteApi, Link } from "@tanstack/react-router";
import { PageHeader } from "../../components/PageHeader";
import { ThreadsSection } from "./ThreadsSection";

const route = getRouteApi("/signed-in/discussions/");

/** The district forum: threads open to all staff, outside any one community. */
export function ForumPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/communities">← Communities</Link>
      </p>
      <PageHeader
        title="District forum"
        description="Conversations open to all staff across the district."
        actions={
          <Link to="/discussions/search" className="button button-secondary">
            Search all discussions
          </Link>
        }
      />
      <ThreadsSection
        place={{ kind: "forum" }}
        search={search}
        onSearchChange={(next) => navigate({ search: next, replace: true })}
      />
    </>
  );
}
