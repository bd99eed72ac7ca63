import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useMemo } from "react";
import type { InterventionKind } from "../../../../contract/interventions";
import { PageHeader } from "../../components/PageHeader";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { analysisQuery } from "../analysis/analysis.api";
import { useCommunity } from "../communities/CommunityLayout";
import { GroupForm } from "./GroupForm";
import { groupStart } from "./group-start";

const route = getRouteApi("/signed-in/communities/$communityId/interventions/new");

/** A new intervention or extension group, prefilled from the analysis it was started from. */
export function NewGroupPage() {
  const community = useCommunity();
  const search = route.useSearch();
  const analysis = useQuery({ ...analysisQuery(search.assessmentId ?? ""), enabled: Boolean(search.assessmentId) });
  const kind: InterventionKind = search.kind ?? "intervention";
  // The form's first values, made once per analysis: the form compares the measure with them as it is edited.
  const start = useMemo(() => groupStart(kind, search, analysis.data), [kind, search, analysis.data]);
  const title = kind === "extension" ? "New extension group" : "New intervention group";
  const header = (
    <>
      <PageHeader
        title={title}
        description={`For ${community.name}. Each student gets a plan of their own, started from the group's fields.`}
      />
      <p>
        <Link to="/communities/$communityId/interventions" params={{ communityId: community.id }}>
          Back to the team's groups
        </Link>
      </p>
    </>
  );
  if (search.assessmentId && (analysis.isPending || analysis.isError)) {
    return (
      <>
        {header}
        {analysis.isPending ? (
          <Loading label="Loading the analysis…" />
        ) : (
          <ErrorNotice error={analysis.error} onRetry={() => analysis.refetch()} />
        )}
      </>
    );
  }
  return (
    <>
      {header}
      <GroupForm communityId={community.id} start={start} />
    </>
  );
}
