import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type DecisionInput,
  NotYetResponded,
  PlanDecision,
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

export function notYetRespondedQuery(communityId: string) {
  return queryOptions({
    queryKey: ["student-review", "not-yet-responded", communityId],
    queryFn: () => api(`/communities/${communityId}/not-yet-responded`, NotYetResponded),
  });
}

/**
 * Records a decision on a plan; the plan's page and the review lists refresh. The walk-through keeps the list it
 * started with, so refreshing the review list does not move students under the team's feet.
 */
export function useRecordDecision(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof DecisionInput>) =>
      api(`/plans/${planId}/decisions`, PlanDecision, { method: "POST", body: input }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["interventions"] });
      await queryClient.invalidateQueries({ queryKey: ["student-review"] });
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
