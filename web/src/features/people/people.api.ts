import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { Person, type PersonInput, PersonPage, type PersonPatch } from "../../../../contract/people";
import { api } from "../../api/client";

export type PeopleListParams = {
  q?: string | undefined;
  role?: string | undefined;
  schoolId?: string | undefined;
  status?: string | undefined;
  sort: "name" | "email" | "created";
  page: number;
  pageSize: number;
};

const InviteSent = z.object({ ok: z.literal(true), expiresAt: z.string() });

export function peopleListQuery(params: PeopleListParams) {
  return queryOptions({
    queryKey: ["people", "list", params],
    queryFn: () => api("/people", PersonPage, { query: params }),
    placeholderData: keepPreviousData,
  });
}

export function personQuery(id: string) {
  return queryOptions({ queryKey: ["people", "detail", id], queryFn: () => api(`/people/${id}`, Person) });
}

/** Every change to a person can move them in a list (status, name), so all people queries refresh. */
function usePersonMutation<TInput>(send: (input: TInput) => Promise<Person>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (person) => {
      queryClient.setQueryData(personQuery(person.id).queryKey, person);
      await queryClient.invalidateQueries({ queryKey: ["people", "list"] });
      // Staff counts follow people's roles; invitations land in the outbox; every change is audited.
      for (const queryKey of [["schools", "list"], ["outbox"], ["audit"]]) {
        await queryClient.invalidateQueries({ queryKey });
      }
    },
  });
}

export function useCreatePerson() {
  return usePersonMutation((input: PersonInput) => api("/people", Person, { method: "POST", body: input }));
}

export function useUpdatePerson(id: string) {
  return usePersonMutation((patch: PersonPatch) => api(`/people/${id}`, Person, { method: "PATCH", body: patch }));
}

export function useDeactivatePerson(id: string) {
  return usePersonMutation(() => api(`/people/${id}/deactivate`, Person, { method: "POST" }));
}

export function useReactivatePerson(id: string) {
  return usePersonMutation(() => api(`/people/${id}/reactivate`, Person, { method: "POST" }));
}

/** Sends a fresh invitation email; the outbox shows it straight away. */
export function useResendInvite(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(`/people/${id}/invite`, InviteSent, { method: "POST" }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["outbox"] });
      await queryClient.invalidateQueries({ queryKey: ["audit"] });
    },
  });
}
