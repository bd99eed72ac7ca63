import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { OutboxMessage, OutboxPage } from "../../../../contract/outbox";
import { api } from "../../api/client";

export function outboxListQuery(params: { q?: string | undefined; page: number; pageSize: number }) {
  return queryOptions({
    queryKey: ["outbox", "list", params],
    queryFn: () => api("/outbox", OutboxPage, { query: params }),
    placeholderData: keepPreviousData,
  });
}

export function outboxMessageQuery(id: string) {
  return queryOptions({ queryKey: ["outbox", "message", id], queryFn: () => api(`/outbox/${id}`, OutboxMessage) });
}
