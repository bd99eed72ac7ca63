import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { School, SchoolPage, type SchoolPatch } from "../../../../contract/schools";
import { api } from "../../api/client";

export type SchoolInput = { name: string; level: School["level"] };
type SchoolList = { q?: string | undefined; includeArchived: boolean; page: number; pageSize: number };

export function schoolListQuery(params: SchoolList) {
  return queryOptions({
    queryKey: ["schools", "list", params],
    queryFn: () =>
      api("/schools", SchoolPage, { query: { ...params, includeArchived: String(params.includeArchived) } }),
    placeholderData: keepPreviousData,
  });
}

/** Every open school of the district, for the school pickers in forms and filters. */
export const schoolChoicesQuery = queryOptions({
  queryKey: ["schools", "choices"],
  queryFn: async () => (await api("/schools", SchoolPage, { query: { pageSize: 200 } })).items,
  staleTime: 5 * 60_000,
});

function useInvalidateSchools() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["schools"] });
}

export function useCreateSchool() {
  const invalidate = useInvalidateSchools();
  return useMutation({
    mutationFn: (input: SchoolInput) => api("/schools", School, { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}

/** Renames, re-levels, archives or restores a school. */
export function useUpdateSchool() {
  const invalidate = useInvalidateSchools();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: z.input<typeof SchoolPatch> }) =>
      api(`/schools/${id}`, School, { method: "PATCH", body: patch }),
    onSuccess: invalidate,
  });
}
