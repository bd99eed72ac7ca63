import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { QueryResult } from "../../components/QueryResult";
import styles from "./EssentialsSummary.module.css";
import { formatSpan, groupByUnit } from "./essential-units";
import { essentialsQuery } from "./essentials.api";

/** On the community's home: what the team wants each student to learn, unit by unit, with the targets. */
export function EssentialsSummary({ communityId }: { communityId: string }) {
  const essentials = useQuery(essentialsQuery(communityId));
  return (
    <section className="panel" aria-labelledby="community-essentials">
      <h2 id="community-essentials">What we want each student to learn</h2>
      <QueryResult
        query={essentials}
        loadingLabel="Loading the essential standards…"
        isEmpty={(data) => data.items.length === 0}
        empty={<p className="muted">The team has not chosen its essential standards yet.</p>}
      >
        {(data) =>
          groupByUnit(data.items).map((unit) => (
            <div key={unit.key} className={styles.unit}>
              <h3>
                {unit.title || "Without a unit"}{" "}
                <span className={`muted ${styles.span}`}>{formatSpan(unit.startsOn, unit.endsOn)}</span>
              </h3>
              <ul className={styles.list}>
                {unit.items.map((essential) => (
                  <li key={essential.id}>
                    <strong>{essential.standard.humanCodingScheme ?? "Standard"}</strong>{" "}
                    {essential.standard.fullStatement}
                    {essential.targets.length ? (
                      <ul>
                        {essential.targets.map((target) => (
                          <li key={target.id}>{target.statement}</li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ))
        }
      </QueryResult>
      <p className="row-actions">
        <Link to="/communities/$communityId/essentials" params={{ communityId }}>
          {essentials.data?.can.manage ? "Manage essential standards" : "Essential standards and scales"}
        </Link>
        <Link to="/communities/$communityId/assessments" params={{ communityId }}>
          How we will know: the team's assessments
        </Link>
      </p>
    </section>
  );
}
