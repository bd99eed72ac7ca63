import { useQuery } from "@tanstack/react-query";
import type { CommunityHome } from "../../../../contract/communities";
import { formatDay } from "../../components/format";
import { QueryResult } from "../../components/QueryResult";
import { CheckinRatingForm } from "./CheckinRatingForm";
import styles from "./CheckinsSection.module.css";
import { CheckinTrend } from "./CheckinTrend";
import { checkinsQuery } from "./norms.api";
import { ScheduleCheckinForm } from "./ScheduleCheckinForm";

/** Norm check-ins: schedule one, rate the norms while one is open, and see the averages over time. */
export function CheckinsSection({ community }: { community: CommunityHome }) {
  const checkins = useQuery(checkinsQuery(community.id));
  const hasNorms = community.norms !== null;

  return (
    <section className="panel" aria-labelledby="checkins-heading">
      <h2 id="checkins-heading">Check-ins</h2>
      <p className="muted">
        Now and then the team checks how well it keeps its norms. Ratings are anonymous; only averages are shown.
      </p>
      <QueryResult query={checkins} loadingLabel="Loading check-ins…">
        {(data) => (
          <>
            {data.items
              .filter((checkin) => checkin.isOpen)
              .map((checkin) =>
                checkin.hasResponded || !community.can.participate ? (
                  <p key={checkin.id} className="notice notice-info">
                    A check-in is open until {formatDay(checkin.closesOn)}: {checkin.responses}{" "}
                    {checkin.responses === 1 ? "response" : "responses"} so far.
                    {checkin.hasResponded ? " You have responded. Thank you." : ""}
                  </p>
                ) : (
                  <CheckinRatingForm key={checkin.id} communityId={community.id} checkin={checkin} />
                ),
              )}
            <h3>Averages over time</h3>
            <CheckinTrend checkins={data.items} />
            {data.items.length > 0 ? (
              <>
                <h3>All check-ins</h3>
                <ul className={`cell-list ${styles.list}`}>
                  {data.items.map((checkin) => (
                    <li key={checkin.id}>
                      {formatDay(checkin.opensOn)} – {formatDay(checkin.closesOn)}: {checkin.responses}{" "}
                      {checkin.responses === 1 ? "response" : "responses"}
                      {checkin.isOpen ? " (open now)" : ""}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </QueryResult>
      {community.can.update && hasNorms ? <ScheduleCheckinForm communityId={community.id} /> : null}
      {community.can.update && !hasNorms ? (
        <p className="muted">Write and save the norms first; then you can schedule a check-in.</p>
      ) : null}
    </section>
  );
}
