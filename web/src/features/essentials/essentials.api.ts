import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { Ok } from "../../../../contract/common";
import {
  EssentialStandard,
  type EssentialStandardInput,
  EssentialStandardList,
  type EssentialStandardPatch,
  type LearningTargetInput,
  type LearningTargetPatch,
} from "../../../../contract/essentials";
import { StandardSearchPage } from "../../../../contract/standards";
import { api } from "../../api/client";

/** A team's essential standards with their targets and scales, unit by unit. */
export function essentialsQuery(communityId: string) {
  return queryOptions({
    queryKey: ["essentials", communityId],
    queryFn: () => api(`/communities/${communityId}/essential-standards`, EssentialStandardList),
  });
}

/** The district's standards matching a code or words (the standards browser's search). */
export function standardSearchQuery(q: string) {
  return queryOptions({
    queryKey: ["standards", "search", q],
    queryFn: () => api("/standards/search", StandardSearchPage, { query: { q, pageSize: 10 } }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

/** Essentials show on the community's home and in the assessment builder's target choices, so those refresh too. */
function useEssentialsMutation<TInput, TResult>(communityId: string, send: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["essentials", communityId] });
      await queryClient.invalidateQueries({ queryKey: ["assessments"] });
    },
  });
}

export function useCreateEssential(communityId: string) {
  return useEssentialsMutation(communityId, (input: z.input<typeof EssentialStandardInput>) =>
    api(`/communities/${communityId}/essential-standards`, EssentialStandard, { method: "POST", body: input }),
  );
}

export function useUpdateEssential(communityId: string, id: string) {
  return useEssentialsMutation(communityId, (patch: z.input<typeof EssentialStandardPatch>) =>
    api(`/essential-standards/${id}`, EssentialStandard, { method: "PATCH", body: patch }),
  );
}

export function useDeleteEssential(communityId: string, id: string) {
  return useEssentialsMutation(communityId, () => api(`/essential-standards/${id}`, Ok, { method: "DELETE" }));
}

export function useAddTarget(communityId: string, essentialId: string) {
  return useEssentialsMutation(communityId, (input: z.input<typeof LearningTargetInput>) =>
    api(`/essential-standards/${essentialId}/targets`, EssentialStandard, { method: "POST", body: input }),
  );
}

export function useUpdateTarget(communityId: string) {
  return useEssentialsMutation(
    communityId,
    ({ id, patch }: { id: string; patch: z.input<typeof LearningTargetPatch> }) =>
      api(`/learning-targets/${id}`, EssentialStandard, { method: "PATCH", body: patch }),
  );
}

export function useDeleteTarget(communityId: string) {
  return useEssentialsMutation(communityId, (id: string) => api(`/learning-targets/${id}`, Ok, { method: "DELETE" }));
}
