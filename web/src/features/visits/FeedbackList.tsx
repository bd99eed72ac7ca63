import type { Visit } from "../../../../contract/visits";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { formatDateTime } from "../../components/format";
import styles from "./FeedbackList.module.css";
import { useShareFeedback } from "./visits.api";

type FeedbackListProps = { visit: Visit; isHost: boolean; canShare: boolean };

/** The feedback this person may read; the host may share each piece with the visit's team, or stop. */
export function FeedbackList({ visit, isHost, canShare }: FeedbackListProps) {
  const share = useShareFeedback(visit.id);
  const hasTeam = visit.community !== null;
  return (
    <section className="panel" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">Feedback</h2>
      {isHost ? (
        <p className="muted">
          Only you read this feedback
          {hasTeam ? `, unless you share it with ${visit.community?.name}.` : "."}
        </p>
      ) : null}
      <FormAlert message={share.error ? problemFromError(share.error).message : null} />
      {visit.feedback.length === 0 ? (
        <p className="muted">No feedback yet.</p>
      ) : (
        <ul className={styles.list}>
          {visit.feedback.map((feedback) => (
            <li key={feedback.id}>
              <article aria-label={`Feedback from ${feedback.visitor.name}`}>
                <p className="post-meta muted">
                  <strong>{feedback.visitor.name}</strong> · {formatDateTime(feedback.createdAt)}
                  {feedback.isSharedWithTeam ? " · shared with the team" : ""}
                </p>
                <dl className="details">
                  <dt>Observations</dt>
                  <dd className={styles.body}>{feedback.observations}</dd>
                  {feedback.whatWorked ? (
                    <>
                      <dt>What worked</dt>
                      <dd className={styles.body}>{feedback.whatWorked}</dd>
                    </>
                  ) : null}
                  {feedback.whatToTry ? (
                    <>
                      <dt>What to try</dt>
                      <dd className={styles.body}>{feedback.whatToTry}</dd>
                    </>
                  ) : null}
                  {feedback.question ? (
                    <>
                      <dt>A question</dt>
                      <dd className={styles.body}>{feedback.question}</dd>
                    </>
                  ) : null}
                </dl>
                {canShare && hasTeam ? (
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={share.isPending}
                    aria-label={`${feedback.isSharedWithTeam ? "Stop sharing" : "Share with my team"}: feedback from ${feedback.visitor.name}`}
                    onClick={() => share.mutate({ feedbackId: feedback.id, isShared: !feedback.isSharedWithTeam })}
                  >
                    {feedback.isSharedWithTeam ? "Stop sharing" : "Share with my team"}
                  </button>
                ) : null}
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
