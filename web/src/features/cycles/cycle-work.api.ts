import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  CycleMeetingList,
  CycleStrategyList,
  CycleVisitList,
  type ImplementationInput,
  ImplementationList,
  type LearningEntryInput,
  type LearningEntryPatch,
  LearningLog,
  type RefinementInput,
  RefinementList,
} from "../../../../contract/cycle-work";
import type { CycleStage } from "../../../../contract/cycles";
import { api } from "../../api/client";

const key = (cycleId: string, section: string) => ["cycles", cycleId, "work", section] as const;

export function learningLogQuery(cycleId: string) {
  return queryOptions({
    queryKey: key(cycleId, "learning-log"),
    queryFn: () => api(`/cycles/${cycleId}/learning-log`, LearningLog),
  });
}
export function strategiesQuery(cycleId: string) {
  return queryOptions({
    queryKey: key(cycleId, "strategies"),
    queryFn: () => api(`/cycles/${cycleId}/strategies`, CycleStrategyList),
  });
}
export function implementationsQuery(cycleId: string) {
  return queryOptions({
    queryKey: key(cycleId, "implementations"),
    queryFn: () => api(`/cycles/${cycleId}/implementations`, ImplementationList),
  });
}
export function cycleVisitsQuery(cycleId: string) {
  return queryOptions({
    queryKey: key(cycleId, "visits"),
    queryFn: () => api(`/cycles/${cycleId}/visits`, CycleVisitList),
  });
}
export function refinementsQuery(cycleId: string) {
  return queryOptions({
    queryKey: key(cycleId, "refinements"),
    queryFn: () => api(`/cycles/${cycleId}/refinements`, RefinementList),
  });
}
export function cycleMeetingsQuery(cycleId: string) {
  return queryOptions({
    queryKey: key(cycleId, "meetings"),
    queryFn: () => api(`/cycles/${cycleId}/meetings`, CycleMeetingList),
  });
}

/** Every change answers with the section's whole list, which replaces the cached one. */
function useSectionMutation<TInput, TOutput>(queryKey: readonly unknown[], send: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (data) => {
      queryClient.setQueryData(queryKey, data);
      // A change to strategies changes what implementation offers.
      await queryClient.invalidateQueries({ queryKey: key(String(queryKey[1]), "implementations") });
    },
  });
}

export function useAddLearningEntry(cycleId: string) {
  return useSectionMutation(key(cycleId, "learning-log"), (input: LearningEntryInput) =>
    api(`/cycles/${cycleId}/learning-log`, LearningLog, { method: "POST", body: input }),
  );
}
export function useUpdateLearningEntry(cycleId: string) {
  return useSectionMutation(key(cycleId, "learning-log"), ({ id, patch }: { id: string; patch: LearningEntryPatch }) =>
    api(`/cycles/${cycleId}/learning-log/${id}`, LearningLog, { method: "PATCH", body: patch }),
  );
}
export function useDeleteLearningEntry(cycleId: string) {
  return useSectionMutation(key(cycleId, "learning-log"), (id: string) =>
    api(`/cycles/${cycleId}/learning-log/${id}`, LearningLog, { method: "DELETE" }),
  );
}
export function useChooseStrategy(cycleId: string) {
  return useSectionMutation(key(cycleId, "strategies"), (resourceId: string) =>
    api(`/cycles/${cycleId}/strategies/${resourceId}`, CycleStrategyList, { method: "PUT" }),
  );
}
export function useRemoveStrategy(cycleId: string) {
  return useSectionMutation(key(cycleId, "strategies"), (resourceId: string) =>
    api(`/cycles/${cycleId}/strategies/${resourceId}`, CycleStrategyList, { method: "DELETE" }),
  );
}
export function useLogImplementation(cycleId: string) {
  return useSectionMutation(key(cycleId, "implementations"), (input: ImplementationInput) =>
    api(`/cycles/${cycleId}/implementations`, ImplementationList, { method: "POST", body: input }),
  );
}
export function useDeleteImplementation(cycleId: string) {
  return useSectionMutation(key(cycleId, "implementations"), (id: string) =>
    api(`/cycles/${cycleId}/implementations/${id}`, ImplementationList, { method: "DELETE" }),
  );
}
export function useTieVisit(cycleId: string) {
  return useSectionMutation(key(cycleId, "visits"), (visitId: string) =>
    api(`/cycles/${cycleId}/visits/${visitId}`, CycleVisitList, { method: "PUT" }),
  );
}
export function useUntieVisit(cycleId: string) {
  return useSectionMutation(key(cycleId, "visits"), (visitId: string) =>
    api(`/cycles/${cycleId}/visits/${visitId}`, CycleVisitList, { method: "DELETE" }),
  );
}
export function useAddRefinement(cycleId: string) {
  return useSectionMutation(key(cycleId, "refinements"), (input: z.input<typeof RefinementInput>) =>
    api(`/cycles/${cycleId}/refinements`, RefinementList, { method: "POST", body: input }),
  );
}
export function useTieMeeting(cycleId: string) {
  return useSectionMutation(
    key(cycleId, "meetings"),
    ({ meetingId, stage }: { meetingId: string; stage: CycleStage }) =>
      api(`/cycles/${cycleId}/meetings/${meetingId}`, CycleMeetingList, { method: "PUT", body: { stage } }),
  );
}
export function useUntieMeeting(cycleId: string) {
  return useSectionMutation(key(cycleId, "meetings"), (meetingId: string) =>
    api(`/cycles/${cycleId}/meetings/${meetingId}`, CycleMeetingList, { method: "DELETE" }),
  );
}
