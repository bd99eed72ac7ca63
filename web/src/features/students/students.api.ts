import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { StudentFilters, StudentPage, StudentProfile, type StudentSort } from "../../../../contract/students";
import { api } from "../../api/client";

export type StudentsListParams = {
  q?: string | undefined;
  schoolId?: string | undefined;
  classId?: string | undefined;
  grade?: string | undefined;
  sort: StudentSort;
  page: number;
  pageSize: number;
};

export function studentsListQuery(params: StudentsListParams) {
  return queryOptions({
    queryKey: ["students", "list", params],
    queryFn: () => api("/students", StudentPage, { query: params }),
    placeholderData: keepPreviousData,
  });
}

export function studentFiltersQuery(schoolId: string | undefined) {
  return queryOptions({
    queryKey: ["students", "filters", schoolId ?? "all"],
    queryFn: () => api("/students/filters", StudentFilters, { query: { schoolId } }),
    staleTime: 60_000,
  });
}

export function studentQuery(studentId: string) {
  return queryOptions({
    queryKey: ["students", "detail", studentId],
    queryFn: () => api(`/students/${studentId}`, StudentProfile),
  });
}
