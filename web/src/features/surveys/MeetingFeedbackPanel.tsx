import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { formatDay } from "../../components/format";
import { meetingFeedbackQuery, useAskFeedback } from "./feedback.api";

/**
 * A meeting's feedback: the facilitator asks for it once the meeting has started; those present answer
 * anonymously on the round's page, where the team sees the counts once enough have answered.
 */
export function MeetingFeedbackPanel({ meetingId }: { meetingId: string }) {
  const feedback = useQuery(meetingFeedbackQuery(meetingId));
  const ask = useAskFeedback(meetingId);
  if (!feedback.data) return null;
  const { round, can } = feedback.data;
  if (!round && !can.ask) return null;
  return (
    <section className="panel" aria-labelledby="meeting-feedback-heading">
      <h2 id="meeting-feedback-heading">Feedback on this meeting</h2>
      {round ? (
        <>
          <p>
            {round.answered} of {round.expected} answered
            {round.status === "open" ? ` · open until ${formatDay(round.closesOn)}` : " · closed"}
            {round.hasAnswered ? " · you have answered" : ""}
          </p>
          <Link className="button button-secondary" to="/surveys/rounds/$roundId" params={{ roundId: round.id }}>
            {round.can.answer ? "Give your feedback" : "See the feedback"}
          </Link>
        </>
      ) : (
        <>
          <p className="muted">
            Four quick statements for those who were there, answered anonymously and open for a week. How people judged
            their meetings counts in the school's evaluation of professional learning.
          </p>
          <FormAlert message={ask.isError ? problemFromError(ask.error).message : null} />
          <button type="button" className="button" disabled={ask.isPending} onClick={() => ask.mutate()}>
            Ask for feedback
          </button>
        </>
      )}
    </section>
  );
}
