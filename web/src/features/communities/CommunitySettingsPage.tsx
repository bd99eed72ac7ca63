import { PageHeader } from "../../components/PageHeader";
import { ArchiveCommunitySection } from "./ArchiveCommunitySection";
import { useCommunity } from "./CommunityLayout";
import { CommunitySettingsForm } from "./CommunitySettingsForm";
import { PartlyScoredChoiceForm } from "./PartlyScoredChoiceForm";

/** A community's name, kind, purpose and schools, and archiving it; for those who manage it. */
export function CommunitySettingsPage() {
  const community = useCommunity();
  if (!community.can.update) {
    return (
      <>
        <PageHeader title="Settings" />
        <p>Only the community's facilitators and leaders can change its settings.</p>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Settings" description={`What ${community.name} is, what it is for, and where it works.`} />
      {community.archived ? <p className="notice notice-warning">This community is archived.</p> : null}
      <section className="panel" aria-labelledby="settings-details-heading">
        <h2 id="settings-details-heading">Details</h2>
        <CommunitySettingsForm community={community} />
      </section>
      <section className="panel" aria-labelledby="settings-partly-scored-heading">
        <h2 id="settings-partly-scored-heading">Partly scored results</h2>
        <PartlyScoredChoiceForm community={community} />
      </section>
      <ArchiveCommunitySection community={community} />
    </>
  );
}
