import type { PlanDetail } from "../../../../contract/interventions";
import { formatDay } from "../../components/format";

const DECISION_LABELS: Record<PlanDetail["decisions"][number]["decision"], string> = {
  start: "Started",
  continue: "Continue",
  adjust: "Adjust",
  intensify: "Intensify",
  exit: "Exit",
};

function tierChange(before: number | null, after: number): string {
  if (before === null) return `Tier ${after}`;
  return before === after ? `Tier ${after} (unchanged)` : `Tier ${before} → ${after}`;
}

/** The team's decisions on the plan, oldest first: how the student moved between tiers, and why. */
export function TierHistory({ decisions }: { decisions: PlanDetail["decisions"] }) {
  return (
    <section className="panel" aria-labelledby="tier-history">
      <h2 id="tier-history">Tier history</h2>
      <ol className="link-list">
        {decisions.map((d) => (
          <li key={d.id}>
            <strong>
              {formatDay(d.decidedOn)}: {DECISION_LABELS[d.decision]}
            </strong>{" "}
            · {tierChange(d.tierBefore, d.tierAfter)}
            {d.decidedBy ? ` · ${d.decidedBy.name}` : ""}
            <br />
            <span className="muted">{d.reason}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
