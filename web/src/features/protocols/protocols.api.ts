import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { Protocol, type ProtocolInput, ProtocolList } from "../../../../contract/meetings";
import { api } from "../../api/client";

/** The library's protocols and the community's own adapted copies (copies first). */
export function protocolsQuery(communityId: string) {
  return queryOptions({
    queryKey: ["protocols", communityId],
    queryFn: () => api(`/communities/${communityId}/protocols`, ProtocolList),
    staleTime: 5 * 60_000,
  });
}

type SaveProtocol = { id: string | null; input: z.input<typeof ProtocolInput> };

/** Creates a team copy (id null) or updates one of the team's copies. */
export function useSaveProtocol(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: SaveProtocol) =>
      id
        ? api(`/communities/${communityId}/protocols/${id}`, Protocol, { method: "PUT", body: input })
        : api(`/communities/${communityId}/protocols`, Protocol, { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["protocols", communityId] }),
  });
}
