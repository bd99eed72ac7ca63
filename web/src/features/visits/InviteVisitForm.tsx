import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { VisitInput } from "../../../../contract/visits";
import { SelectField, TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { myCommunitiesQuery } from "../library/library.api";
import { type ChosenVisitor, VisitorsPicker } from "./VisitorsPicker";
import { useInviteVisitors } from "./visits.api";

const MESSAGES = {
  focus: "Say what you would like visitors to look for.",
  visitorIds: "Choose at least one colleague.",
};

/** The fields as entered: the time as the browser's local text, the visitors with their names. */
type InviteValues = { focus: string; visitors: ChosenVisitor[]; when: string; communityId: string };

/** The request body: visitors by id, the local time as an instant, blanks as null. */
function inviteBody({ focus, visitors, when, communityId }: InviteValues) {
  const startsAt = when ? new Date(when) : null;
  return {
    focus,
    visitorIds: visitors.map((visitor) => visitor.id),
    startsAt: startsAt && !Number.isNaN(startsAt.getTime()) ? startsAt.toISOString() : null,
    communityId: communityId || null,
  };
}

/** Invites colleagues into one's classroom around a focus; they are notified. */
export function InviteVisitForm() {
  const invite = useInviteVisitors();
  const communities = useQuery(myCommunitiesQuery);
  const navigate = useNavigate();
  const form = useContractForm<typeof VisitInput, InviteValues>({
    schema: VisitInput,
    defaultValues: { focus: "", visitors: [], when: "", communityId: "" },
    toInput: inviteBody,
    messages: MESSAGES,
    onValid: (visit) =>
      invite.mutate(visit, {
        onSuccess: (created) => navigate({ to: "/visits/$visitId", params: { visitId: created.id } }),
        onError: form.showProblem,
      }),
  });
  const visitors = form.watch("visitors");
  return (
    <section className="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite colleagues to visit</h2>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form form-wide">
        <FormAlert message={form.formMessage} />
        <TextAreaField
          label="Focus"
          hint="What you are working on and would like visitors to look for."
          rows={3}
          {...form.register("focus")}
          error={form.fieldError("focus")}
          required
        />
        <VisitorsPicker
          chosen={visitors}
          onChange={(chosen) => form.setValue("visitors", chosen)}
          error={form.errorWithin("visitorIds")}
        />
        <TextField
          label="When"
          type="datetime-local"
          hint="Optional. Leave empty to agree on a time later."
          {...form.register("when")}
          error={form.fieldError("startsAt")}
        />
        <SelectField
          label="Team to share feedback with"
          hint="Optional. You decide, feedback by feedback, what the team sees."
          {...form.register("communityId")}
          error={form.fieldError("communityId")}
        >
          <option value="">No team</option>
          {(communities.data?.items ?? []).map((community) => (
            <option key={community.id} value={community.id}>
              {community.name}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <button type="submit" className="button" disabled={invite.isPending}>
            Send invitation
          </button>
        </div>
      </form>
    </section>
  );
}
