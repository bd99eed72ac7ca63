import { type FormEvent, useRef, useState } from "react";
import type { z } from "zod";
import type { Checkin } from "../../../../contract/communities";
import { RadioGroup } from "../../components/ChoiceGroup";
import { FormAlert } from "../../components/FormAlert";
import { type FieldErrors, NO_PROBLEM, problemFromError } from "../../components/form-errors";
import { formatDay } from "../../components/format";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import styles from "./CheckinRatingForm.module.css";
import { useRespondToCheckin } from "./norms.api";

export const RATING_LABELS = ["Rarely", "Sometimes", "Usually", "Always"] as const;
const RATINGS = ["1", "2", "3", "4"] as const;
type Rating = (typeof RATINGS)[number];

type CheckinRatingFormProps = { communityId: string; checkin: z.infer<typeof Checkin> };

/** One member's anonymous ratings of each norm, 1 to 4. */
export function CheckinRatingForm({ communityId, checkin }: CheckinRatingFormProps) {
  const respond = useRespondToCheckin(communityId);
  const formRef = useRef<HTMLFormElement>(null);
  const [ratings, setRatings] = useState<(Rating | null)[]>(() => checkin.norms.map(() => null));
  const [problem, setProblem] = useState(NO_PROBLEM);
  useFocusFirstError(formRef, problem);
  const headingId = `checkin-${checkin.id}-heading`;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldErrors = {};
    ratings.forEach((rating, index) => {
      if (rating === null) missing[`ratings/${index}`] = "Choose a rating for this norm.";
    });
    if (Object.keys(missing).length) return setProblem({ fields: missing, message: null });
    setProblem(NO_PROBLEM);
    respond.mutate(
      { checkinId: checkin.id, ratings: ratings.map(Number) },
      { onError: (error) => setProblem(problemFromError(error)) },
    );
  }

  return (
    <form
      ref={formRef}
      onSubmit={handleSubmit}
      noValidate
      className={`form ${styles.form}`}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>Rate our norms (open until {formatDay(checkin.closesOn)})</h3>
      <p className="notice notice-info">
        Your ratings are anonymous: the team sees only the average for each norm, never who gave which rating.
      </p>
      <FormAlert message={problem.message ?? problem.fields.ratings ?? null} />
      {checkin.norms.map((norm, index) => (
        <RadioGroup
          // biome-ignore lint/suspicious/noArrayIndexKey: the check-in's norms are fixed; ratings go by position
          key={index}
          legend={norm}
          isInline
          choices={RATINGS.map((value, i) => ({ value, label: `${value} – ${RATING_LABELS[i]}` }))}
          value={ratings[index] ?? null}
          onChange={(value) => setRatings(ratings.map((old, i) => (i === index ? value : old)))}
          error={problem.fields[`ratings/${index}`]}
        />
      ))}
      <div className="actions">
        <button type="submit" className="button" disabled={respond.isPending}>
          Submit ratings
        </button>
      </div>
    </form>
  );
}
