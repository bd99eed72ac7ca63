import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { CycleInput } from "../../../../contract/cycles";
import { CheckboxField, TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { formatDay, todayIso } from "../../components/format";
import { useContractForm } from "../../components/use-contract-form";
import { communityAssessmentsQuery } from "../assessments/assessments.api";
import { useStartCycle } from "./cycles.api";

const MESSAGES = { title: "Name the cycle.", baselineAssessmentIds: "Choose at least one assessment." };

type StartValues = { title: string; focus: string; startsOn: string; baselineAssessmentIds: string[] };

/** Starts a cycle from the team's assessments: their results are pinned as the cycle's baseline. */
export function StartCycleForm({ communityId }: { communityId: string }) {
  const start = useStartCycle(communityId);
  const assessments = useQuery(communityAssessmentsQuery(communityId));
  const navigate = useNavigate();
  const form = useContractForm<typeof CycleInput, StartValues>({
    schema: CycleInput,
    defaultValues: { title: "", focus: "", startsOn: todayIso(), baselineAssessmentIds: [] },
    messages: MESSAGES,
    onValid: (input) =>
      start.mutate(input, {
        onSuccess: (cycle) =>
          navigate({ to: "/communities/$communityId/cycles/$cycleId", params: { communityId, cycleId: cycle.id } }),
        onError: form.showProblem,
      }),
  });
  const chosen = form.watch("baselineAssessmentIds");
  function handleToggle(id: string, isChosen: boolean) {
    form.setValue("baselineAssessmentIds", isChosen ? [...chosen, id] : chosen.filter((other) => other !== id), {
      shouldValidate: form.formState.isSubmitted,
    });
  }
  const items = assessments.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="start-cycle-heading">
      <h2 id="start-cycle-heading">Start a cycle</h2>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form form-wide">
        <FormAlert message={form.formMessage} />
        <TextField label="Title" {...form.register("title")} error={form.fieldError("title")} required />
        <TextAreaField
          label="Focus"
          hint="What the students' results tell you they need, in a sentence or two."
          rows={3}
          {...form.register("focus")}
          error={form.fieldError("focus")}
        />
        <TextField
          label="Starts on"
          type="date"
          {...form.register("startsOn")}
          error={form.fieldError("startsOn")}
          required
        />
        <fieldset className="field" aria-describedby="start-cycle-baseline-hint">
          <legend>Baseline assessments</legend>
          <p id="start-cycle-baseline-hint" className="field-hint">
            Their results are copied into the cycle when it starts; later changes to them do not move the baseline.
          </p>
          {items.length === 0 ? <p>The team has no assessments yet.</p> : null}
          {items.map((assessment) => (
            <CheckboxField
              key={assessment.id}
              label={`${assessment.title}${assessment.givenOn ? ` (${formatDay(assessment.givenOn)})` : ""}`}
              checked={chosen.includes(assessment.id)}
              onChange={(event) => handleToggle(assessment.id, event.target.checked)}
            />
          ))}
          {form.errorWithin("baselineAssessmentIds") ? (
            <p className="field-error" role="alert">
              {form.errorWithin("baselineAssessmentIds")}
            </p>
          ) : null}
        </fieldset>
        <button type="submit" className="button" disabled={start.isPending}>
          Start the cycle
        </button>
      </form>
    </section>
  );
}
