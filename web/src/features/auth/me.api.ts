import { queryOptions, useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import { Me, type MePatch } from "../../../../contract/auth";
import { api, apiVoid } from "../../api/client";
import { setDistrictTimeZone } from "../../components/format";

/** The signed-in person; the signed-in layout loads it before any page renders. */
export const meQuery = queryOptions({
  queryKey: ["me"],
  queryFn: () => api("/me", Me, { isUnauthorizedExpected: true }),
  staleTime: 5 * 60_000,
});

/** The signed-in person, already loaded by the signed-in layout. */
export function useMe(): Me {
  const me = useSuspenseQuery(meQuery).data;
  // However /me arrived (loaded, or answered by sign-in), "today" in date fields is the district's today.
  setDistrictTimeZone(me.district.timeZone);
  return me;
}

/** Changes what a person may change about themselves (their language); the shell re-renders with it. */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: MePatch) => api("/me", Me, { method: "PATCH", body: patch }),
    onSuccess: (me) => queryClient.setQueryData(meQuery.queryKey, me),
  });
}

/** Ends this session and forgets everything cached for it. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: () => apiVoid("/auth/sign-out", { method: "POST" }),
    onSettled: async () => {
      await router.navigate({ to: "/sign-in" });
      queryClient.clear();
    },
  });
}
