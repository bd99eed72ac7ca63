import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { GOAL_MEASURE_KINDS, GoalInput, type GoalLevel, type GoalMeasureKind } from "../../../../contract/goals";
import { SelectField, TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { LEVEL_LABELS, MEASURE_LABELS } from "./goal-format";
import { goalListQuery, useCreateGoal } from "./goals.api";

/** The goals a goal of each level lines up under (the server checks the same when it is saved). */
const SERVES: Record<GoalLevel, readonly GoalLevel[]> = {
  district: [],
  school: ["district"],
  team: ["school", "district"],
  individual: ["team", "school"],
};

type GoalValues = {
  level: GoalLevel;
  title: string;
  description: string;
  schoolId: string;
  communityId: string;
  measureKind: GoalMeasureKind;
  targetId: string;
  gradeLevel: string;
  days: string;
  unit: string;
  baseline: string;
  target: string;
  startsOn: string;
  dueOn: string;
  servesGoalId: string;
};

const number = (text: string) => (text.trim() === "" ? null : Number(text));

/** The request body from the fields as typed: numbers from text, the measure's parameters by its kind. */
function goalBody(v: GoalValues) {
  const measure =
    v.measureKind === "proficiency_share"
      ? { kind: v.measureKind, targetId: v.targetId, ...(v.gradeLevel ? { gradeLevel: v.gradeLevel } : {}) }
      : v.measureKind === "response_within_days"
        ? { kind: v.measureKind, ...(v.days ? { days: Number(v.days) } : {}) }
        : { kind: v.measureKind };
  return {
    level: v.level,
    title: v.title,
    description: v.description,
    schoolId: v.level === "school" ? v.schoolId || null : null,
    communityId: v.level === "team" ? v.communityId || null : null,
    measure,
    unit: v.measureKind === "checkin" ? v.unit || "percent" : "percent",
    baseline: number(v.baseline),
    target: number(v.target),
    startsOn: v.startsOn,
    dueOn: v.dueOn,
    servesGoalIds: v.servesGoalId ? [v.servesGoalId] : [],
  };
}

const MESSAGES = {
  title: "Say what the goal is.",
  target: "Enter the value the goal aims for.",
  startsOn: "Choose when the goal starts.",
  dueOn: "Choose a due date after the start.",
  "measure/targetId": "Enter the learning target's id.",
};

/** Sets a goal at a level the reader may set, with its measure, baseline, target, dates and the goal it serves. */
export function GoalForm() {
  const list = useQuery(goalListQuery({ sort: "level" }));
  const create = useCreateGoal();
  const navigate = useNavigate();
  const options = list.data?.create;
  const form = useContractForm<typeof GoalInput, GoalValues>({
    schema: GoalInput,
    defaultValues: {
      level: options?.levels[0] ?? "individual",
      title: "",
      description: "",
      schoolId: "",
      communityId: "",
      measureKind: "checkin",
      targetId: "",
      gradeLevel: "",
      days: "",
      unit: "percent",
      baseline: "",
      target: "",
      startsOn: "",
      dueOn: "",
      servesGoalId: "",
    },
    toInput: goalBody,
    messages: MESSAGES,
    onValid: (goal) =>
      create.mutate(goal, {
        onSuccess: (created) => navigate({ to: "/goals/$goalId", params: { goalId: created.id } }),
        onError: form.showProblem,
      }),
  });
  if (!options || options.levels.length === 0) return null;
  const level = form.watch("level");
  const measureKind = form.watch("measureKind");
  const servable = (list.data?.items ?? []).filter((g) => SERVES[level].includes(g.level));
  return (
    <section className="panel" aria-labelledby="new-goal-heading">
      <h2 id="new-goal-heading">Set a goal</h2>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form form-wide">
        <FormAlert message={form.formMessage} />
        <SelectField label="Level" {...form.register("level")} error={form.fieldError("level")}>
          {options.levels.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABELS[l]}
            </option>
          ))}
        </SelectField>
        <TextField label="Goal" {...form.register("title")} error={form.fieldError("title")} required />
        <TextAreaField label="Description" rows={2} {...form.register("description")} />
        {level === "school" ? (
          <SelectField label="School" {...form.register("schoolId")} error={form.fieldError("schoolId")}>
            <option value="">Choose a school</option>
            {options.schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        {level === "team" ? (
          <SelectField label="Team" {...form.register("communityId")} error={form.fieldError("communityId")}>
            <option value="">Choose a team</option>
            {options.communities.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <SelectField label="Measured by" {...form.register("measureKind")}>
          {GOAL_MEASURE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {MEASURE_LABELS[kind]}
            </option>
          ))}
        </SelectField>
        {measureKind === "proficiency_share" ? (
          <>
            <TextField
              label="Learning target id"
              hint="From the learning target's page."
              {...form.register("targetId")}
              error={form.fieldError("measure/targetId")}
            />
            <TextField label="Grade (optional)" {...form.register("gradeLevel")} />
          </>
        ) : null}
        {measureKind === "response_within_days" ? (
          <TextField
            label="School days to respond (optional)"
            hint="The team's own setting when left empty."
            inputMode="numeric"
            {...form.register("days")}
            error={form.fieldError("measure/days")}
          />
        ) : null}
        {measureKind === "checkin" ? (
          <TextField label="Unit" hint="percent, sessions, articles…" {...form.register("unit")} />
        ) : null}
        <TextField label="Baseline (optional)" inputMode="decimal" {...form.register("baseline")} />
        <TextField
          label="Target"
          inputMode="decimal"
          {...form.register("target")}
          error={form.fieldError("target")}
          required
        />
        <TextField label="Starts on" type="date" {...form.register("startsOn")} error={form.fieldError("startsOn")} />
        <TextField label="Due on" type="date" {...form.register("dueOn")} error={form.fieldError("dueOn")} />
        {servable.length > 0 ? (
          <SelectField label="Serves" {...form.register("servesGoalId")} error={form.errorWithin("servesGoalIds")}>
            <option value="">No goal above</option>
            {servable.map((g) => (
              <option key={g.id} value={g.id}>
                {LEVEL_LABELS[g.level]}: {g.title}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="actions">
          <button type="submit" className="button" disabled={create.isPending}>
            Set goal
          </button>
        </div>
      </form>
    </section>
  );
}
