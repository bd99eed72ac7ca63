import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { Ok } from "../../../../contract/common";
import {
  type AttendanceInput,
  MeetingDetail,
  type MeetingInput,
  MeetingList,
  type MeetingPatch,
} from "../../../../contract/meetings";
import { api } from "../../api/client";

export function communityMeetingsQuery(communityId: string, when: "upcoming" | "past") {
  return queryOptions({
    queryKey: ["meetings", "list", communityId, when],
    queryFn: () => api(`/communities/${communityId}/meetings`, MeetingList, { query: { when } }),
  });
}

/** A meeting's page; while it runs, it refreshes now and then so everyone follows the same step. */
export function meetingQuery(id: string) {
  return queryOptions({
    queryKey: ["meetings", "detail", id],
    queryFn: () => api(`/meetings/${id}`, MeetingDetail),
    refetchInterval: (query) => (query.state.data?.status === "in_progress" ? 20_000 : false),
  });
}

/** Scheduling adds meetings to the community's lists and home page. */
export function useScheduleMeetings(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof MeetingInput>) =>
      api(`/communities/${communityId}/meetings`, MeetingList, { method: "POST", body: input }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["meetings", "list", communityId] });
      await queryClient.invalidateQueries({ queryKey: ["communities"] });
    },
  });
}

/** Every change to a meeting answers with the whole meeting, which replaces the cached one. */
function useMeetingMutation<TInput>(id: string, send: (input: TInput) => Promise<MeetingDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (meeting) => {
      queryClient.setQueryData(meetingQuery(id).queryKey, meeting);
      await queryClient.invalidateQueries({ queryKey: ["meetings", "list", meeting.communityId] });
      await queryClient.invalidateQueries({ queryKey: ["communities", "detail", meeting.communityId] });
    },
  });
}

export function useStartMeeting(id: string) {
  return useMeetingMutation(id, () => api(`/meetings/${id}/start`, MeetingDetail, { method: "POST" }));
}

export function useGoToStep(id: string) {
  return useMeetingMutation(id, (step: number) =>
    api(`/meetings/${id}/step`, MeetingDetail, { method: "POST", body: { step } }),
  );
}

export function useCompleteMeeting(id: string) {
  return useMeetingMutation(id, () => api(`/meetings/${id}/complete`, MeetingDetail, { method: "POST" }));
}

export function useUpdateMeeting(id: string) {
  return useMeetingMutation(id, (patch: z.input<typeof MeetingPatch>) =>
    api(`/meetings/${id}`, MeetingDetail, { method: "PATCH", body: patch }),
  );
}

export function useSaveAttendance(id: string) {
  return useMeetingMutation(id, (input: z.input<typeof AttendanceInput>) =>
    api(`/meetings/${id}/attendance`, MeetingDetail, { method: "PUT", body: input }),
  );
}

export function useAddDecision(id: string) {
  return useMeetingMutation(id, (text: string) =>
    api(`/meetings/${id}/decisions`, MeetingDetail, { method: "POST", body: { text } }),
  );
}

export function useRemoveDecision(id: string) {
  return useMeetingMutation(id, (decisionId: string) =>
    api(`/meetings/${id}/decisions/${decisionId}`, MeetingDetail, { method: "DELETE" }),
  );
}

/** Emails the summary to every active member; the message waits in the outbox. */
export function useEmailSummary(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(`/meetings/${id}/summary/email`, Ok, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["outbox"] }),
  });
}
