import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi, Link, Outlet, useMatchRoute } from "@tanstack/react-router";
import type { CommunityHome } from "../../../../contract/communities";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { SubNav, subNavActiveProps } from "../../components/SubNav";
import { communityQuery } from "./communities.api";

const route = getRouteApi("/signed-in/communities/$communityId");

const SECTIONS = [
  { to: "/communities/$communityId", label: "Overview", isExact: true },
  { to: "/communities/$communityId/members", label: "Members", isExact: false },
  { to: "/communities/$communityId/norms", label: "Norms", isExact: false },
  { to: "/communities/$communityId/essentials", label: "Essential standards", isExact: false },
  { to: "/communities/$communityId/assessments", label: "Assessments", isExact: false },
  { to: "/communities/$communityId/interventions", label: "Interventions", isExact: false },
  { to: "/communities/$communityId/cycles", label: "Cycles", isExact: false },
  { to: "/communities/$communityId/meetings", label: "Meetings", isExact: false },
  { to: "/communities/$communityId/discussions", label: "Discussions", isExact: false },
  { to: "/communities/$communityId/protocols", label: "Protocols", isExact: false },
] as const;
const SETTINGS = { to: "/communities/$communityId/settings", label: "Settings", isExact: false } as const;
// Student-level: only for those who take part in the team's work (team.reviewStudents).
const REVIEW = { to: "/communities/$communityId/review", label: "Student review", isExact: false } as const;

/** Every page of one community: a way back, the community's sections, then the section itself. */
export function CommunityLayout() {
  const { communityId } = route.useParams();
  const community = useQuery(communityQuery(communityId));
  const matchRoute = useMatchRoute();
  const isHome = Boolean(matchRoute({ to: "/communities/$communityId", params: { communityId } }));

  return (
    <QueryResult
      query={community}
      loadingLabel="Loading the community…"
      header={<CommunitiesPageHeader title="Community" />}
    >
      {(data) => <CommunityFrame community={data} isHome={isHome} />}
    </QueryResult>
  );
}

/** A way back, the community's sections, then the section itself. */
function CommunityFrame({ community, isHome }: { community: CommunityHome; isHome: boolean }) {
  const communityId = community.id;
  return (
    <div className="community">
      <p className="breadcrumb">
        {isHome ? (
          <Link to="/communities">← All communities</Link>
        ) : (
          <Link to="/communities/$communityId" params={{ communityId }}>
            ← {community.name}
          </Link>
        )}
      </p>
      <SubNav label="Community">
        {[...SECTIONS, ...(community.can.contribute ? [REVIEW] : []), ...(community.can.update ? [SETTINGS] : [])].map(
          (section) => (
            <li key={section.to}>
              <Link
                to={section.to}
                params={{ communityId }}
                activeOptions={{ exact: section.isExact }}
                activeProps={subNavActiveProps}
              >
                {section.label}
              </Link>
            </li>
          ),
        )}
      </SubNav>
      <Outlet />
    </div>
  );
}

/** A page's heading under a way back to all communities, while what the page shows is loading or failed. */
export function CommunitiesPageHeader({ title }: { title: string }) {
  return (
    <>
      <p className="breadcrumb">
        <Link to="/communities">← All communities</Link>
      </p>
      <PageHeader title={title} />
    </>
  );
}

/** The community the layout already loaded; its pages read it without waiting. */
export function useCommunity(): CommunityHome {
  const { communityId } = route.useParams();
  return useSuspenseQuery(communityQuery(communityId)).data;
}
