import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { InviteInfo, Me } from "../../../../contract/auth";
import { Ok } from "../../../../contract/common";
import { api } from "../../api/client";
import { meQuery } from "./me.api";

/** Signs in and primes the cache with the person, so the app renders without another round trip. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      api("/auth/sign-in", Me, { method: "POST", body: input, isUnauthorizedExpected: true }),
    onSuccess: (me) => queryClient.setQueryData(meQuery.queryKey, me),
  });
}

/** Asks for a password reset email; the answer is the same whether or not the account exists. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (input: { email: string }) => api("/auth/password-reset", Ok, { method: "POST", body: input }),
  });
}

export function useCompletePasswordReset() {
  return useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      api("/auth/password-reset/complete", Ok, { method: "POST", body: input }),
  });
}

export function inviteQuery(token: string) {
  return queryOptions({
    queryKey: ["invite", token],
    queryFn: () => api(`/invites/${encodeURIComponent(token)}`, InviteInfo),
    retry: false,
  });
}

/** Accepting an invitation sets the password and signs the person in. */
export function useAcceptInvite(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { password: string }) =>
      api(`/invites/${encodeURIComponent(token)}/accept`, Me, { method: "POST", body: input }),
    onSuccess: (me) => queryClient.setQueryData(meQuery.queryKey, me),
  });
}
