import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { RevokedCount, SessionList } from "../../../../contract/auth";
import { Ok } from "../../../../contract/common";
import { CalendarFeed } from "../../../../contract/meetings";
import { api, apiVoid } from "../../api/client";

export const sessionsQuery = queryOptions({
  queryKey: ["me", "sessions"],
  queryFn: () => api("/me/sessions", SessionList),
});

function useRefreshSessions() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: sessionsQuery.queryKey });
}

/** Changing the password also ends every other session, so the list refreshes. */
export function useChangePassword() {
  const refreshSessions = useRefreshSessions();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api("/me/password", Ok, { method: "POST", body: input }),
    onSuccess: refreshSessions,
  });
}

export function useRevokeSession() {
  const refreshSessions = useRefreshSessions();
  return useMutation({
    mutationFn: (id: string) => apiVoid(`/me/sessions/${id}`, { method: "DELETE" }),
    onSuccess: refreshSessions,
  });
}

export function useSignOutEverywhereElse() {
  const refreshSessions = useRefreshSessions();
  return useMutation({
    mutationFn: () => api("/me/sessions/sign-out-everywhere", RevokedCount, { method: "POST" }),
    onSuccess: refreshSessions,
  });
}

/** Makes a new private calendar link; the previous link stops working. */
export function useCreateCalendarFeed() {
  return useMutation({ mutationFn: () => api("/me/calendar-feed", CalendarFeed, { method: "POST" }) });
}
