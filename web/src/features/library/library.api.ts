import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { Ok } from "../../../../contract/common";
import { CommunityPage } from "../../../../contract/communities";
import {
  Resource,
  ResourceComment,
  ResourceDetail,
  type ResourceInput,
  ResourcePage,
  type ResourcePatch,
  ResourceUse,
  type UseInput,
} from "../../../../contract/library";
import { api } from "../../api/client";
import { type UploadProgress, uploadForm } from "../../api/upload";

export type ResourceListParams = {
  q?: string | undefined;
  kind?: string | undefined;
  scope?: string | undefined;
  communityId?: string | undefined;
  gradeLevel?: string | undefined;
  subject?: string | undefined;
  tag?: string | undefined;
  sort?: string | undefined;
  page: number;
  pageSize: number;
};

export function resourceListQuery(params: ResourceListParams) {
  return queryOptions({
    queryKey: ["resources", "list", params],
    queryFn: () => api("/resources", ResourcePage, { query: params }),
    placeholderData: keepPreviousData,
  });
}

export function resourceQuery(id: string) {
  return queryOptions({
    queryKey: ["resources", "detail", id],
    queryFn: () => api(`/resources/${id}`, ResourceDetail),
  });
}

/** The communities this person belongs to, for choosing where to share. */
export const myCommunitiesQuery = queryOptions({
  queryKey: ["communities", "list", "mine-for-sharing"],
  queryFn: () => api("/communities", CommunityPage, { query: { mine: "true", pageSize: 200 } }),
});

type NewResource = { input: z.input<typeof ResourceInput>; file: File | null; onProgress: UploadProgress };

/** A file goes as multipart (details as JSON in `resource`, the upload in `file`); the rest as JSON. */
export function useCreateResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, file, onProgress }: NewResource) => {
      if (!file) return api("/resources", Resource, { method: "POST", body: input });
      const form = new FormData();
      form.append("resource", JSON.stringify(input));
      form.append("file", file, file.name);
      return uploadForm("/resources", form, Resource, onProgress);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["resources", "list"] }),
  });
}

/** Everything done to a resource changes its page and the lists it appears in. */
function useResourceMutation<TInput, TOutput>(id: string, send: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["resources", "detail", id] });
      await queryClient.invalidateQueries({ queryKey: ["resources", "list"] });
    },
  });
}

export function useUpdateResource(id: string) {
  return useResourceMutation(id, (patch: ResourcePatch) =>
    api(`/resources/${id}`, Resource, { method: "PATCH", body: patch }),
  );
}

export function useDeleteResource(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(`/resources/${id}`, Ok, { method: "DELETE" }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: ["resources", "detail", id] });
      await queryClient.invalidateQueries({ queryKey: ["resources", "list"] });
    },
  });
}

export function useRateResource(id: string) {
  return useResourceMutation(id, (usefulness: number) =>
    api(`/resources/${id}/rating`, Resource, { method: "PUT", body: { usefulness } }),
  );
}

export function useCommentOnResource(id: string) {
  return useResourceMutation(id, (body: string) =>
    api(`/resources/${id}/comments`, ResourceComment, { method: "POST", body: { body } }),
  );
}

export function useRecordUse(id: string) {
  return useResourceMutation(id, (input: z.input<typeof UseInput>) =>
    api(`/resources/${id}/uses`, ResourceUse, { method: "POST", body: input }),
  );
}
