import { useRef, useState } from "react";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import styles from "./CalendarFeedSection.module.css";
import { useCreateCalendarFeed } from "./profile.api";

/** A private iCalendar link to the meetings of one's communities, for Google, Outlook or Apple Calendar. */
export function CalendarFeedSection() {
  const createFeed = useCreateCalendarFeed();
  const fieldRef = useRef<HTMLDivElement>(null);
  const [copyStatus, setCopyStatus] = useState<string | null>(null);
  const url = createFeed.data?.url ?? null;

  async function handleCopy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopyStatus("Link copied.");
    } catch {
      // Without clipboard access (an insecure page, a refused permission), select the text for the person to copy.
      const input = fieldRef.current?.querySelector("input");
      input?.focus();
      input?.select();
      setCopyStatus("Could not copy automatically. The link is selected: press Ctrl+C (or ⌘C) to copy it.");
    }
  }

  return (
    <section className="panel" aria-labelledby="calendar-feed-heading">
      <h2 id="calendar-feed-heading">Calendar feed</h2>
      <p>
        Subscribe to your communities' meetings in Google Calendar, Outlook or Apple Calendar with a private link.
        Anyone with the link can see your meetings, so keep it to yourself.
      </p>
      <p className="muted">
        Making a new link turns off the old one. If you shared a link by mistake, make a new one and subscribe again.
      </p>
      <FormAlert message={createFeed.error ? problemFromError(createFeed.error).message : null} />
      <div role="status" className="status-region">
        {url ? (
          <p className="notice notice-success">Your new calendar link is ready. Any earlier link no longer works.</p>
        ) : null}
      </div>
      {url ? (
        <div ref={fieldRef} className={styles.copyField}>
          <TextField
            label="Calendar link"
            value={url}
            readOnly
            className="mono"
            onFocus={(event) => event.target.select()}
          />
          <button type="button" className="button button-secondary" onClick={handleCopy}>
            Copy link
          </button>
          <p role="status" className="save-status">
            {copyStatus ?? ""}
          </p>
        </div>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            setCopyStatus(null);
            createFeed.mutate();
          }}
          disabled={createFeed.isPending}
        >
          Create calendar link
        </button>
      </div>
    </section>
  );
}
