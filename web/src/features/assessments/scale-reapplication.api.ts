import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { ScaleReapplication } from "../../../../contract/scale-reapplication";
import { api } from "../../api/client";

/**
 * What re-applying the current scale would change; a preview, read only when the dialog asks for it. Its key is
 * outside ["assessments"] so a change to the assessment does not read it again (each read is audit-logged).
 */
export function scaleReapplicationQuery(assessmentId: string) {
  return queryOptions({
    queryKey: ["scale-reapplication", assessmentId],
    queryFn: () => api(`/assessments/${assessmentId}/scale-reapplication`, ScaleReapplication),
    refetchOnWindowFocus: false,
    staleTime: 0,
  });
}

/** Re-levels the closed assessment's results with the current scale; its builder and analysis follow. */
export function useReapplyScale(assessmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(`/assessments/${assessmentId}/scale-reapplication`, ScaleReapplication, { method: "POST" }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["assessments"] });
      await queryClient.invalidateQueries({ queryKey: ["analysis"] });
    },
  });
}
