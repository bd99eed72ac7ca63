import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type CheckinInput,
  Goal,
  type GoalInput,
  GoalList,
  type GoalPatch,
  type GoalsQuery,
  GoalTree,
} from "../../../../contract/goals";
import { api } from "../../api/client";

export type GoalFilters = Partial<z.input<typeof GoalsQuery>>;

/** The goals the reader may see, filtered and sorted by the server, with where they may set new ones. */
export function goalListQuery(filters: GoalFilters) {
  return queryOptions({
    queryKey: ["goals", "list", filters],
    queryFn: () => api("/goals", GoalList, { query: filters }),
    placeholderData: keepPreviousData,
  });
}

export const goalTreeQuery = queryOptions({ queryKey: ["goals", "tree"], queryFn: () => api("/goals/tree", GoalTree) });

export function goalQuery(id: string) {
  return queryOptions({ queryKey: ["goals", "detail", id], queryFn: () => api(`/goals/${id}`, Goal) });
}

/** Every change answers with the whole goal; lists and the tree are read again. */
function useGoalMutation<TInput>(send: (input: TInput) => Promise<Goal>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (goal) => {
      queryClient.setQueryData(goalQuery(goal.id).queryKey, goal);
      await queryClient.invalidateQueries({ queryKey: ["goals", "list"] });
      await queryClient.invalidateQueries({ queryKey: ["goals", "tree"] });
    },
  });
}

export function useCreateGoal() {
  return useGoalMutation((input: z.output<typeof GoalInput>) => api("/goals", Goal, { method: "POST", body: input }));
}

export function useUpdateGoal(goalId: string) {
  return useGoalMutation((input: z.output<typeof GoalPatch>) =>
    api(`/goals/${goalId}`, Goal, { method: "PATCH", body: input }),
  );
}

export function useCheckIn(goalId: string) {
  return useGoalMutation((input: z.output<typeof CheckinInput>) =>
    api(`/goals/${goalId}/checkins`, Goal, { method: "POST", body: input }),
  );
}
