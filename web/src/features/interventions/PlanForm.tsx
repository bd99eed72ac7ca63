import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useRef, useState } from "react";
import { type InterventionKind, PlanInput, planDateProblems } from "../../../../contract/interventions";
import { SelectField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { type FormProblem, NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { todayIso } from "../../components/format";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import type { ChosenPerson } from "../communities/PersonPicker";
import { FocusStrategyFields, WhoWhenSection } from "./DeliverySections";
import { useCreateStudentPlan } from "./interventions.api";
import { KindTierFields, usualTier } from "./KindTierFields";
import { firstDates, numberOrNull } from "./plan-form-values";
import { ScoreField } from "./ScoreField";

export type TeamChoice = { id: string; name: string };

const MESSAGES: Record<string, string> = {
  communityId: "Choose the team whose plan this is.",
  measure: "Name the measure used for progress monitoring.",
  startDate: "Choose the start date.",
  reviewDate: "Choose the review date.",
  goalDate: "Choose the goal date.",
  baseline: "Give the baseline score.",
  goal: "Give the goal score.",
};

/** One student's plan: the team, what, by whom, how often, measured how, from which baseline to which goal. */
export function PlanForm({ studentId, teams }: { studentId: string; teams: TeamChoice[] }) {
  const createPlan = useCreateStudentPlan(studentId);
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [communityId, setCommunityId] = useState(teams.length === 1 ? (teams[0]?.id ?? "") : "");
  const [kind, setKind] = useState<InterventionKind>("intervention");
  const [tier, setTier] = useState(usualTier("intervention"));
  const [text, setText] = useState({
    focus: "",
    strategy: "",
    schedule: "",
    measure: "",
    minutesPerSession: "30",
    daysPerWeek: "3",
    ...firstDates(todayIso()),
    baseline: "",
    goal: "",
  });
  const [strategyResourceId, setStrategyResourceId] = useState("");
  const [deliverer, setDeliverer] = useState<ChosenPerson | null>(null);
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  useFocusFirstError(formRef, problem);
  const set = (field: keyof typeof text) => (event: { target: { value: string } }) =>
    setText((current) => ({ ...current, [field]: event.target.value }));
  const error = (path: string) => problem.fields[path];

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const values = {
      communityId,
      kind,
      tier: Number(tier),
      focus: text.focus,
      strategyResourceId: strategyResourceId || null,
      strategy: text.strategy,
      deliveredById: deliverer?.id ?? null,
      minutesPerSession: numberOrNull(text.minutesPerSession),
      daysPerWeek: numberOrNull(text.daysPerWeek),
      schedule: text.schedule,
      startDate: text.startDate,
      reviewDate: text.reviewDate,
      goalDate: text.goalDate,
      measure: text.measure,
      baseline: numberOrNull(text.baseline),
      goal: numberOrNull(text.goal),
    };
    const checked = validateForm(PlanInput, values, MESSAGES);
    const fields = { ...(checked.problem?.fields ?? {}) };
    for (const p of planDateProblems(values)) fields[p.pointer.slice(1)] ??= p.detail;
    if (values.baseline !== null && values.baseline === values.goal) {
      fields.goal ??= "The goal differs from the baseline.";
    }
    if (!checked.data || Object.keys(fields).length > 0) return setProblem({ fields, message: null });
    setProblem(NO_PROBLEM);
    createPlan.mutate(checked.data, {
      onSuccess: (plan) => navigate({ to: "/interventions/plans/$planId", params: { planId: plan.id } }),
      onError: (failure) => setProblem(problemFromError(failure)),
    });
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="form form-wide">
      <FormAlert message={problem.message} />
      <section className="panel" aria-labelledby="plan-what">
        <h2 id="plan-what">What</h2>
        <SelectField
          label="Team"
          value={communityId}
          error={error("communityId")}
          hint="The team that reviews this plan in its meetings."
          onChange={(event) => setCommunityId(event.target.value)}
        >
          <option value="">Choose a team…</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </SelectField>
        <KindTierFields
          kind={kind}
          tier={tier}
          onKindChange={setKind}
          onTierChange={setTier}
          tierError={error("tier")}
        />
        <FocusStrategyFields
          focus={text.focus}
          strategy={text.strategy}
          strategyResourceId={strategyResourceId}
          onFocusChange={(focus) => setText((current) => ({ ...current, focus }))}
          onStrategyChange={(strategy) => setText((current) => ({ ...current, strategy }))}
          onStrategyResourceChange={setStrategyResourceId}
          error={error}
        />
      </section>
      <WhoWhenSection
        headingId="plan-how"
        deliverer={deliverer}
        onDelivererChange={setDeliverer}
        delivererNoneText="Optional: the person who works with the student."
        schedule={text}
        onScheduleChange={(field, value) => setText((current) => ({ ...current, [field]: value }))}
        error={error}
      />
      <section className="panel" aria-labelledby="plan-measure">
        <h2 id="plan-measure">Progress monitoring</h2>
        <TextField
          label="Measure"
          placeholder="Oral reading fluency, words correct per minute"
          maxLength={200}
          value={text.measure}
          error={error("measure")}
          onChange={set("measure")}
        />
        <div className="field-row">
          <ScoreField label="Baseline" value={text.baseline} error={error("baseline")} onChange={set("baseline")} />
          <ScoreField label="Goal" value={text.goal} error={error("goal")} onChange={set("goal")} />
        </div>
      </section>
      <div className="actions">
        <button type="submit" className="button" disabled={createPlan.isPending}>
          {createPlan.isPending ? "Creating…" : "Create plan"}
        </button>
      </div>
    </form>
  );
}
