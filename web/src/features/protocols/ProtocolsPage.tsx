import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { useCommunity } from "../communities/CommunityLayout";
import { ProtocolCard } from "./ProtocolCard";
import { ProtocolDialog, type ProtocolEditing } from "./ProtocolDialog";
import { protocolsQuery } from "./protocols.api";

/** The protocol library and the team's own adapted copies, to run meetings on. */
export function ProtocolsPage() {
  const community = useCommunity();
  const protocols = useQuery(protocolsQuery(community.id));
  const [editing, setEditing] = useState<ProtocolEditing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canAdapt = community.can.update === true;
  const items = protocols.data?.items ?? [];
  const copies = items.filter((protocol) => protocol.communityId !== null);
  const library = items.filter((protocol) => protocol.communityId === null);

  return (
    <>
      <PageHeader
        title="Protocols"
        description="Protocols give a conversation timed steps, roles and guiding prompts. Adapt one to suit your team."
      />
      <div role="status" className="status-region">
        {notice ? <p className="notice notice-success">{notice}</p> : null}
      </div>
      <QueryResult query={protocols} loadingLabel="Loading protocols…">
        {() => (
          <>
            <section className="section" aria-labelledby="team-protocols-heading">
              <h2 id="team-protocols-heading">Our team's protocols</h2>
              {copies.length === 0 ? (
                <EmptyState headingLevel={3} title="No team protocols yet">
                  <p>
                    {canAdapt
                      ? "Choose “Copy and adapt” on a library protocol to make a version for your team."
                      : "Facilitators can adapt library protocols for the team."}
                  </p>
                </EmptyState>
              ) : (
                <ul className="card-grid">
                  {copies.map((protocol) => (
                    <ProtocolCard
                      key={protocol.key}
                      protocol={protocol}
                      action={
                        canAdapt ? { label: "Edit", onClick: () => setEditing({ protocol, isCopy: false }) } : undefined
                      }
                    />
                  ))}
                </ul>
              )}
            </section>
            <section className="section" aria-labelledby="library-protocols-heading">
              <h2 id="library-protocols-heading">Protocol library</h2>
              <ul className="card-grid">
                {library.map((protocol) => (
                  <ProtocolCard
                    key={protocol.key}
                    protocol={protocol}
                    action={
                      canAdapt
                        ? { label: "Copy and adapt", onClick: () => setEditing({ protocol, isCopy: true }) }
                        : undefined
                    }
                  />
                ))}
              </ul>
            </section>
          </>
        )}
      </QueryResult>
      <ProtocolDialog
        communityId={community.id}
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={(protocol) => {
          setNotice(`Saved “${protocol.name}” for ${community.name}.`);
          setEditing(null);
        }}
      />
    </>
  );
}
