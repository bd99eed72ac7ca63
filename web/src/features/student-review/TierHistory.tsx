import { useQuery } from "@tanstack/react-query";
import { formatDay } from "../../components/format";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { planDecisionsQuery } from "./student-review.api";

const DECISION_LABELS = {
  start: "Started",
  continue: "Continued",
  adjust: "Adjusted",
  intensify: "Intensified",
  exit: "Exited",
} as const;

function tierMove(before: number | null, after: number): string {
  if (before === null) return `Tier ${after}`;
  return before === after ? `Tier ${after}` : `Tier ${before} → ${after}`;
}

/** A plan's decisions, oldest first: how it moved between tiers, and why. */
export function TierHistory({ planId }: { planId: string }) {
  const decisions = useQuery(planDecisionsQuery(planId));
  if (decisions.isPending) return <Loading label="Loading the tier history…" />;
  if (decisions.isError) return <ErrorNotice error={decisions.error} onRetry={() => decisions.refetch()} />;
  return (
    <table className="data-table">
      <caption>Tier history</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Decision</th>
          <th scope="col">Tier</th>
          <th scope="col">Reason</th>
          <th scope="col">By</th>
        </tr>
      </thead>
      <tbody>
        {decisions.data.items.map((d) => (
          <tr key={d.id}>
            <td>{formatDay(d.decidedOn)}</td>
            <td>{DECISION_LABELS[d.decision]}</td>
            <td>{tierMove(d.tierBefore, d.tierAfter)}</td>
            <td>{d.reason}</td>
            <td>{d.decidedBy?.name ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
