import type { z } from "zod";
import { type Checkin, CheckinResponseInput } from "../../../../contract/communities";
import { RadioGroup } from "../../components/ChoiceGroup";
import { FormAlert } from "../../components/FormAlert";
import { formatDay } from "../../components/format";
import { useContractForm } from "../../components/use-contract-form";
import styles from "./CheckinRatingForm.module.css";
import { useRespondToCheckin } from "./norms.api";

export const RATING_LABELS = ["Rarely", "Sometimes", "Usually", "Always"] as const;
const RATINGS = ["1", "2", "3", "4"] as const;
type Rating = (typeof RATINGS)[number];

type RatingValues = { ratings: (Rating | null)[] };

type CheckinRatingFormProps = { communityId: string; checkin: z.infer<typeof Checkin> };

/** One member's anonymous ratings of each norm, 1 to 4. */
export function CheckinRatingForm({ communityId, checkin }: CheckinRatingFormProps) {
  const respond = useRespondToCheckin(communityId);
  const form = useContractForm<typeof CheckinResponseInput, RatingValues>({
    schema: CheckinResponseInput,
    defaultValues: { ratings: checkin.norms.map(() => null) },
    // A norm not yet rated is null, which the schema refuses at that norm's place.
    toInput: ({ ratings }) => ({ ratings: ratings.map((rating) => (rating === null ? null : Number(rating))) }),
    messages: Object.fromEntries(
      checkin.norms.map((_, index) => [`ratings/${index}`, "Choose a rating for this norm."]),
    ),
    onValid: ({ ratings }) => respond.mutate({ checkinId: checkin.id, ratings }, { onError: form.showProblem }),
  });
  const ratings = form.watch("ratings");
  const headingId = `checkin-${checkin.id}-heading`;

  return (
    <form
      ref={form.formRef}
      onSubmit={form.onSubmit}
      noValidate
      className={`form ${styles.form}`}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>Rate our norms (open until {formatDay(checkin.closesOn)})</h3>
      <p className="notice notice-info">
        Your ratings are anonymous: the team sees only the average for each norm, never who gave which rating.
      </p>
      <FormAlert message={form.formMessage ?? form.fieldError("ratings") ?? null} />
      {checkin.norms.map((norm, index) => (
        <RadioGroup
          // biome-ignore lint/suspicious/noArrayIndexKey: the check-in's norms are fixed; ratings go by position
          key={index}
          legend={norm}
          isInline
          choices={RATINGS.map((value, i) => ({ value, label: `${value} – ${RATING_LABELS[i]}` }))}
          value={ratings[index] ?? null}
          onChange={(value) => form.setValue(`ratings.${index}`, value)}
          error={form.fieldError(`ratings/${index}`)}
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
