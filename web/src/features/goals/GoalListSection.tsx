import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { GOAL_LEVELS, GOAL_STATUSES } from "../../../../contract/goals";
import { EmptyState } from "../../components/EmptyState";
import { FilterBar } from "../../components/FilterBar";
import { ChoiceFilter, SearchFilter } from "../../components/FilterFields";
import { formatDay } from "../../components/format";
import { QueryResult } from "../../components/QueryResult";
import { GoalLine } from "./AlignmentTree";
import { LEVEL_LABELS, STATUS_LABELS } from "./goal-format";
import { type GoalFilters, goalListQuery } from "./goals.api";
import type { GoalsSearch } from "./goals-search";

const SORTS = [
  { value: "level", label: "Level" },
  { value: "due", label: "Due date" },
  { value: "title", label: "Title" },
  { value: "status", label: "Status, needing attention first" },
] as const;

/**
 * Every goal the reader may see, searched, filtered by level, school, team and status, and sorted; a drill-down
 * from another page opens it with its filters (`initial`).
 */
export function GoalListSection({ initial = {} }: { initial?: GoalsSearch }) {
  const [filters, setFilters] = useState<GoalFilters>({ sort: "level", ...initial });
  const goals = useQuery(goalListQuery(filters));
  const set = (change: GoalFilters) => setFilters((current) => ({ ...current, ...change }));
  const places = goals.data;
  return (
    <section className="panel" aria-labelledby="goal-list-heading">
      <h2 id="goal-list-heading">All goals</h2>
      <FilterBar label="Filter goals">
        <SearchFilter label="Search" placeholder="Words in a goal" search={filters.q} onSearch={(q) => set({ q })} />
        <ChoiceFilter
          label="Level"
          anyLabel="All levels"
          choices={GOAL_LEVELS.map((level) => ({ value: level, label: LEVEL_LABELS[level] }))}
          value={filters.level}
          onChange={(level) => set({ level: level as GoalFilters["level"] })}
        />
        <ChoiceFilter
          label="Status"
          anyLabel="Any status"
          choices={GOAL_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))}
          value={filters.status}
          onChange={(status) => set({ status: status as GoalFilters["status"] })}
        />
        <ChoiceFilter
          label="School"
          anyLabel="All schools"
          choices={(places?.schools ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={filters.schoolId}
          onChange={(schoolId) => set({ schoolId })}
        />
        <ChoiceFilter
          label="Team"
          anyLabel="All teams"
          choices={(places?.communities ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={filters.communityId}
          onChange={(communityId) => set({ communityId })}
        />
        <ChoiceFilter
          label="Sort by"
          anyLabel="Level"
          choices={SORTS.slice(1)}
          value={filters.sort === "level" ? undefined : filters.sort}
          onChange={(sort) => set({ sort: (sort ?? "level") as GoalFilters["sort"] })}
        />
      </FilterBar>
      <QueryResult
        query={goals}
        loadingLabel="Loading goals…"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title="No goals match" headingLevel={3}>
            Clear a filter, or set a goal below.
          </EmptyState>
        }
      >
        {(data) => (
          <ul className="thread-list">
            {data.items.map((goal) => (
              <li key={goal.id} className="thread-item">
                <GoalLine goal={goal} />
                <p className="muted thread-item-meta">
                  {goal.owner.name} · due {formatDay(goal.dueOn)}
                  {goal.school ? ` · ${goal.school.name}` : ""}
                  {goal.community ? ` · ${goal.community.name}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </QueryResult>
    </section>
  );
}
