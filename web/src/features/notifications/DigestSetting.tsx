import { useQuery } from "@tanstack/react-query";
import { CheckboxField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { notificationSettingsQuery, useSaveNotificationSettings } from "./notifications.api";

/** Whether unread notifications also arrive as one email a day; saved as soon as it changes. */
export function DigestSetting() {
  const settings = useQuery(notificationSettingsQuery);
  const save = useSaveNotificationSettings();
  return (
    <section className="panel" aria-labelledby="digest-heading">
      <h2 id="digest-heading">Email digest</h2>
      {settings.isPending ? (
        <Loading label="Loading your settings…" />
      ) : settings.isError ? (
        <ErrorNotice error={settings.error} onRetry={() => settings.refetch()} />
      ) : (
        <>
          <FormAlert message={save.error ? problemFromError(save.error).message : null} />
          <CheckboxField
            label="Email me a daily digest of unread notifications"
            checked={save.isPending ? save.variables.emailDigest : settings.data.emailDigest}
            disabled={save.isPending}
            onChange={(event) => save.mutate({ emailDigest: event.target.checked })}
          />
          <p role="status" className="save-status">
            {save.isSuccess ? "Saved." : ""}
          </p>
        </>
      )}
    </section>
  );
}
