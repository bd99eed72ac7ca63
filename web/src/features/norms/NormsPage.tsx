import { useQuery } from "@tanstack/react-query";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { useCommunity } from "../communities/CommunityLayout";
import { AgreeToNorms } from "./AgreeToNorms";
import { CheckinsSection } from "./CheckinsSection";
import { NormHistoryTable } from "./NormHistoryTable";
import { NormList } from "./NormList";
import { NormsEditor } from "./NormsEditor";
import { normsQuery } from "./norms.api";

/** The team's norms of collaboration: the current version, editing, agreement, history and check-ins. */
export function NormsPage() {
  const community = useCommunity();
  const history = useQuery(normsQuery(community.id));
  const current = history.data?.current ?? null;

  return (
    <>
      <PageHeader
        title="Norms"
        description={`How ${community.name} agrees to work together. Every member agrees to each version.`}
      />
      <QueryResult query={history} loadingLabel="Loading norms…">
        {(data) => (
          <>
            <section className="panel" aria-labelledby="norms-current-heading">
              <h2 id="norms-current-heading">
                {current ? `Current norms (version ${current.version})` : "Current norms"}
              </h2>
              {current ? (
                <>
                  <NormList norms={current.norms} />
                  <AgreeToNorms
                    communityId={community.id}
                    norms={current}
                    canParticipate={community.can.participate === true}
                  />
                </>
              ) : (
                <p className="muted">The team has not written its norms yet.</p>
              )}
            </section>
            {community.can.update ? (
              <div className="panel">
                <NormsEditor communityId={community.id} current={current?.norms ?? []} />
              </div>
            ) : null}
            <CheckinsSection community={community} />
            {data.versions.length > 0 ? (
              <section className="panel" aria-labelledby="norms-history-heading">
                <h2 id="norms-history-heading">Version history</h2>
                <NormHistoryTable versions={data.versions} />
              </section>
            ) : null}
          </>
        )}
      </QueryResult>
    </>
  );
}
