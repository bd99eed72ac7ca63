import { useQuery } from "@tanstack/react-query";
import { CheckboxField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { QueryResult } from "../../components/QueryResult";
import { notificationSettingsQuery, useSaveNotificationSettings } from "./notifications.api";

/** Whether unread notifications also arrive as one email a day; saved as soon as it changes. */
export function DigestSetting() {
  const settings = useQuery(notificationSettingsQuery);
  const save = useSaveNotificationSettings();
  return (
    <section className="panel" aria-labelledby="digest-heading">
      <h2 id="digest-heading">Email digest</h2>
      <QueryResult query={settings} loadingLabel="Loading your settings…">
        {(data) => (
          <>
            <FormAlert message={save.error ? problemFromError(save.error).message : null} />
            <CheckboxField
              label="Email me a daily digest of unread notifications"
              checked={save.isPending ? save.variables.emailDigest : data.emailDigest}
              disabled={save.isPending}
              onChange={(event) => save.mutate({ emailDigest: event.target.checked, channels: {} })}
            />
            <p role="status" className="save-status">
              {save.isSuccess ? "Saved." : ""}
            </p>
          </>
        )}
      </QueryResult>
    </section>
  );
}
