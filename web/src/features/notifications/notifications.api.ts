import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { Ok } from "../../../../contract/common";
import { NotificationList, NotificationSettings } from "../../../../contract/notifications";
import { api } from "../../api/client";

/** The bell's list; it refreshes every minute and whenever the window regains focus. */
export const notificationsQuery = queryOptions({
  queryKey: ["notifications", "list"],
  queryFn: () => api("/me/notifications", NotificationList),
  refetchInterval: 60_000,
  refetchOnWindowFocus: true,
});

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids: string[] } | { all: true }) =>
      api("/me/notifications/read", Ok, { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["notifications", "list"] }),
  });
}

export const notificationSettingsQuery = queryOptions({
  queryKey: ["notifications", "settings"],
  queryFn: () => api("/me/notification-settings", NotificationSettings),
});

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof NotificationSettings>) =>
      api("/me/notification-settings", NotificationSettings, { method: "PUT", body: input }),
    onSuccess: (settings) => queryClient.setQueryData(notificationSettingsQuery.queryKey, settings),
  });
}
