import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { EmptyState } from "../../components/EmptyState";
import { TextField } from "../../components/Field";
import { formatDate, formatDay } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { TableScroll } from "../../components/TableScroll";
import { useDebouncedValue } from "../../components/use-debounced-value";
import { formatShare } from "./cycle-format";
import { cycleRecordQuery } from "./cycles.api";

/** The district's finished cycles, searchable, with their gains by target as shares (no student appears). */
export function CycleRecordPage() {
  const [q, setQ] = useState("");
  const search = useDebouncedValue(q.trim(), 300);
  const record = useQuery(cycleRecordQuery(search));
  return (
    <>
      <PageHeader
        title="Finished cycles"
        description="What the district's teams tried, and how their students' results moved: shares only, small groups withheld."
      />
      <div className="form">
        <TextField
          label="Search finished cycles"
          hint="Title, focus, reflection or strategy."
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
        />
      </div>
      <QueryResult
        query={record}
        loadingLabel="Loading finished cycles…"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title={search ? "No finished cycle matches" : "No finished cycles yet"}>
            <p>When a team closes a cycle, it joins this record.</p>
          </EmptyState>
        }
      >
        {(data) => (
          <ul>
            {data.items.map((cycle) => (
              <li key={cycle.id} className="panel">
                <h2>{cycle.title}</h2>
                <p>
                  {cycle.communityName} · {formatDay(cycle.startsOn)} to {formatDate(cycle.finishedAt)}
                </p>
                {cycle.focus ? <p>{cycle.focus}</p> : null}
                {cycle.strategies.length > 0 ? (
                  <p>Strategies: {cycle.strategies.map((s) => s.title).join(", ")}</p>
                ) : null}
                {cycle.gains.length > 0 ? (
                  <TableScroll label="Share of matched students who moved up at least one level">
                    <table className="data-table">
                      <caption>Share of matched students who moved up at least one level</caption>
                      <thead>
                        <tr>
                          <th scope="col">Target</th>
                          <th scope="col">Moved up</th>
                        </tr>
                      </thead>
                      <tbody>
                        {cycle.gains.map((gain) => (
                          <tr key={gain.targetId}>
                            <th scope="row">{gain.code ?? gain.statement}</th>
                            <td>{gain.suppressed ? "Fewer than 10 students" : formatShare(gain.upPercent)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScroll>
                ) : (
                  <p>No matched results.</p>
                )}
                {cycle.reflection ? (
                  <>
                    <h3>Reflection</h3>
                    <p>{cycle.reflection}</p>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </QueryResult>
    </>
  );
}
