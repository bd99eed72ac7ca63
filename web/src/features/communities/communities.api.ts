import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  CommunityHome,
  type CommunityInput,
  CommunityPage,
  type CommunityPatch,
  CommunitySummary,
  Member,
} from "../../../../contract/communities";
import { api } from "../../api/client";

export type CommunityListParams = {
  q?: string | undefined;
  kind?: string | undefined;
  schoolId?: string | undefined;
  mine: boolean;
  includeArchived: boolean;
  page: number;
  pageSize: number;
};

export function communityListQuery(params: CommunityListParams) {
  return queryOptions({
    queryKey: ["communities", "list", params],
    queryFn: () =>
      api("/communities", CommunityPage, {
        query: { ...params, mine: String(params.mine), includeArchived: String(params.includeArchived) },
      }),
    placeholderData: keepPreviousData,
  });
}

/** A community's home: members, norms, meetings and open action items, with the actor's abilities. */
export function communityQuery(id: string) {
  return queryOptions({
    queryKey: ["communities", "detail", id],
    queryFn: () => api(`/communities/${id}`, CommunityHome),
  });
}

export function useCreateCommunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof CommunityInput>) =>
      api("/communities", CommunitySummary, { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["communities", "list"] }),
  });
}

/** Renames, re-describes, re-schools, archives or restores a community; its home and the lists change. */
export function useUpdateCommunity(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: z.input<typeof CommunityPatch>) =>
      api(`/communities/${id}`, CommunitySummary, { method: "PATCH", body: patch }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["communities"] }),
  });
}

/** The signed-in member's own choice to share their classes' students with the team. */
export function useShareMyStudents(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sharesStudents: boolean) =>
      api(`/communities/${id}/student-sharing`, z.array(Member), { method: "PUT", body: { sharesStudents } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["communities", "detail", id] }),
  });
}

/** A leader's approval of student sharing in a team whose kind does not share by itself. */
export function useApproveStudentSharing(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (approved: boolean) =>
      api(`/communities/${id}/student-sharing-approval`, CommunitySummary, { method: "PUT", body: { approved } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["communities"] }),
  });
}
