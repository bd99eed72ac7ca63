import { useQuery } from "@tanstack/react-query";
import { type Channels, NOTIFICATION_KINDS, type NotificationKind } from "../../../../contract/notifications";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { QueryResult } from "../../components/QueryResult";
import { TableScroll } from "../../components/TableScroll";
import { notificationSettingsQuery, useSaveNotificationSettings } from "./notifications.api";

/** What each kind of notice is about, in the words the profile shows. */
const KIND_LABELS: Record<NotificationKind, string> = {
  mention: "Someone mentions me",
  reply: "A reply in a discussion I follow",
  action_item: "An action item is assigned to me",
  visit: "A classroom visit: an invitation or feedback",
  family_note: "A family writes about a student of mine",
  action_item_due: "An action item of mine is due tomorrow",
  action_item_overdue: "An action item of mine is overdue",
  meeting_soon: "A team meeting starts within a day, and within the hour (with its agenda)",
  decision_rule: "A decision rule flags a plan I deliver or my team's",
  family_reply: "The school answers a note I sent",
  plan_change: "My child's support at school starts or changes",
  not_responded: "A student of mine is still waiting for a response after the team's days to respond",
};

const CHANNELS: { key: keyof Channels; label: string }[] = [
  { key: "bell", label: "Bell" },
  { key: "email", label: "Email at once" },
  { key: "digest", label: "Daily digest" },
];

/** Each kind of notice by each channel, as checkboxes; each change is saved at once. */
export function NoticeChannels() {
  const settings = useQuery(notificationSettingsQuery);
  const save = useSaveNotificationSettings();
  return (
    <section className="panel" aria-labelledby="notice-channels-heading">
      <h2 id="notice-channels-heading">How notices reach me</h2>
      <QueryResult query={settings} loadingLabel="Loading your settings…">
        {(data) => (
          <>
            <FormAlert message={save.error ? problemFromError(save.error).message : null} />
            <TableScroll label="Notices by channel">
              <table className="data-table">
                <caption className="visually-hidden">Which notices reach me by which channel</caption>
                <thead>
                  <tr>
                    <th scope="col">Notice</th>
                    {CHANNELS.map((channel) => (
                      <th key={channel.key} scope="col">
                        {channel.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {NOTIFICATION_KINDS.map((kind) => {
                    const current = data.channels?.[kind];
                    if (!current) return null;
                    return (
                      <tr key={kind}>
                        <th scope="row">{KIND_LABELS[kind]}</th>
                        {CHANNELS.map((channel) => (
                          <td key={channel.key}>
                            <input
                              type="checkbox"
                              aria-label={`${KIND_LABELS[kind]}: ${channel.label}`}
                              checked={current[channel.key]}
                              disabled={save.isPending || (channel.key === "digest" && !data.emailDigest)}
                              onChange={(event) =>
                                save.mutate({
                                  emailDigest: data.emailDigest,
                                  channels: { [kind]: { ...current, [channel.key]: event.target.checked } },
                                })
                              }
                            />
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
            <p role="status" className="save-status">
              {save.isSuccess ? "Saved." : ""}
            </p>
          </>
        )}
      </QueryResult>
    </section>
  );
}
