import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ApiError } from "../../api/client";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { communityListQuery } from "../communities/communities.api";
import { NotFoundPage } from "../shell/NotFoundPage";
import { studentQuery } from "../students/students.api";
import { PlanForm } from "./PlanForm";

const route = getRouteApi("/signed-in/students/$studentId/plans/new");

const TEAM_PAGE = { q: undefined, kind: undefined, includeArchived: false, page: 1, pageSize: 200 };

/**
 * A support plan for one student, outside any group. It belongs to one of the reader's teams; leaders who are
 * in no team may choose among the teams of the student's school they manage.
 */
export function NewPlanPage() {
  const { studentId } = route.useParams();
  const student = useQuery(studentQuery(studentId));
  const ownTeams = useQuery(communityListQuery({ ...TEAM_PAGE, schoolId: undefined, mine: true }));
  const schoolId = student.data?.school?.id;
  const hasNoTeam = ownTeams.data !== undefined && ownTeams.data.items.length === 0;
  const schoolTeams = useQuery({
    ...communityListQuery({ ...TEAM_PAGE, schoolId, mine: false }),
    enabled: hasNoTeam && schoolId !== undefined,
  });
  const teamList = hasNoTeam ? schoolTeams : ownTeams;

  if (student.error instanceof ApiError && student.error.status === 404) return <NotFoundPage />;
  const name = student.data?.name ?? "Student";
  const header = (
    <>
      <p className="breadcrumb">
        <Link to="/students/$studentId" params={{ studentId }}>
          ← {name}
        </Link>
      </p>
      <PageHeader
        title={`New support plan for ${name}`}
        description="A plan of the student's own. For several students with the same need, start a group from the team's Interventions tab or an analysis."
      />
    </>
  );
  const pending =
    student.isPending || ownTeams.isPending || (hasNoTeam && schoolId !== undefined && teamList.isPending);
  const failed = student.error ?? teamList.error;
  if (pending || failed) {
    return (
      <>
        {header}
        {failed ? (
          <ErrorNotice error={failed} onRetry={() => (student.isError ? student.refetch() : teamList.refetch())} />
        ) : (
          <Loading label="Loading the student and your teams…" />
        )}
      </>
    );
  }
  const teams = (teamList.data?.items ?? [])
    .filter((team) => team.can.contribute)
    .map((team) => ({ id: team.id, name: team.name }));
  return (
    <>
      {header}
      {teams.length === 0 ? (
        <EmptyState title="No team to plan with" action={<Link to="/communities">Find a team</Link>}>
          <p>A plan belongs to a team that reviews it. Join a team that works with this student first.</p>
        </EmptyState>
      ) : (
        <PlanForm studentId={studentId} teams={teams} />
      )}
    </>
  );
}
