import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  ChildSupport,
  FamilyInbox,
  FamilyNote,
  type FamilyNoteInput,
  FamilyNoteList,
  type FamilyReplyInput,
} from "../../../../contract/family-voice";
import { api } from "../../api/client";

export function childSupportQuery(studentId: string) {
  return queryOptions({
    queryKey: ["family", "support", studentId],
    queryFn: () => api(`/family/children/${studentId}/support`, ChildSupport),
  });
}

export function studentFamilyNotesQuery(studentId: string) {
  return queryOptions({
    queryKey: ["family-notes", studentId],
    queryFn: () => api(`/students/${studentId}/family-notes`, FamilyNoteList),
  });
}

/** A family member's note to their child's team; it shows among the notes they sent. */
export function useSendFamilyNote(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FamilyNoteInput) =>
      api(`/family/children/${studentId}/notes`, FamilyNote, { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["family", "support", studentId] }),
  });
}

/** Staff mark a family note as read; it leaves the team's review list. */
export function useAcknowledgeFamilyNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (noteId: string) => api(`/family-notes/${noteId}/acknowledge`, FamilyNote, { method: "POST" }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["family-notes"] });
      await queryClient.invalidateQueries({ queryKey: ["student-review", "list"] });
    },
  });
}

export const familyInboxQuery = queryOptions({
  queryKey: ["family-notes", "inbox"],
  queryFn: () => api("/family-notes", FamilyInbox),
});

/** Staff answer a family's note (it counts as read); the family is told in their language. */
export function useReplyToFamilyNote(noteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.output<typeof FamilyReplyInput>) =>
      api(`/family-notes/${noteId}/replies`, FamilyNote, { method: "POST", body: input }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["family-notes"] });
      await queryClient.invalidateQueries({ queryKey: ["student-review", "list"] });
    },
  });
}
