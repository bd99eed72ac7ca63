import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { CheckinList, NormHistory, type NormsInput } from "../../../../contract/communities";
import { api } from "../../api/client";

export function normsQuery(communityId: string) {
  return queryOptions({
    queryKey: ["norms", communityId],
    queryFn: () => api(`/communities/${communityId}/norms`, NormHistory),
  });
}

export function checkinsQuery(communityId: string) {
  return queryOptions({
    queryKey: ["norms", communityId, "checkins"],
    queryFn: () => api(`/communities/${communityId}/checkins`, CheckinList),
  });
}

/** The norms show on the community's home too, so it refreshes with them. */
function useNormsMutation<TInput, TResult>(communityId: string, send: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["norms", communityId] });
      await queryClient.invalidateQueries({ queryKey: ["communities", "detail", communityId] });
    },
  });
}

/** Saves a new version of the norms; everyone agrees again to the new version. */
export function useSaveNorms(communityId: string) {
  return useNormsMutation(communityId, (input: z.input<typeof NormsInput>) =>
    api(`/communities/${communityId}/norms`, NormHistory, { method: "PUT", body: input }),
  );
}

export function useAgreeToNorms(communityId: string) {
  return useNormsMutation(communityId, () =>
    api(`/communities/${communityId}/norms/agree`, NormHistory, { method: "POST" }),
  );
}

export function useScheduleCheckin(communityId: string) {
  return useNormsMutation(communityId, (input: { opensOn: string; closesOn: string }) =>
    api(`/communities/${communityId}/checkins`, CheckinList, { method: "POST", body: input }),
  );
}

/** Sends one person's ratings; the server keeps who responded apart from what they rated. */
export function useRespondToCheckin(communityId: string) {
  return useNormsMutation(communityId, ({ checkinId, ratings }: { checkinId: string; ratings: number[] }) =>
    api(`/communities/${communityId}/checkins/${checkinId}/responses`, CheckinList, {
      method: "POST",
      body: { ratings },
    }),
  );
}
