import { Link } from "@tanstack/react-router";
import { CYCLE_STAGE_LABELS } from "../../../../contract/cycle-work";
import type { TeamSignals } from "../../../../contract/home";
import { formatDate, formatDay } from "../../components/format";
import styles from "./HomePage.module.css";

/** "3 of 8 (38%)": students counted, never results. */
export function shareText(share: { students: number; of: number; share: number | null } | null): string {
  if (!share || share.of === 0) return "No students below proficient";
  return `${share.students} of ${share.of} students (${share.share ?? 0}%)`;
}

function trendText(trend: number[]): string {
  if (trend.length === 0) return "No check-in yet";
  const [latest, previous] = trend;
  if (previous === undefined) return `${latest} of 4`;
  const arrow = (latest ?? 0) > previous ? "up" : (latest ?? 0) < previous ? "down" : "steady";
  return `${latest} of 4 (${arrow} from ${previous})`;
}

/** Every team at a glance, each figure a link to the records it counts; alerts first in each row. */
export function TeamSignalsTable({ teams, caption }: { teams: TeamSignals[]; caption: string }) {
  return (
    // A scrolling region must be reachable by keyboard so its hidden columns can be scrolled into view.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the region scrolls horizontally on narrow screens
    <section className="table-scroll" aria-label={caption} tabIndex={0}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Alerts</th>
            <th scope="col">Last meeting</th>
            <th scope="col">Cycle</th>
            <th scope="col">Goals</th>
            <th scope="col">Responded to in time</th>
            <th scope="col">Reviews overdue</th>
            <th scope="col">Norms check-in</th>
          </tr>
        </thead>
        <tbody>
          {teams.map((team) => (
            <tr key={team.community.id}>
              <th scope="row">
                <Link to="/communities/$communityId" params={{ communityId: team.community.id }}>
                  {team.community.name}
                </Link>
              </th>
              <td>
                {team.alerts.length === 0 ? (
                  "None"
                ) : (
                  <ul className={styles.alerts}>
                    {team.alerts.map((alert) => (
                      <li key={alert.kind} className={styles.alert}>
                        {alert.text}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {team.lastMeeting ? (
                  <Link to="/meetings/$meetingId" params={{ meetingId: team.lastMeeting.id }}>
                    {formatDate(team.lastMeeting.startsAt)}: {team.lastMeeting.present} of {team.lastMeeting.members}{" "}
                    present
                  </Link>
                ) : (
                  <Link to="/communities/$communityId/meetings" params={{ communityId: team.community.id }}>
                    Not met yet
                  </Link>
                )}
              </td>
              <td>
                {team.cycle ? (
                  <Link
                    to="/communities/$communityId/cycles/$cycleId"
                    params={{ communityId: team.community.id, cycleId: team.cycle.id }}
                  >
                    {CYCLE_STAGE_LABELS[team.cycle.stage]}
                    {team.cycle.stageDueOn ? `, due ${formatDay(team.cycle.stageDueOn)}` : ""}
                    {team.cycle.isStalled ? " (stalled)" : ""}
                  </Link>
                ) : (
                  <Link to="/communities/$communityId/cycles" params={{ communityId: team.community.id }}>
                    No active cycle
                  </Link>
                )}
              </td>
              <td>
                <Link to="/goals" search={{ communityId: team.community.id }}>
                  {team.goals.total === 0 ? "No goals" : `${team.goals.atRisk} of ${team.goals.total} at risk`}
                </Link>
              </td>
              <td>
                {team.responsiveness === null ? (
                  "—"
                ) : (
                  <Link to="/communities/$communityId/review" params={{ communityId: team.community.id }}>
                    {shareText(team.responsiveness)}
                  </Link>
                )}
              </td>
              <td>
                <Link to="/communities/$communityId/review" params={{ communityId: team.community.id }}>
                  {team.overdueReviews === 1 ? "1 student" : `${team.overdueReviews} students`}
                </Link>
              </td>
              <td>
                <Link to="/communities/$communityId/norms" params={{ communityId: team.community.id }}>
                  {trendText(team.normTrend)}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
