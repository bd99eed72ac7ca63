import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import type { Visit } from "../../../../contract/visits";
import { ApiError } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { useMe } from "../auth/me.api";
import { NotFoundPage } from "../shell/NotFoundPage";
import { FeedbackForm } from "./FeedbackForm";
import { FeedbackList } from "./FeedbackList";
import styles from "./VisitPage.module.css";
import { describeVisitTime, VISIT_STATUS_LABELS } from "./visit-format";
import { visitQuery } from "./visits.api";

const route = getRouteApi("/signed-in/visits/$visitId");

/** One visit: its focus, who hosts and visits, and the feedback this person may read or give. */
export function VisitPage() {
  const { visitId } = route.useParams();
  const visit = useQuery(visitQuery(visitId));
  // The server answers 404 to anyone who may not know the visit exists, so it reads as a missing page.
  if (visit.error instanceof ApiError && visit.error.status === 404) return <NotFoundPage />;
  if (visit.isPending || visit.isError) {
    return (
      <>
        <PageHeader title="Classroom visit" />
        {visit.isPending ? (
          <Loading label="Loading the visit…" />
        ) : (
          <ErrorNotice error={visit.error} onRetry={() => visit.refetch()} />
        )}
      </>
    );
  }
  return <VisitView key={visit.data.id} visit={visit.data} />;
}

function VisitView({ visit }: { visit: Visit }) {
  const me = useMe();
  const isHost = visit.host.id === me.id;
  const hasGivenFeedback = visit.feedback.some((feedback) => feedback.visitor.id === me.id);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/visits">← Classroom visits</Link>
      </p>
      <PageHeader title="Classroom visit" description={`${visit.host.name}'s classroom`} />
      <section className="panel" aria-labelledby="visit-about">
        <h2 id="visit-about">Focus</h2>
        <p className={styles.focus}>{visit.focus}</p>
        <dl className="details">
          <dt>Host</dt>
          <dd>{visit.host.name}</dd>
          <dt>Visitors</dt>
          <dd>{visit.visitors.map((visitor) => visitor.name).join(", ") || "—"}</dd>
          <dt>Status</dt>
          <dd>{VISIT_STATUS_LABELS[visit.status]}</dd>
          <dt>When</dt>
          <dd>{describeVisitTime(visit)}</dd>
          {visit.school ? (
            <>
              <dt>School</dt>
              <dd>{visit.school.name}</dd>
            </>
          ) : null}
          <dt>Team</dt>
          <dd>{visit.community?.name ?? "Not shared with a team"}</dd>
        </dl>
      </section>
      {visit.can.giveFeedback && !isHost && !hasGivenFeedback ? <FeedbackForm visitId={visit.id} /> : null}
      <FeedbackList visit={visit} isHost={isHost} canShare={isHost && visit.can.update === true} />
    </>
  );
}
