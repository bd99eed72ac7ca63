import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { Visit } from "../../../../contract/visits";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { useMe } from "../auth/me.api";
import { InviteVisitForm } from "./InviteVisitForm";
import { VisitCountsTable } from "./VisitCountsTable";
import { describeVisitTime, VISIT_STATUS_LABELS } from "./visit-format";
import { visitListQuery } from "./visits.api";

/** Classroom visits: the ones I host and the ones I make, and inviting colleagues in. */
export function VisitsPage() {
  const me = useMe();
  const visits = useQuery(visitListQuery);
  const isLeader = me.can.readVisitCounts;
  const hosting = visits.data?.items.filter((visit) => visit.host.id === me.id) ?? [];
  const visiting = visits.data?.items.filter((visit) => visit.host.id !== me.id) ?? [];
  return (
    <>
      <PageHeader
        title="Classroom visits"
        description="Open your classroom to colleagues around a focus, and learn from theirs. Feedback is non-evaluative."
      />
      {isLeader ? <VisitCountsTable /> : null}
      <QueryResult query={visits} loadingLabel="Loading visits…">
        {() => (
          <div className="community-grid">
            <VisitList title="Hosting" id="visits-hosting" visits={hosting} empty="You have not invited anyone yet." />
            <VisitList title="Visiting" id="visits-visiting" visits={visiting} empty="No one has invited you yet." />
          </div>
        )}
      </QueryResult>
      {me.can.inviteVisitors ? <InviteVisitForm /> : null}
    </>
  );
}

function VisitList({ title, id, visits, empty }: { title: string; id: string; visits: Visit[]; empty: string }) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {visits.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="thread-list">
          {visits.map((visit) => (
            <li key={visit.id} className="thread-item">
              <Link to="/visits/$visitId" params={{ visitId: visit.id }}>
                {visit.focus}
              </Link>
              <p className="muted thread-item-meta">
                {VISIT_STATUS_LABELS[visit.status]} · {describeVisitTime(visit)} · host {visit.host.name}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
