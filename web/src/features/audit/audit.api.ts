import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { AuditPage } from "../../../../contract/audit";
import { api } from "../../api/client";

type AuditListParams = {
  action?: string | undefined;
  subjectType?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
};

export function auditListQuery(params: AuditListParams) {
  return queryOptions({
    queryKey: ["audit", "list", params],
    queryFn: () => api("/audit", AuditPage, { query: params }),
    placeholderData: keepPreviousData,
  });
}
