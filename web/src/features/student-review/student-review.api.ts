import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type DecisionInput,
  NotYetResponded,
  PlanDecision,
  PlanDecisionList,
  ResponseDays,
  ReviewList,
} from "../../../../contract/student-review";
import { api } from "../../api/client";

export function reviewListQuery(communityId: string, isAll: boolean) {
  return queryOptions({
    queryKey: ["student-review", "list", communityId, isAll],
    queryFn: () =>
      api(`/communities/${communityId}/review`, ReviewList, { query: { all: isAll ? "true" : undefined } }),
  });
}

export function planDecisionsQuery(planId: string) {
  return queryOptions({
    queryKey: ["student-review", "decisions", planId],
    queryFn: () => api(`/plans/${planId}/decisions`, PlanDecisionList),
  });
}

export function notYetRespondedQuery(communityId: string) {
  return queryOptions({
    queryKey: ["student-review", "not-yet-responded", communityId],
    queryFn: () => api(`/communities/${communityId}/not-yet-responded`, NotYetResponded),
  });
}

/**
 * Records a decision on a plan. The review list is not refetched here: the walk-through keeps its list of
 * flagged students steady while the team moves through it, and refreshes it when the walk ends.
 */
export function useRecordDecision(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof DecisionInput>) =>
      api(`/plans/${planId}/decisions`, PlanDecision, { method: "POST", body: input }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["student-review", "decisions", planId] });
      await queryClient.invalidateQueries({ queryKey: ["plans"] });
    },
  });
}

export function useSetResponseDays(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (responseDays: number) =>
      api(`/communities/${communityId}/response-days`, ResponseDays, { method: "PATCH", body: { responseDays } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["student-review", "not-yet-responded", communityId] }),
  });
}
