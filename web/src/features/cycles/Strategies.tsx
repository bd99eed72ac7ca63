import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import type { CycleWorkAbilities } from "../../../../contract/cycle-work";
import { EVIDENCE_LEVEL_LABELS } from "../../../../contract/library";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { QueryResult } from "../../components/QueryResult";
import { useDebouncedValue } from "../../components/use-debounced-value";
import { resourceListQuery } from "../library/library.api";
import { strategiesQuery, useChooseStrategy, useRemoveStrategy } from "./cycle-work.api";

type SectionProps = { communityId: string; cycleId: string; can: CycleWorkAbilities };

/** Stage 4: the evidence-based strategies the team chose from the library, each with its evidence. */
export function Strategies({ cycleId, can }: SectionProps) {
  const strategies = useQuery(strategiesQuery(cycleId));
  const remove = useRemoveStrategy(cycleId);
  return (
    <section className="panel" aria-labelledby="strategies-heading">
      <h2 id="strategies-heading">Strategies</h2>
      <FormAlert message={remove.error ? remove.error.message : null} />
      <QueryResult
        query={strategies}
        loadingLabel="Loading the strategies…"
        isEmpty={(data) => data.items.length === 0}
        empty={<p className="muted">No strategy chosen yet.</p>}
      >
        {(data) => (
          <ul>
            {data.items.map(({ resource, chosenBy }) => (
              <li key={resource.id}>
                <Link to="/library/$resourceId" params={{ resourceId: resource.id }}>
                  {resource.title}
                </Link>{" "}
                <span className="badge">
                  {resource.evidenceLevel ? EVIDENCE_LEVEL_LABELS[resource.evidenceLevel] : "Evidence not stated"}
                </span>
                {resource.evidenceSource ? <span className="muted"> · {resource.evidenceSource}</span> : null}
                {chosenBy ? <span className="muted"> · chosen by {chosenBy.name}</span> : null}
                {can.contribute ? (
                  <>
                    {" "}
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => remove.mutate(resource.id)}
                      disabled={remove.isPending}
                    >
                      Remove <span className="visually-hidden">{resource.title}</span>
                    </button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </QueryResult>
      {can.contribute ? <StrategySearch cycleId={cycleId} chosen={strategies.data?.items ?? []} /> : null}
    </section>
  );
}

/** Searches the library's strategies the actor may read and adds one to the cycle. */
function StrategySearch({ cycleId, chosen }: { cycleId: string; chosen: { resource: { id: string } }[] }) {
  const [q, setQ] = useState("");
  const query = useDebouncedValue(q.trim());
  const results = useQuery(resourceListQuery({ kind: "strategy", q: query || undefined, page: 1, pageSize: 10 }));
  const choose = useChooseStrategy(cycleId);
  const chosenIds = new Set(chosen.map((c) => c.resource.id));
  return (
    <>
      <h3>Choose from the library</h3>
      <TextField label="Search strategies" type="search" value={q} onChange={(event) => setQ(event.target.value)} />
      <FormAlert message={choose.error ? choose.error.message : null} />
      <QueryResult
        query={results}
        loadingLabel="Searching the library…"
        isEmpty={(data) => data.items.length === 0}
        empty={<p className="muted">No strategy in the library matches.</p>}
      >
        {(data) => (
          <ul>
            {data.items.map((resource) => (
              <li key={resource.id}>
                {resource.title}{" "}
                <span className="muted">
                  {resource.evidenceLevel ? EVIDENCE_LEVEL_LABELS[resource.evidenceLevel] : "Evidence not stated"}
                </span>{" "}
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => choose.mutate(resource.id)}
                  disabled={choose.isPending || chosenIds.has(resource.id)}
                >
                  {chosenIds.has(resource.id) ? "Chosen" : "Choose"}{" "}
                  <span className="visually-hidden">{resource.title}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </QueryResult>
    </>
  );
}
