import { queryOptions } from "@tanstack/react-query";
import { FamilyChildren } from "../../../../contract/students";
import { api } from "../../api/client";

export const familyChildrenQuery = queryOptions({
  queryKey: ["family", "children"],
  queryFn: () => api("/family/children", FamilyChildren),
});
