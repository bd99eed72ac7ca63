import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type FeedbackInput, Visit, VisitCounts, type VisitInput, VisitList } from "../../../../contract/visits";
import { api } from "../../api/client";

export const visitListQuery = queryOptions({ queryKey: ["visits", "list"], queryFn: () => api("/visits", VisitList) });

export function visitQuery(id: string) {
  return queryOptions({ queryKey: ["visits", "detail", id], queryFn: () => api(`/visits/${id}`, Visit) });
}

/** How much visiting happens per school; counts only, for school and district leaders. */
export const visitCountsQuery = queryOptions({
  queryKey: ["visits", "counts"],
  queryFn: () => api("/visits/counts", VisitCounts),
});

/** Every change answers with the whole visit, which replaces the cached one. */
function useVisitMutation<TInput>(send: (input: TInput) => Promise<Visit>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (visit) => {
      queryClient.setQueryData(visitQuery(visit.id).queryKey, visit);
      await queryClient.invalidateQueries({ queryKey: ["visits", "list"] });
      await queryClient.invalidateQueries({ queryKey: ["visits", "counts"] });
    },
  });
}

export function useInviteVisitors() {
  return useVisitMutation((input: z.input<typeof VisitInput>) =>
    api("/visits", Visit, { method: "POST", body: input }),
  );
}

export function useGiveFeedback(visitId: string) {
  return useVisitMutation((input: z.input<typeof FeedbackInput>) =>
    api(`/visits/${visitId}/feedback`, Visit, { method: "POST", body: input }),
  );
}

export function useShareFeedback(visitId: string) {
  return useVisitMutation(({ feedbackId, isShared }: { feedbackId: string; isShared: boolean }) =>
    api(`/visits/${visitId}/feedback/${feedbackId}/sharing`, Visit, {
      method: "PUT",
      body: { isSharedWithTeam: isShared },
    }),
  );
}
