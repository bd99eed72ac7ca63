import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { FamilySurveyList, MeetingFeedback, Round } from "../../../../contract/surveys";
import { api } from "../../api/client";

export function meetingFeedbackQuery(meetingId: string) {
  return queryOptions({
    queryKey: ["surveys", "meeting", meetingId],
    queryFn: () => api(`/meetings/${meetingId}/feedback`, MeetingFeedback),
  });
}

export function useAskFeedback(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(`/meetings/${meetingId}/feedback`, Round, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["surveys"] }),
  });
}

export const familySurveysQuery = queryOptions({
  queryKey: ["surveys", "family"],
  queryFn: () => api("/family/surveys", FamilySurveyList),
});
