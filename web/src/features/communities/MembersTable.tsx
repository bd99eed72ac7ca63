import { useId, useState } from "react";
import { type Member, TeamRole } from "../../../../contract/communities";
import { ROLE_LABELS, RoleName } from "../../../../contract/people";
import { columnHelper, DataTable } from "../../components/DataTable";
import { TEAM_ROLE_LABELS } from "./community-roles";
import styles from "./MembersTable.module.css";

type MemberActions = {
  canManage: boolean;
  onChangeRole: (member: Member, teamRole: TeamRole, onFailed: () => void) => void;
  onRemove: (member: Member) => void;
};

const column = columnHelper<Member>();

function describeRoles(member: Member): string {
  const roles = member.roles.map((role) => {
    const parsed = RoleName.safeParse(role);
    return parsed.success ? ROLE_LABELS[parsed.data] : role;
  });
  return [roles.join(", "), member.schoolNames.join(", ")].filter(Boolean).join(" · ");
}

function buildColumns({ canManage, onChangeRole, onRemove }: MemberActions) {
  return column.columns([
    column.accessor("displayName", { header: "Name", meta: { isRowHeader: true } }),
    column.accessor("teamRole", {
      header: "Team role",
      cell: ({ row }) =>
        canManage ? (
          <TeamRoleSelect
            key={`${row.original.personId}-${row.original.teamRole}`}
            member={row.original}
            onChange={onChangeRole}
          />
        ) : (
          TEAM_ROLE_LABELS[row.original.teamRole]
        ),
    }),
    column.display({ id: "roles", header: "Roles and schools", cell: ({ row }) => describeRoles(row.original) }),
    column.accessor("email", { header: "Email", meta: { className: "cell-email" } }),
    ...(canManage
      ? [
          column.display({
            id: "actions",
            header: "Actions",
            cell: ({ row }) => (
              <button
                type="button"
                className="button button-small button-secondary"
                onClick={() => onRemove(row.original)}
              >
                Remove<span className="visually-hidden"> {row.original.displayName}</span>
              </button>
            ),
          }),
        ]
      : []),
  ]);
}

/** A member's team role, changed as soon as another is chosen; it springs back if the server refuses. */
function TeamRoleSelect({ member, onChange }: { member: Member; onChange: MemberActions["onChangeRole"] }) {
  const id = useId();
  const [value, setValue] = useState<TeamRole>(member.teamRole);
  return (
    <div className={styles.inlineField}>
      <label htmlFor={id} className="visually-hidden">
        Team role for {member.displayName}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          const next = TeamRole.parse(event.target.value);
          setValue(next);
          onChange(member, next, () => setValue(member.teamRole));
        }}
      >
        {TeamRole.options.map((role) => (
          <option key={role} value={role}>
            {TEAM_ROLE_LABELS[role]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function MembersTable({ members, actions }: { members: readonly Member[]; actions: MemberActions }) {
  return (
    <DataTable caption="Members" columns={buildColumns(actions)} data={members} getRowId={(row) => row.personId} />
  );
}
