import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useRef, useState } from "react";
import { GroupInput, type InterventionKind, planDateProblems } from "../../../../contract/interventions";
import { SelectField, TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { type FormProblem, NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { todayIso } from "../../components/format";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { type ChosenPerson, PersonPicker } from "../communities/PersonPicker";
import { GroupStudentsField, type StudentChoice } from "./GroupStudentsField";
import { useCreateGroup } from "./interventions.api";
import { StrategyPicker } from "./StrategyPicker";

export type GroupFormStart = {
  kind: InterventionKind;
  name: string;
  focus: string;
  learningTargetIds: string[];
  sourceAssessmentId: string | null;
  students: StudentChoice[];
};

function daysFrom(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text));

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
  const [tier, setTier] = useState(start.kind === "extension" ? "1" : "2");
  const [text, setText] = useState({
    name: start.name,
    focus: start.focus,
    strategy: "",
    schedule: "",
    measure: "",
    minutesPerSession: "30",
    daysPerWeek: "3",
    startDate: today,
    reviewDate: daysFrom(today, 28),
    goalDate: daysFrom(today, 56),
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
        <div className="field-row">
          <SelectField
            label="Kind"
            value={kind}
            onChange={(event) => {
              const next = event.target.value as InterventionKind;
              setKind(next);
              setTier(next === "extension" ? "1" : "2");
            }}
          >
            <option value="intervention">Intervention (needs more time)</option>
            <option value="extension">Extension (ready for more)</option>
          </SelectField>
          <SelectField
            label="Tier"
            value={tier}
            error={error("tier")}
            onChange={(event) => setTier(event.target.value)}
          >
            <option value="1">Tier 1</option>
            <option value="2">Tier 2</option>
            <option value="3">Tier 3</option>
          </SelectField>
        </div>
        <TextField label="Group name" value={text.name} maxLength={120} error={error("name")} onChange={set("name")} />
        <TextAreaField
          label="Focus: targets or skills"
          rows={2}
          maxLength={2000}
          value={text.focus}
          error={error("focus")}
          onChange={set("focus")}
        />
        <StrategyPicker
          resourceId={strategyResourceId}
          text={text.strategy}
          onResourceChange={setStrategyResourceId}
          onTextChange={(strategy) => setText((current) => ({ ...current, strategy }))}
          errors={{ resource: error("strategyResourceId"), text: error("strategy") }}
        />
      </section>
      <section className="panel" aria-labelledby="group-how">
        <h2 id="group-how">Who, when and how often</h2>
        <h3>Delivered by</h3>
        <p className="muted">
          {deliverer ? `Chosen: ${deliverer.displayName}` : "Optional: the person who runs the sessions."}
        </p>
        <PersonPicker chosen={deliverer} onChoose={setDeliverer} memberIds={[]} error={error("deliveredById")} />
        <div className="field-row">
          <TextField
            label="Minutes per session"
            type="number"
            min={1}
            max={240}
            value={text.minutesPerSession}
            error={error("minutesPerSession")}
            onChange={set("minutesPerSession")}
          />
          <TextField
            label="Days per week"
            type="number"
            min={1}
            max={7}
            value={text.daysPerWeek}
            error={error("daysPerWeek")}
            onChange={set("daysPerWeek")}
          />
          <TextField
            label="When"
            placeholder="Mon, Wed, Fri during WIN time"
            maxLength={200}
            value={text.schedule}
            error={error("schedule")}
            onChange={set("schedule")}
          />
        </div>
        <div className="field-row">
          <TextField
            label="Start date"
            type="date"
            value={text.startDate}
            error={error("startDate")}
            onChange={set("startDate")}
          />
          <TextField
            label="Review date"
            type="date"
            value={text.reviewDate}
            error={error("reviewDate")}
            onChange={set("reviewDate")}
          />
          <TextField
            label="Goal date"
            type="date"
            value={text.goalDate}
            error={error("goalDate")}
            onChange={set("goalDate")}
          />
        </div>
      </section>
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
          <TextField
            label="Baseline (for every student unless given below)"
            type="number"
            inputMode="decimal"
            step="any"
            value={text.baseline}
            error={error("baseline")}
            onChange={set("baseline")}
          />
          <TextField
            label="Goal"
            type="number"
            inputMode="decimal"
            step="any"
            value={text.goal}
            error={error("goal")}
            onChange={set("goal")}
          />
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
