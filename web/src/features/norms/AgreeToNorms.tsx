import { useRef } from "react";
import type { z } from "zod";
import type { NormVersion } from "../../../../contract/communities";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { formatDate } from "../../components/format";
import { useMe } from "../auth/me.api";
import { useAgreeToNorms } from "./norms.api";

type AgreeToNormsProps = {
  communityId: string;
  norms: z.infer<typeof NormVersion>;
  /** The community's `can.participate`: members agree to their team's norms. */
  canParticipate: boolean;
};

/** Who agreed to the current norms, and "I agree to these norms" for a member who has not yet. */
export function AgreeToNorms({ communityId, norms, canParticipate }: AgreeToNormsProps) {
  const me = useMe();
  const agree = useAgreeToNorms(communityId);
  const mine = norms.agreedBy.find((agreement) => agreement.personId === me.id);
  const regionRef = useRef<HTMLDivElement>(null);

  return (
    <div ref={regionRef} tabIndex={-1} className="agreement focus-region">
      <p>
        {norms.agreedBy.length === 0 ? (
          "Nobody has agreed to this version yet."
        ) : (
          <>
            Agreed by {norms.agreedBy.map((agreement) => agreement.displayName).join(", ")}.
            {norms.allAgreed ? " Every member has agreed." : ""}
          </>
        )}
      </p>
      {mine ? <p className="muted">You agreed to these norms on {formatDate(mine.agreedAt)}.</p> : null}
      <div role="status" className="status-region">
        {agree.isSuccess ? <p className="notice notice-success">Thank you for agreeing to the norms.</p> : null}
      </div>
      <FormAlert message={agree.error ? problemFromError(agree.error).message : null} />
      {canParticipate && !mine ? (
        <button
          type="button"
          className="button"
          onClick={() =>
            // The button leaves once agreed; focus stays in this block, on the confirmation.
            agree.mutate(undefined, { onSuccess: () => requestAnimationFrame(() => regionRef.current?.focus()) })
          }
          disabled={agree.isPending}
        >
          I agree to these norms
        </button>
      ) : null}
    </div>
  );
}
