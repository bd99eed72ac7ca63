import { useNavigate } from "@tanstack/react-router";
import { PlanInput } from "../../../../contract/interventions";
import { SelectField } from "../../components/Field";
import { todayIso } from "../../components/format";
import { DeliveryPlanForm } from "./DeliveryPlanForm";
import { useCreateStudentPlan } from "./interventions.api";
import { dateMessages, deliveryInput, newPlanValues, numberOrNull, type PlanFormValues } from "./plan-form-values";

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

/** A plan's rules beside the schema: dates in order, and a goal other than where the student starts. */
function checkPlan(values: PlanFormValues): Record<string, string> {
  const messages = dateMessages(values);
  const baseline = numberOrNull(values.baseline);
  if (baseline !== null && baseline === numberOrNull(values.goal)) {
    messages.goal ??= "The goal differs from the baseline.";
  }
  return messages;
}

/** One student's plan: the team, what, by whom, how often, measured how, from which baseline to which goal. */
export function PlanForm({ studentId, teams }: { studentId: string; teams: TeamChoice[] }) {
  const createPlan = useCreateStudentPlan(studentId);
  const navigate = useNavigate();
  return (
    <DeliveryPlanForm
      schema={PlanInput}
      defaultValues={newPlanValues(todayIso(), {
        kind: "intervention",
        communityId: teams.length === 1 ? (teams[0]?.id ?? "") : "",
      })}
      messages={MESSAGES}
      toInput={(values) => ({ ...deliveryInput(values), communityId: values.communityId })}
      check={checkPlan}
      onSubmit={(body, showProblem) =>
        createPlan.mutate(body, {
          onSuccess: (plan) => navigate({ to: "/interventions/plans/$planId", params: { planId: plan.id } }),
          onError: showProblem,
        })
      }
      isPending={createPlan.isPending}
      submitLabel={() => "Create plan"}
      idPrefix="plan"
      delivererNoneText="Optional: the person who works with the student."
      baselineLabel="Baseline"
      beforeKind={(form) => (
        <SelectField
          label="Team"
          {...form.register("communityId")}
          error={form.fieldError("communityId")}
          hint="The team that reviews this plan in its meetings."
        >
          <option value="">Choose a team…</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </SelectField>
      )}
    />
  );
}
