import { queryOptions } from "@tanstack/react-query";
import { DistrictHome, EducatorHome, SchoolHome } from "../../../../contract/home";
import { api } from "../../api/client";

export const educatorHomeQuery = queryOptions({
  queryKey: ["home", "educator"],
  queryFn: () => api("/home/educator", EducatorHome),
});

export function schoolHomeQuery(schoolId: string) {
  return queryOptions({
    queryKey: ["home", "school", schoolId],
    queryFn: () => api("/home/school", SchoolHome, { query: { schoolId } }),
  });
}

export const districtHomeQuery = queryOptions({
  queryKey: ["home", "district"],
  queryFn: () => api("/home/district", DistrictHome),
});
