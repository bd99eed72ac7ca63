import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  EntriesSaved,
  GroupDetail,
  type GroupInput,
  GroupList,
  type GroupPatch,
  type GroupScoresInput,
  type GroupSessionsInput,
  OwnGroupList,
  PlanDetail,
  type PlanInput,
  type PlanPatch,
  type ScoreEntry,
  type SessionEntry,
  StudentPlans,
} from "../../../../contract/interventions";
import { api } from "../../api/client";

export function communityGroupsQuery(communityId: string) {
  return queryOptions({
    queryKey: ["interventions", "community", communityId],
    queryFn: () => api(`/communities/${communityId}/intervention-groups`, GroupList),
  });
}

/** The groups of the teams one works in, and the groups one delivers. */
export const ownGroupsQuery = queryOptions({
  queryKey: ["interventions", "mine"],
  queryFn: () => api("/intervention-groups", OwnGroupList, { query: { mine: "true" } }),
});

/** Reading a group or a plan is audit-logged, so they are not refetched on window focus. */
export function groupQuery(id: string) {
  return queryOptions({
    queryKey: ["interventions", "group", id],
    queryFn: () => api(`/intervention-groups/${id}`, GroupDetail),
    refetchOnWindowFocus: false,
  });
}

export function planQuery(id: string) {
  return queryOptions({
    queryKey: ["interventions", "plan", id],
    queryFn: () => api(`/plans/${id}`, PlanDetail),
    refetchOnWindowFocus: false,
  });
}

export function studentPlansQuery(studentId: string) {
  return queryOptions({
    queryKey: ["interventions", "student", studentId],
    queryFn: () => api(`/students/${studentId}/plans`, StudentPlans),
    refetchOnWindowFocus: false,
  });
}

/** Any entry changes flags, counts and charts on every intervention page, and the team's review list. */
function useInterventionMutation<TInput, TResult>(send: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["interventions"] });
      await queryClient.invalidateQueries({ queryKey: ["student-review"] });
    },
  });
}

export function useCreateGroup(communityId: string) {
  return useInterventionMutation((input: GroupInput) =>
    api(`/communities/${communityId}/intervention-groups`, GroupDetail, { method: "POST", body: input }),
  );
}

export function useUpdateGroup(id: string) {
  return useInterventionMutation((patch: GroupPatch) =>
    api(`/intervention-groups/${id}`, GroupDetail, { method: "PATCH", body: patch }),
  );
}

export function useRecordGroupScores(id: string) {
  return useInterventionMutation((input: GroupScoresInput) =>
    api(`/intervention-groups/${id}/progress`, EntriesSaved, { method: "POST", body: input }),
  );
}

export function useRecordGroupSessions(id: string) {
  return useInterventionMutation((input: GroupSessionsInput) =>
    api(`/intervention-groups/${id}/sessions`, EntriesSaved, { method: "POST", body: input }),
  );
}

/** A plan of one student's own, outside any group. */
export function useCreateStudentPlan(studentId: string) {
  return useInterventionMutation((input: PlanInput) =>
    api(`/students/${studentId}/plans`, PlanDetail, { method: "POST", body: input }),
  );
}

export function useUpdatePlan(id: string) {
  return useInterventionMutation((patch: PlanPatch) =>
    api(`/plans/${id}`, PlanDetail, { method: "PATCH", body: patch }),
  );
}

export function useRecordPlanScore(id: string) {
  return useInterventionMutation((input: ScoreEntry) =>
    api(`/plans/${id}/progress`, EntriesSaved, { method: "POST", body: input }),
  );
}

export function useRecordPlanSession(id: string) {
  return useInterventionMutation((input: SessionEntry) =>
    api(`/plans/${id}/sessions`, EntriesSaved, { method: "POST", body: input }),
  );
}
