import { Link } from "@tanstack/react-router";
import { type GroupListItem, INTERVENTION_KIND_LABELS } from "../../../../contract/interventions";
import { formatDay } from "../../components/format";
import styles from "./GroupsTable.module.css";

type GroupsTableProps = { caption: string; groups: readonly GroupListItem[]; showTeam?: boolean };

/** Groups, open ones first (as the server orders them): kind, tier, members and how many are flagged. */
export function GroupsTable({ caption, groups, showTeam = false }: GroupsTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            {showTeam ? <th scope="col">Team</th> : null}
            <th scope="col">Kind</th>
            <th scope="col" className="cell-number">
              Tier
            </th>
            <th scope="col" className="cell-number">
              Students
            </th>
            <th scope="col" className="cell-number">
              Flagged
            </th>
            <th scope="col">Delivered by</th>
            <th scope="col">Review</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.id}>
              <th scope="row">
                <Link to="/interventions/groups/$groupId" params={{ groupId: group.id }}>
                  {group.name}
                </Link>
              </th>
              {showTeam ? <td>{group.communityName}</td> : null}
              <td>{INTERVENTION_KIND_LABELS[group.kind]}</td>
              <td className="cell-number">{group.tier}</td>
              <td className="cell-number">{group.memberCount}</td>
              <td className="cell-number">{group.flaggedCount}</td>
              <td>{group.deliveredBy?.name ?? "—"}</td>
              <td className="cell-nowrap">{formatDay(group.reviewDate)}</td>
              <td>{group.closedAt ? <span className={`badge ${styles.closed}`}>Closed</span> : "Open"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
