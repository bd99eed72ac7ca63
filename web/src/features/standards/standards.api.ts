import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { Ok } from "../../../../contract/common";
import {
  FrameworkList,
  ImportReport,
  LearningTarget,
  type LearningTargetInput,
  type LearningTargetPatch,
  type Removals,
  RemovalsProblem,
  StandardDetail,
  StandardNodeList,
  StandardSearchPage,
} from "../../../../contract/standards";
import { ApiError, api } from "../../api/client";
import { type UploadProgress, uploadForm } from "../../api/upload";

export function frameworksQuery(subject: string | undefined) {
  return queryOptions({
    queryKey: ["standards", "frameworks", { subject }],
    queryFn: () => api("/standards/frameworks", FrameworkList, { query: { subject } }),
    placeholderData: keepPreviousData,
  });
}

/** The whole framework, flattened (parents first), only what the grade filter lets through. */
export function treeQuery(frameworkId: string, grade: string | undefined) {
  return queryOptions({
    queryKey: ["standards", "tree", frameworkId, { grade }],
    queryFn: () => api(`/standards/frameworks/${frameworkId}/tree`, StandardNodeList, { query: { grade } }),
    staleTime: 5 * 60_000,
  });
}

export type StandardSearchParams = {
  q: string;
  frameworkId?: string | undefined;
  grade?: string | undefined;
  subject?: string | undefined;
  page: number;
  pageSize: number;
};

export function standardSearchQuery(params: StandardSearchParams) {
  return queryOptions({
    queryKey: ["standards", "search", params],
    queryFn: () => api("/standards/search", StandardSearchPage, { query: params }),
    placeholderData: keepPreviousData,
  });
}

export function standardQuery(id: string) {
  return queryOptions({
    queryKey: ["standards", "detail", id],
    queryFn: () => api(`/standards/${id}`, StandardDetail),
  });
}

export type ImportSource = ({ kind: "file"; file: File; onProgress: UploadProgress } | { kind: "url"; url: string }) & {
  /** Confirms that standards the package no longer holds are removed (the server answers 409 without it). */
  allowRemovals?: boolean;
};

/** A file goes as multipart (`file`); a URL as JSON, and the server fetches it. */
export function useImportFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (source: ImportSource) => {
      const allowRemovals = source.allowRemovals === true;
      if (source.kind === "url") {
        const body = { url: source.url, ...(allowRemovals ? { allowRemovals } : {}) };
        return api("/standards/frameworks", ImportReport, { method: "POST", body });
      }
      const form = new FormData();
      if (allowRemovals) form.append("allowRemovals", "true");
      form.append("file", source.file, source.file.name);
      return uploadForm("/standards/frameworks", form, ImportReport, source.onProgress);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["standards"] }),
  });
}

/** What a refused re-import would remove, when the server asked for the confirmation (409). */
export function removalsToConfirm(error: unknown): Removals | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const problem = RemovalsProblem.safeParse(error.body);
  return problem.success ? problem.data.removals : null;
}

export function useDeleteFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/standards/frameworks/${id}`, Ok, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["standards"] }),
  });
}

/** Learning targets change the standard's detail only. */
function useTargetMutation<TInput, TOutput>(standardId: string, send: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["standards", "detail", standardId] }),
  });
}

export function useCreateTarget(standardId: string) {
  return useTargetMutation(standardId, (input: z.input<typeof LearningTargetInput>) =>
    api(`/standards/${standardId}/targets`, LearningTarget, { method: "POST", body: input }),
  );
}

export function useUpdateTarget(standardId: string) {
  return useTargetMutation(standardId, ({ id, patch }: { id: string; patch: z.input<typeof LearningTargetPatch> }) =>
    api(`/standards/targets/${id}`, LearningTarget, { method: "PATCH", body: patch }),
  );
}

export function useDeleteTarget(standardId: string) {
  return useTargetMutation(standardId, (id: string) => api(`/standards/targets/${id}`, Ok, { method: "DELETE" }));
}
