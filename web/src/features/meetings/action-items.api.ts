import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { ActionItem, type ActionItemInput } from "../../../../contract/meetings";
import { api } from "../../api/client";

/** Action items show on the community's home and on its meetings' pages, so both refresh. */
function useRefreshActionItems() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ["communities", "detail"] });
    await queryClient.invalidateQueries({ queryKey: ["meetings", "detail"] });
  };
}

/** Records an action item, usually during a meeting. */
export function useAddActionItem(communityId: string) {
  const refresh = useRefreshActionItems();
  return useMutation({
    mutationFn: (input: z.input<typeof ActionItemInput>) =>
      api(`/communities/${communityId}/action-items`, ActionItem, { method: "POST", body: input }),
    onSuccess: refresh,
  });
}

/** Marks an action item done; it leaves the open lists of the community and of later meetings. */
export function useCompleteActionItem() {
  const refresh = useRefreshActionItems();
  return useMutation({
    mutationFn: (id: string) => api(`/action-items/${id}`, ActionItem, { method: "PATCH", body: { status: "done" } }),
    onSuccess: refresh,
  });
}
