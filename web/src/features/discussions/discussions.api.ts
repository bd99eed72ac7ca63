import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  SearchResults,
  ThreadDetail,
  type ThreadInput,
  ThreadPage,
  type ThreadPatch,
} from "../../../../contract/discussions";
import { api } from "../../api/client";
import { type UploadProgress, uploadForm } from "../../api/upload";

/** Where a list of threads lives: one community's discussions, or the district forum. */
export type ThreadPlace = { kind: "community"; communityId: string } | { kind: "forum" };

function threadsPath(place: ThreadPlace): string {
  return place.kind === "community" ? `/communities/${place.communityId}/threads` : "/forum/threads";
}

export function threadListQuery(
  place: ThreadPlace,
  params: { q?: string | undefined; page: number; pageSize: number },
) {
  return queryOptions({
    queryKey: ["threads", "list", place, params],
    queryFn: () => api(threadsPath(place), ThreadPage, { query: params }),
    placeholderData: keepPreviousData,
  });
}

export function threadQuery(id: string) {
  return queryOptions({
    queryKey: ["threads", "detail", id],
    queryFn: () => api(`/threads/${id}`, ThreadDetail),
  });
}

/** Threads, replies and resources matching the words, best first. */
export function discussionSearchQuery(q: string) {
  return queryOptions({
    queryKey: ["discussions", "search", q],
    queryFn: () => api("/discussions/search", SearchResults, { query: { q } }),
    enabled: q.trim().length > 0,
  });
}

export function useStartThread(place: ThreadPlace) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof ThreadInput>) =>
      api(threadsPath(place), ThreadDetail, { method: "POST", body: input }),
    onSuccess: async (thread) => {
      queryClient.setQueryData(threadQuery(thread.id).queryKey, thread);
      await queryClient.invalidateQueries({ queryKey: ["threads", "list"] });
    },
  });
}

/** Replying and editing both answer with the whole thread, which replaces the cached one. */
function useThreadMutation<TInput>(send: (input: TInput) => Promise<ThreadDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (thread) => {
      queryClient.setQueryData(threadQuery(thread.id).queryKey, thread);
      await queryClient.invalidateQueries({ queryKey: ["threads", "list"] });
    },
  });
}

export function useReplyToThread(id: string) {
  return useThreadMutation((body: string) =>
    api(`/threads/${id}/replies`, ThreadDetail, { method: "POST", body: { body } }),
  );
}

export function useUpdateThread(id: string) {
  return useThreadMutation((patch: z.input<typeof ThreadPatch>) =>
    api(`/threads/${id}`, ThreadDetail, { method: "PATCH", body: patch }),
  );
}

type NewAttachment = { replyId: string | null; file: File; onProgress: UploadProgress };

/** Attaches one file to the opening message (no replyId) or to a reply; only the post's author may. */
export function useAttachFile(threadId: string) {
  return useThreadMutation(({ replyId, file, onProgress }: NewAttachment) => {
    const form = new FormData();
    form.append("file", file, file.name);
    const path = replyId ? `/threads/${threadId}/replies/${replyId}/attachments` : `/threads/${threadId}/attachments`;
    return uploadForm(path, form, ThreadDetail, onProgress);
  });
}
