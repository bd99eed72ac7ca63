import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useRef, useState } from "react";
import { GroupInput, type InterventionKind, planDateProblems } from "../../../../contract/interventions";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { type FormProblem, NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { todayIso } from "../../components/format";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import type { ChosenPerson } from "../communities/PersonPicker";
import { FocusStrategyFields, WhoWhenSection } from "./DeliverySections";
import { GroupStudentsField, type StudentChoice } from "./GroupStudentsField";
import { useCreateGroup } from "./interventions.api";
import { KindTierFields, usualTier } from "./KindTierFields";
import { firstDates, numberOrNull } from "./plan-form-values";
import { ScoreField } from "./ScoreField";

export type GroupFormStart = {
  kind: InterventionKind;
  name: string;
  focus: string;
  learningTargetIds: string[];
  sourceAssessmentId: string | null;
  students: StudentChoice[];
};

const MESSAGES: Record<string, string> = {
  name: "Name the group.",
  measure: "Name the measure used for progress monitoring.",
  startDate: "Choose the start date.",
  reviewDate: "Choose the review date.",
  goalDate: "Choose the goal date.",
  students: "Choose at least one student.",
};

/** The group's fields: what, by whom, how often, measured how, towards which goal by when, for whom. */
export function GroupForm({ communityId, start }: { communityId: string; start: GroupFormStart }) {
  const createGroup = useCreateGroup(communityId);
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const today = todayIso();
  const [kind, setKind] = useState<InterventionKind>(start.kind);
  const [tier, setTier] = useState(usualTier(start.kind));
  const [text, setText] = useState({
    name: start.name,
    focus: start.focus,
    strategy: "",
    schedule: "",
    measure: "",
    minutesPerSession: "30",
    daysPerWeek: "3",
    ...firstDates(today),
    baseline: "",
    goal: "",
  });
  const [strategyResourceId, setStrategyResourceId] = useState("");
  const [deliverer, setDeliverer] = useState<ChosenPerson | null>(null);
  const [students, setStudents] = useState<StudentChoice[]>(start.students);
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  useFocusFirstError(formRef, problem);
  const set = (field: keyof typeof text) => (event: { target: { value: string } }) =>
    setText((current) => ({ ...current, [field]: event.target.value }));
  const error = (path: string) => problem.fields[path];

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const values = {
      kind,
      tier: Number(tier),
      name: text.name,
      focus: text.focus,
      learningTargetIds: start.learningTargetIds,
      sourceAssessmentId: start.sourceAssessmentId,
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
      students: students
        .filter((s) => s.isChosen)
        .map((s) => ({ studentId: s.id, baseline: numberOrNull(s.baseline) })),
    };
    const checked = validateForm(GroupInput, values, MESSAGES);
    const dates = planDateProblems(values);
    if (checked.problem || dates.length || values.goal === null) {
      const fields = { ...(checked.problem?.fields ?? {}) };
      for (const p of dates) fields[p.pointer.slice(1)] ??= p.detail;
      if (values.goal === null) fields.goal ??= "Give the goal score.";
      return setProblem({ fields, message: null });
    }
    setProblem(NO_PROBLEM);
    createGroup.mutate(checked.data, {
      onSuccess: (group) => navigate({ to: "/interventions/groups/$groupId", params: { groupId: group.id } }),
      onError: (failure) => setProblem(problemFromError(failure)),
    });
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="form form-wide">
      <FormAlert message={problem.message} />
      <section className="panel" aria-labelledby="group-what">
        <h2 id="group-what">What</h2>
        <KindTierFields
          kind={kind}
          tier={tier}
          onKindChange={setKind}
          onTierChange={setTier}
          tierError={error("tier")}
        />
        <TextField label="Group name" value={text.name} maxLength={120} error={error("name")} onChange={set("name")} />
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
        headingId="group-how"
        deliverer={deliverer}
        onDelivererChange={setDeliverer}
        delivererNoneText="Optional: the person who runs the sessions."
        schedule={text}
        onScheduleChange={(field, value) => setText((current) => ({ ...current, [field]: value }))}
        error={error}
      />
      <section className="panel" aria-labelledby="group-measure">
        <h2 id="group-measure">Progress monitoring</h2>
        <TextField
          label="Measure"
          placeholder="Oral reading fluency, words correct per minute"
          maxLength={200}
          value={text.measure}
          error={error("measure")}
          onChange={set("measure")}
        />
        <div className="field-row">
          <ScoreField
            label="Baseline (for every student unless given below)"
            value={text.baseline}
            error={error("baseline")}
            onChange={set("baseline")}
          />
          <ScoreField label="Goal" value={text.goal} error={error("goal")} onChange={set("goal")} />
        </div>
        <GroupStudentsField
          students={students}
          onChange={setStudents}
          errors={problem.fields}
          studentsError={error("students")}
        />
      </section>
      <div className="actions">
        <button type="submit" className="button" disabled={createGroup.isPending}>
          {createGroup.isPending
            ? "Creating…"
            : kind === "extension"
              ? "Create extension group"
              : "Create intervention group"}
        </button>
      </div>
    </form>
  );
}
