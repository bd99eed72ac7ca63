import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { useMe } from "../auth/me.api";
import { CyclesOverview } from "../cycles/CyclesOverview";
import { AlignmentTree } from "./AlignmentTree";
import { GoalForm } from "./GoalForm";
import { GoalListSection } from "./GoalListSection";
import { goalTreeQuery } from "./goals.api";

const route = getRouteApi("/signed-in/goals");

/** The "Goals & cycles" area: the alignment tree, the teams' active cycles, every goal, setting a goal. */
export function GoalsPage() {
  const me = useMe();
  const search = route.useSearch();
  const tree = useQuery(goalTreeQuery);
  return (
    <>
      <PageHeader
        title="Goals & cycles"
        description="Goals lined up from the district to each educator, with their progress from live data."
      />
      {me.can.readLearningEvaluation ? (
        <p>
          <Link to="/goals/evaluation">Evaluation of professional learning</Link>: participation, learning, support,
          implementation and student outcomes by team, with a board-ready PDF.
        </p>
      ) : null}
      <section className="panel" aria-labelledby="alignment-heading">
        <h2 id="alignment-heading">Alignment</h2>
        <QueryResult query={tree} loadingLabel="Loading the alignment…">
          {(data) => <AlignmentTree tree={data} />}
        </QueryResult>
      </section>
      <CyclesOverview />
      <p>
        <Link to="/cycles/record">Finished cycles across the district</Link>: what other teams tried, and how their
        students' results moved.
      </p>
      <GoalListSection initial={search} />
      <GoalForm />
    </>
  );
}
