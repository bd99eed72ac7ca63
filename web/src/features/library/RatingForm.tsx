import { useState } from "react";
import type { ResourceDetail } from "../../../../contract/library";
import { RadioGroup } from "../../components/ChoiceGroup";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { useRateResource } from "./library.api";

const RATINGS = [
  { value: "1", label: "1 – Not useful" },
  { value: "2", label: "2" },
  { value: "3", label: "3 – Somewhat useful" },
  { value: "4", label: "4" },
  { value: "5", label: "5 – Very useful" },
] as const;
type RatingValue = (typeof RATINGS)[number]["value"];

/** One's own usefulness rating, saved as soon as it is chosen. */
export function RatingForm({ resource }: { resource: ResourceDetail }) {
  const rate = useRateResource(resource.id);
  const [value, setValue] = useState<RatingValue | null>(
    resource.myRating ? (String(resource.myRating) as RatingValue) : null,
  );
  return (
    <section className="panel" aria-labelledby="rating-heading">
      <h2 id="rating-heading">Your rating</h2>
      <FormAlert message={rate.error ? problemFromError(rate.error).message : null} />
      <RadioGroup
        legend="How useful was this?"
        isInline
        choices={RATINGS}
        value={value}
        isDisabled={rate.isPending}
        onChange={(next) => {
          setValue(next);
          rate.mutate(Number(next));
        }}
      />
      <p role="status" className="save-status">
        {rate.isSuccess ? "Thanks, your rating is saved." : ""}
      </p>
    </section>
  );
}
