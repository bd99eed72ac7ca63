import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { AlignmentTree } from "./AlignmentTree";
import { GoalForm } from "./GoalForm";
import { GoalListSection } from "./GoalListSection";
import { goalTreeQuery } from "./goals.api";

/**
 * The "Goals & cycles" area: the alignment tree, every goal, setting a goal. `children` are further sections of
 * the area (the teams' improvement cycles), shown after the goals.
 */
export function GoalsPage({ children }: { children?: ReactNode }) {
  const tree = useQuery(goalTreeQuery);
  return (
    <>
      <PageHeader
        title="Goals & cycles"
        description="Goals lined up from the district to each educator, with their progress from live data."
      />
      <section className="panel" aria-labelledby="alignment-heading">
        <h2 id="alignment-heading">Alignment</h2>
        <QueryResult query={tree} loadingLabel="Loading the alignment…">
          {(data) => <AlignmentTree tree={data} />}
        </QueryResult>
      </section>
      <GoalListSection />
      <GoalForm />
      {children}
    </>
  );
}
