import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { ChildSupport, FamilyNote, type FamilyNoteInput, FamilyNoteList } from "../../../../contract/family-voice";
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
export function useAcknowledgeFamilyNote(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (noteId: string) => api(`/family-notes/${noteId}/acknowledge`, FamilyNote, { method: "POST" }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["family-notes", studentId] });
      await queryClient.invalidateQueries({ queryKey: ["student-review", "list"] });
    },
  });
}
