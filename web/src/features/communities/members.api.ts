import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { Member, type TeamRole } from "../../../../contract/communities";
import { PersonPage } from "../../../../contract/people";
import { api } from "../../api/client";

const MemberList = z.array(Member);

/** Active people to add, by name or email and school; only staff may search the directory. */
export function personSearchQuery(params: {
  q?: string | undefined;
  schoolId?: string | undefined;
  staff?: "true" | undefined;
}) {
  return queryOptions({
    queryKey: ["people", "list", "member-search", params],
    queryFn: () => api("/people", PersonPage, { query: { ...params, status: "active", pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
}

/** Membership changes what the home page, the list of communities and meeting attendance show. */
function useMembersMutation<TInput>(send: (input: TInput) => Promise<Member[]>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["communities"] });
      await queryClient.invalidateQueries({ queryKey: ["meetings", "detail"] });
    },
  });
}

export function useAddMember(communityId: string) {
  return useMembersMutation((input: { personId: string; teamRole: TeamRole }) =>
    api(`/communities/${communityId}/members`, MemberList, { method: "POST", body: input }),
  );
}

export function useChangeTeamRole(communityId: string) {
  return useMembersMutation(({ personId, teamRole }: { personId: string; teamRole: TeamRole }) =>
    api(`/communities/${communityId}/members/${personId}`, MemberList, { method: "PATCH", body: { teamRole } }),
  );
}

export function useRemoveMember(communityId: string) {
  return useMembersMutation((personId: string) =>
    api(`/communities/${communityId}/members/${personId}`, MemberList, { method: "DELETE" }),
  );
}
