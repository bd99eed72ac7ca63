import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiTokenList, type CreateApiTokenInput, CreatedApiToken } from "../../../../contract/api-tokens";
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

export const apiTokensQuery = queryOptions({
  queryKey: ["me", "api-tokens"],
  queryFn: () => api("/me/api-tokens", ApiTokenList),
});

function useRefreshApiTokens() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: apiTokensQuery.queryKey });
}

/** Makes an API token; its secret is in the answer only, so the page shows it once. */
export function useCreateApiToken() {
  const refresh = useRefreshApiTokens();
  return useMutation({
    mutationFn: (input: CreateApiTokenInput) => api("/me/api-tokens", CreatedApiToken, { method: "POST", body: input }),
    onSuccess: refresh,
  });
}

export function useRevokeApiToken() {
  const refresh = useRefreshApiTokens();
  return useMutation({
    mutationFn: (id: string) => apiVoid(`/me/api-tokens/${id}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
}
