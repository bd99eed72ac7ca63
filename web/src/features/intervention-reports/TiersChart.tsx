import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { InterventionReport, TierCount } from "../../../../contract/intervention-reports";
import { SelectField } from "../../components/Field";
import { formatDay } from "../../components/format";
import { ChartFigure, TableFrame } from "../analysis/ChartFigure";
import { levelColor } from "../analysis/levels";

// The level palette's blue, amber and red: the more intensive the tier, the warmer.
const TIERS = [
  { key: "tier1", name: "Tier 1", color: levelColor(3) },
  { key: "tier2", name: "Tier 2", color: levelColor(1) },
  { key: "tier3", name: "Tier 3", color: levelColor(0) },
] as const;

function monthName(month: string): string {
  return new Date(`${month}-01T00:00:00Z`).toLocaleDateString(undefined, {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

const total = (m: TierCount) => m.tier1 + m.tier2 + m.tier3;

/** Students with an active intervention plan at each month's end, stacked by tier, and the same as a table. */
export function TiersChart({ title, months }: { title: string; months: TierCount[] }) {
  const data = months.map((m) => ({ ...m, name: monthName(m.month) }));
  const last = months.at(-1);
  const peak = months.reduce<TierCount | undefined>(
    (best, m) => (!best || total(m) > total(best) ? m : best),
    undefined,
  );
  const summary = last
    ? `On ${formatDay(last.asOf)}, ${total(last)} students had an active intervention plan: ${last.tier1} at tier 1, ` +
      `${last.tier2} at tier 2 and ${last.tier3} at tier 3.` +
      (peak && total(peak) > total(last) ? ` The most was ${total(peak)} in ${monthName(peak.month)}.` : "")
    : "No months in this period.";
  return (
    <ChartFigure
      title={title}
      summary={summary}
      chart={
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={data} accessibilityLayer={false} margin={{ left: 8, right: 24 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {TIERS.map((tier) => (
              <Bar
                key={tier.key}
                dataKey={tier.key}
                name={tier.name}
                stackId="tiers"
                fill={tier.color}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <TableFrame label={title}>
          <table className="data-table">
            <caption className="visually-hidden">{title}: students at each tier at the end of each month</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Counted on</th>
                {TIERS.map((tier) => (
                  <th key={tier.key} scope="col" className="cell-number">
                    {tier.name}
                  </th>
                ))}
                <th scope="col" className="cell-number">
                  Students
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{monthName(m.month)}</th>
                  <td>{formatDay(m.asOf)}</td>
                  <td className="cell-number">{m.tier1}</td>
                  <td className="cell-number">{m.tier2}</td>
                  <td className="cell-number">{m.tier3}</td>
                  <td className="cell-number">{total(m)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      }
    />
  );
}

/** The chart for all teams or, picked from a list, one team. */
export function TiersSection({ report }: { report: InterventionReport }) {
  const [communityId, setCommunityId] = useState("");
  const team = report.tiers.byTeam.find((t) => t.communityId === communityId);
  const teamName = (id: string) => report.teams.find((t) => t.id === id)?.name ?? "Team";
  return (
    <>
      {report.tiers.byTeam.length > 0 ? (
        <SelectField label="Team" value={communityId} onChange={(event) => setCommunityId(event.target.value)}>
          <option value="">All teams</option>
          {report.tiers.byTeam.map((t) => (
            <option key={t.communityId} value={t.communityId}>
              {teamName(t.communityId)}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TiersChart
        title={team ? `Students by tier: ${teamName(team.communityId)}` : "Students by tier: all teams"}
        months={team ? team.months : report.tiers.total}
      />
    </>
  );
}
