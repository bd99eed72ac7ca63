import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Round, RoundResults } from "../../../../contract/surveys";
import { SelectField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { formatDateTime } from "../../components/format";
import { ChartFigure, TableFrame } from "../analysis/ChartFigure";
import { useAddToAgenda } from "./surveys.api";

/** The level names shared by every item, or "Level n" where items name their levels differently. */
function levelNames(results: RoundResults): string[] {
  const most = Math.max(0, ...results.items.map((i) => i.levels.length));
  return Array.from({ length: most }, (_, index) => {
    const labels = new Set(results.items.map((i) => i.levels[index]?.label));
    const [only] = labels;
    return labels.size === 1 && only ? only : `Level ${index + 1}`;
  });
}

/** A round's results: nothing below the threshold (and how many answers it takes), then each item's distribution. */
export function RoundResultsView({ round, results }: { round: Round; results: RoundResults }) {
  if (results.suppressed) {
    return (
      <p className="notice notice-info">
        {results.answered} of {round.expected} have answered. Results appear once {results.threshold} people have
        answered, so that no one's answers stand out: {results.needed} more{" "}
        {results.needed === 1 ? "answer is" : "answers are"} needed.
      </p>
    );
  }
  const names = levelNames(results);
  const data = results.items.map((item, index) => ({
    name: `${index + 1}`,
    ...Object.fromEntries(item.levels.map((l) => [`level${l.level}`, l.count])),
  }));
  const lowest = [...results.items].sort((a, b) => a.mean - b.mean)[0];
  const summary = `${results.answered} people answered ${results.items.length} items.${
    lowest
      ? ` The lowest mean, ${lowest.mean}, is on item ${results.items.indexOf(lowest) + 1}: "${lowest.prompt}"`
      : ""
  }`;
  return (
    <>
      <ChartFigure
        title="How many chose each level"
        summary={summary}
        chart={
          <ResponsiveContainer width="100%" height={280}>
            <BarChart data={data} accessibilityLayer={false} margin={{ left: 8, right: 24 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="name" label={{ value: "Item", position: "insideBottom", offset: -2 }} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              {names.map((name, index) => (
                <Bar
                  key={name}
                  dataKey={`level${index + 1}`}
                  name={name}
                  stackId="levels"
                  fill={`var(--color-series-${index % 6})`}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        }
        table={
          <TableFrame label="Answers by item and level">
            <table className="data-table">
              <caption className="visually-hidden">How many chose each level of each item</caption>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  {names.map((name) => (
                    <th key={name} scope="col" className="cell-number">
                      {name}
                    </th>
                  ))}
                  <th scope="col" className="cell-number">
                    Mean
                  </th>
                </tr>
              </thead>
              <tbody>
                {results.items.map((item, index) => (
                  <tr key={item.key} data-item={item.key}>
                    <th scope="row">
                      {index + 1}. {item.prompt}
                    </th>
                    {names.map((name, level) => (
                      <td key={name} className="cell-number">
                        {item.levels[level]?.count ?? ""}
                      </td>
                    ))}
                    <td className="cell-number">{item.mean}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        }
      />
      {round.can.addToAgenda ? <AddToAgenda round={round} results={results} /> : null}
    </>
  );
}

/** Puts one item, with how many chose each level, on the team's next meeting's agenda. */
function AddToAgenda({ round, results }: { round: Round; results: RoundResults }) {
  const lowest = [...results.items].sort((a, b) => a.mean - b.mean)[0];
  const [itemKey, setItemKey] = useState(lowest?.key ?? "");
  const add = useAddToAgenda(round.id);
  const added = add.data;
  return (
    <section className="panel" aria-labelledby="agenda-heading">
      <h3 id="agenda-heading">Talk about it at the next meeting</h3>
      <div className="form">
        <SelectField label="Item" value={itemKey} onChange={(event) => setItemKey(event.target.value)}>
          {results.items.map((item, index) => (
            <option key={item.key} value={item.key}>
              {index + 1}. {item.prompt} (mean {item.mean})
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <button type="button" className="button" disabled={add.isPending} onClick={() => add.mutate(itemKey)}>
            Add to the next meeting's agenda
          </button>
        </div>
        <FormAlert message={add.isError ? problemFromError(add.error).message : null} />
        <FormAlert
          tone="success"
          message={added ? `Added to "${added.meetingTitle}" on ${formatDateTime(added.startsAt)}.` : null}
        />
      </div>
    </section>
  );
}
