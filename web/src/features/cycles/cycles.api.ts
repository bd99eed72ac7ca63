import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { Ok } from "../../../../contract/common";
import {
  Cycle,
  type CycleInput,
  CycleList,
  type CyclePatch,
  type CycleProgressPatch,
  CycleRecord,
  CycleResults,
  type CycleStage,
  type CycleStagePatch,
  LearningNeed,
  LearningNeedList,
} from "../../../../contract/cycles";
import { api } from "../../api/client";

/** The cycles of the reader's teams (those the reader may read). */
export const myCyclesQuery = queryOptions({ queryKey: ["cycles", "mine"], queryFn: () => api("/cycles", CycleList) });

export function communityCyclesQuery(communityId: string) {
  return queryOptions({
    queryKey: ["cycles", "community", communityId],
    queryFn: () => api(`/communities/${communityId}/cycles`, CycleList),
  });
}

export function cycleQuery(id: string) {
  return queryOptions({ queryKey: ["cycles", "detail", id], queryFn: () => api(`/cycles/${id}`, Cycle) });
}

/** Snapshot, monitoring and evaluation over the students the reader may see (an audited read). */
export function cycleResultsQuery(id: string) {
  return queryOptions({
    queryKey: ["cycles", "results", id],
    queryFn: () => api(`/cycles/${id}/results`, CycleResults),
  });
}

export function learningNeedsQuery(id: string) {
  return queryOptions({
    queryKey: ["cycles", "needs", id],
    queryFn: () => api(`/cycles/${id}/learning-needs`, LearningNeedList),
  });
}

export function cycleRecordQuery(q: string) {
  return queryOptions({
    queryKey: ["cycles", "record", q],
    queryFn: () => api(`/cycles/record${q ? `?q=${encodeURIComponent(q)}` : ""}`, CycleRecord),
  });
}

/** Every change to a cycle answers with the whole cycle, which replaces the cached one; lists and results refresh. */
function useCycleMutation<TInput>(send: (input: TInput) => Promise<Cycle>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (cycle) => {
      queryClient.setQueryData(cycleQuery(cycle.id).queryKey, cycle);
      await queryClient.invalidateQueries({ queryKey: ["cycles", "mine"] });
      await queryClient.invalidateQueries({ queryKey: ["cycles", "community", cycle.communityId] });
      await queryClient.invalidateQueries({ queryKey: ["cycles", "results", cycle.id] });
    },
  });
}

export function useStartCycle(communityId: string) {
  return useCycleMutation((input: z.input<typeof CycleInput>) =>
    api(`/communities/${communityId}/cycles`, Cycle, { method: "POST", body: input }),
  );
}

export function useUpdateCycle(id: string) {
  return useCycleMutation((input: CyclePatch) => api(`/cycles/${id}`, Cycle, { method: "PATCH", body: input }));
}

export function useUpdateProgress(id: string) {
  return useCycleMutation((input: CycleProgressPatch) =>
    api(`/cycles/${id}/progress`, Cycle, { method: "PATCH", body: input }),
  );
}

export function useUpdateStage(id: string) {
  return useCycleMutation(({ stage, ...patch }: CycleStagePatch & { stage: CycleStage }) =>
    api(`/cycles/${id}/stages/${stage}`, Cycle, { method: "PATCH", body: patch }),
  );
}

export function useAddFollowup(id: string) {
  return useCycleMutation((assessmentId: string) =>
    api(`/cycles/${id}/assessments`, Cycle, { method: "POST", body: { assessmentId } }),
  );
}

export function useAddLearningNeed(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (need: string) => api(`/cycles/${id}/learning-needs`, LearningNeed, { method: "POST", body: { need } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["cycles", "needs", id] }),
  });
}

export function useDeleteLearningNeed(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (needId: string) => api(`/cycles/${id}/learning-needs/${needId}`, Ok, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["cycles", "needs", id] }),
  });
}
