import { useState } from "react";
import type { Member } from "../../../../contract/communities";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { PageHeader } from "../../components/PageHeader";
import { AddMemberDialog } from "./AddMemberDialog";
import { useCommunity } from "./CommunityLayout";
import { TEAM_ROLE_LABELS } from "./community-roles";
import styles from "./MembersPage.module.css";
import { MembersTable } from "./MembersTable";
import { useChangeTeamRole, useRemoveMember } from "./members.api";

/** Who is in the community and in which team role; facilitators and leaders change it here. */
export function MembersPage() {
  const community = useCommunity();
  const canManage = community.can.update === true;
  const changeTeamRole = useChangeTeamRole(community.id);
  const removeMember = useRemoveMember(community.id);
  const [isAdding, setIsAdding] = useState(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function handleChangeRole(member: Member, teamRole: Member["teamRole"], onFailed: () => void) {
    setNotice(null);
    changeTeamRole.mutate(
      { personId: member.personId, teamRole },
      {
        onSuccess: () => setNotice(`${member.displayName} is now ${TEAM_ROLE_LABELS[teamRole].toLowerCase()}.`),
        onError: onFailed,
      },
    );
  }

  function handleCancelRemove() {
    setRemoving(null);
    removeMember.reset();
  }

  return (
    <>
      <PageHeader
        title="Members"
        description={`The people of ${community.name} and their team roles.`}
        actions={
          canManage ? (
            <button type="button" className="button" onClick={() => setIsAdding(true)}>
              Add member
            </button>
          ) : null
        }
      />
      <div role="status" className="status-region">
        {notice ? <p className="notice notice-success">{notice}</p> : null}
      </div>
      <FormAlert message={changeTeamRole.error ? problemFromError(changeTeamRole.error).message : null} />
      <MembersTable
        members={community.members}
        actions={{ canManage, onChangeRole: handleChangeRole, onRemove: setRemoving }}
      />
      <h2 className={styles.helpHeading}>Team roles</h2>
      <dl className={`details ${styles.help}`}>
        <dt>Facilitator</dt>
        <dd>Runs the community: members, norms, meetings and protocols.</dd>
        <dt>Recorder</dt>
        <dd>Takes part and keeps the notes, decisions and action items.</dd>
        <dt>Member</dt>
        <dd>Takes part in meetings and the team's work.</dd>
        <dt>Guest</dt>
        <dd>Joins meetings and sees the team's work, but does not record it.</dd>
      </dl>
      <AddMemberDialog
        open={isAdding}
        community={community}
        onClose={() => setIsAdding(false)}
        onAdded={(name) => {
          setIsAdding(false);
          setNotice(`Added ${name}.`);
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        title={removing ? `Remove ${removing.displayName}?` : ""}
        confirmLabel="Remove"
        isPending={removeMember.isPending}
        error={removeMember.error ? problemFromError(removeMember.error).message : null}
        onCancel={handleCancelRemove}
        onConfirm={() => {
          if (!removing) return;
          removeMember.mutate(removing.personId, {
            onSuccess: () => {
              setNotice(`Removed ${removing.displayName} from ${community.name}.`);
              handleCancelRemove();
            },
          });
        }}
      >
        <p>
          {removing?.displayName} will no longer see {community.name} or its meetings. What they recorded stays. You can
          add them again later.
        </p>
      </ConfirmDialog>
    </>
  );
}
