import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useRef, useState } from "react";
import { VisitInput } from "../../../../contract/visits";
import { SelectField, TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { myCommunitiesQuery } from "../library/library.api";
import { type ChosenVisitor, VisitorsPicker } from "./VisitorsPicker";
import { useInviteVisitors } from "./visits.api";

const MESSAGES = {
  focus: "Say what you would like visitors to look for.",
  visitorIds: "Choose at least one colleague.",
};

/** Invites colleagues into one's classroom around a focus; they are notified. */
export function InviteVisitForm() {
  const invite = useInviteVisitors();
  const communities = useQuery(myCommunitiesQuery);
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [focus, setFocus] = useState("");
  const [visitors, setVisitors] = useState<ChosenVisitor[]>([]);
  const [when, setWhen] = useState("");
  const [communityId, setCommunityId] = useState("");
  const [problem, setProblem] = useState(NO_PROBLEM);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const startsAt = when ? new Date(when) : null;
    const values = {
      focus,
      visitorIds: visitors.map((visitor) => visitor.id),
      startsAt: startsAt && !Number.isNaN(startsAt.getTime()) ? startsAt.toISOString() : null,
      communityId: communityId || null,
    };
    const checked = validateForm(VisitInput, values, MESSAGES);
    if (checked.problem) return setProblem(checked.problem);
    setProblem(NO_PROBLEM);
    invite.mutate(checked.data, {
      onSuccess: (visit) => navigate({ to: "/visits/$visitId", params: { visitId: visit.id } }),
      onError: (error) => setProblem(problemFromError(error)),
    });
  }

  const visitorError =
    problem.fields.visitorIds ?? Object.entries(problem.fields).find(([path]) => path.startsWith("visitorIds/"))?.[1];
  return (
    <section className="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite colleagues to visit</h2>
      <form ref={formRef} onSubmit={handleSubmit} noValidate className="form form-wide">
        <FormAlert message={problem.message} />
        <TextAreaField
          label="Focus"
          hint="What you are working on and would like visitors to look for."
          value={focus}
          rows={3}
          onChange={(event) => setFocus(event.target.value)}
          error={problem.fields.focus}
          required
        />
        <VisitorsPicker chosen={visitors} onChange={setVisitors} error={visitorError} />
        <TextField
          label="When"
          type="datetime-local"
          hint="Optional. Leave empty to agree on a time later."
          value={when}
          onChange={(event) => setWhen(event.target.value)}
          error={problem.fields.startsAt}
        />
        <SelectField
          label="Team to share feedback with"
          hint="Optional. You decide, feedback by feedback, what the team sees."
          value={communityId}
          onChange={(event) => setCommunityId(event.target.value)}
          error={problem.fields.communityId}
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
