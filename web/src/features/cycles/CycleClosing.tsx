import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { type Cycle, CycleProgressPatch } from "../../../../contract/cycles";
import { SelectField, TextAreaField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { formatDay } from "../../components/format";
import { useContractForm } from "../../components/use-contract-form";
import { communityAssessmentsQuery } from "../assessments/assessments.api";
import { useAddFollowup, useUpdateCycle, useUpdateProgress } from "./cycles.api";

/** The assessments the cycle rests on, and adding a later one of the team's on the same targets. */
export function CycleAssessments({ cycle }: { cycle: Cycle }) {
  const team = useQuery(communityAssessmentsQuery(cycle.communityId));
  const add = useAddFollowup(cycle.id);
  const [choice, setChoice] = useState("");
  const taken = new Set(cycle.assessments.map((a) => a.id));
  const offered = (team.data?.items ?? []).filter((a) => !taken.has(a.id));
  return (
    <>
      <h3>Assessments</h3>
      <ul>
        {cycle.assessments.map((a) => (
          <li key={a.id}>
            {a.title} {a.givenOn ? `(${formatDay(a.givenOn)})` : ""} —{" "}
            {a.role === "baseline" ? "baseline" : "follow-up"}
          </li>
        ))}
      </ul>
      {cycle.can.contribute && offered.length > 0 ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (choice) add.mutate(choice, { onSuccess: () => setChoice("") });
          }}
        >
          <SelectField label="Follow-up assessment" value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">Choose one of the team's assessments</option>
            {offered.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button button-secondary" disabled={!choice || add.isPending}>
            Add as follow-up
          </button>
        </form>
      ) : null}
    </>
  );
}

/** The team's written reflection, and closing the cycle (leaders). */
export function CycleClosing({ cycle }: { cycle: Cycle }) {
  const progress = useUpdateProgress(cycle.id);
  const update = useUpdateCycle(cycle.id);
  const form = useContractForm({
    schema: CycleProgressPatch,
    defaultValues: { reflection: cycle.reflection },
    onValid: (patch) => progress.mutate(patch, { onError: form.showProblem }),
  });
  return (
    <>
      <h3>Our reflection</h3>
      {cycle.can.contribute ? (
        <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form form-wide">
          <FormAlert message={form.formMessage} />
          <TextAreaField
            label="Reflection"
            hint="What worked, what did not, and what the team will carry into its next cycle."
            rows={4}
            {...form.register("reflection")}
            error={form.fieldError("reflection")}
          />
          <button type="submit" className="button button-secondary" disabled={progress.isPending}>
            Save the reflection
          </button>
        </form>
      ) : (
        <p>{cycle.reflection || "No reflection yet."}</p>
      )}
      {cycle.can.manage && cycle.status === "active" ? (
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={update.isPending}
            onClick={() => update.mutate({ status: "finished" })}
          >
            Close the cycle as finished
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={update.isPending}
            onClick={() => update.mutate({ status: "cancelled" })}
          >
            Cancel the cycle
          </button>
        </div>
      ) : null}
    </>
  );
}
