import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  AssessmentDetail,
  type AssessmentInput,
  AssessmentList,
  type AssessmentPatch,
  type CsvImportInput,
  CsvPreview,
  type ItemsInput,
  ResultsGrid,
  type ResultsInput,
  ResultsSaved,
  type TargetsInput,
} from "../../../../contract/assessments";
import { Ok } from "../../../../contract/common";
import { api } from "../../api/client";

export function communityAssessmentsQuery(communityId: string) {
  return queryOptions({
    queryKey: ["assessments", "community", communityId],
    queryFn: () => api(`/communities/${communityId}/assessments`, AssessmentList),
  });
}

/** The builder's view of one assessment: items, targets with cut scores, classes, and the choices offered. */
export function assessmentQuery(id: string) {
  return queryOptions({
    queryKey: ["assessments", "detail", id],
    queryFn: () => api(`/assessments/${id}`, AssessmentDetail),
  });
}

/** The results grid. Reading it is audit-logged, so it is not refetched on window focus. */
export function resultsQuery(id: string) {
  return queryOptions({
    queryKey: ["assessments", "results", id],
    queryFn: () => api(`/assessments/${id}/results`, ResultsGrid),
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A change to an assessment shows in its builder, its team's list, its grid and its analysis. */
function useAssessmentMutation<TInput, TResult>(send: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["assessments"] });
      await queryClient.invalidateQueries({ queryKey: ["analysis"] });
    },
  });
}

export function useCreateAssessment(communityId: string) {
  return useAssessmentMutation((input: z.input<typeof AssessmentInput>) =>
    api(`/communities/${communityId}/assessments`, AssessmentDetail, { method: "POST", body: input }),
  );
}

export function useUpdateAssessment(id: string) {
  return useAssessmentMutation((patch: z.input<typeof AssessmentPatch>) =>
    api(`/assessments/${id}`, AssessmentDetail, { method: "PATCH", body: patch }),
  );
}

export function useDeleteAssessment(id: string) {
  return useAssessmentMutation((confirm: boolean) =>
    api(`/assessments/${id}`, Ok, { method: "DELETE", query: { confirm: String(confirm) } }),
  );
}

export function useSaveItems(id: string) {
  return useAssessmentMutation((input: z.input<typeof ItemsInput>) =>
    api(`/assessments/${id}/items`, AssessmentDetail, { method: "PUT", body: input }),
  );
}

export function useSaveCutScores(id: string) {
  return useAssessmentMutation((input: z.input<typeof TargetsInput>) =>
    api(`/assessments/${id}/targets`, AssessmentDetail, { method: "PUT", body: input }),
  );
}

export function useSaveClasses(id: string) {
  return useAssessmentMutation((classIds: string[]) =>
    api(`/assessments/${id}/classes`, AssessmentDetail, { method: "PUT", body: { classIds } }),
  );
}

export function useSaveResults(id: string) {
  return useAssessmentMutation((input: z.input<typeof ResultsInput>) =>
    api(`/assessments/${id}/results`, ResultsSaved, { method: "PUT", body: input }),
  );
}

export function usePreviewCsv(id: string) {
  return useMutation({
    mutationFn: (csv: string) =>
      api(`/assessments/${id}/results/csv-preview`, CsvPreview, { method: "POST", body: { csv } }),
  });
}

export function useImportCsv(id: string) {
  return useAssessmentMutation((input: z.input<typeof CsvImportInput>) =>
    api(`/assessments/${id}/results/csv`, ResultsSaved, { method: "POST", body: input }),
  );
}
