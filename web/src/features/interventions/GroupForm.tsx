import { useNavigate } from "@tanstack/react-router";
import { useEffect } from "react";
import { Controller, useWatch } from "react-hook-form";
import { GroupInput, type InterventionKind } from "../../../../contract/interventions";
import { TextField } from "../../components/Field";
import { todayIso } from "../../components/format";
import type { ContractForm } from "../../components/use-contract-form";
import { DeliveryPlanForm } from "./DeliveryPlanForm";
import { GroupStudentsField, type StudentChoice } from "./GroupStudentsField";
import { useCreateGroup } from "./interventions.api";
import { dateMessages, deliveryInput, newPlanValues, numberOrNull, type PlanFormValues } from "./plan-form-values";

export type GroupFormStart = {
  kind: InterventionKind;
  name: string;
  focus: string;
  measure: string;
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

/** A group's rules beside the schema: dates in order, and a goal for every student to reach. */
function checkGroup(values: PlanFormValues): Record<string, string> {
  const messages = dateMessages(values);
  if (numberOrNull(values.goal) === null) messages.goal ??= "Give the goal score.";
  return messages;
}

/** The group's fields: what, by whom, how often, measured how, towards which goal by when, for whom. */
export function GroupForm({ communityId, start }: { communityId: string; start: GroupFormStart }) {
  const createGroup = useCreateGroup(communityId);
  const navigate = useNavigate();
  return (
    <DeliveryPlanForm
      schema={GroupInput}
      defaultValues={newPlanValues(todayIso(), {
        kind: start.kind,
        name: start.name,
        focus: start.focus,
        measure: start.measure,
        students: start.students,
      })}
      messages={MESSAGES}
      toInput={(values) => ({
        ...deliveryInput(values),
        name: values.name,
        learningTargetIds: start.learningTargetIds,
        sourceAssessmentId: start.sourceAssessmentId,
        students: values.students
          .filter((student) => student.isChosen)
          .map((student) => ({ studentId: student.id, baseline: numberOrNull(student.baseline) })),
      })}
      check={checkGroup}
      onSubmit={(body, showProblem) =>
        createGroup.mutate(body, {
          onSuccess: (group) => navigate({ to: "/interventions/groups/$groupId", params: { groupId: group.id } }),
          onError: showProblem,
        })
      }
      isPending={createGroup.isPending}
      submitLabel={(kind) => (kind === "extension" ? "Create extension group" : "Create intervention group")}
      idPrefix="group"
      delivererNoneText="Optional: the person who runs the sessions."
      baselineLabel="Baseline (for every student unless given below)"
      afterKind={(form) => (
        <TextField label="Group name" maxLength={120} {...form.register("name")} error={form.fieldError("name")} />
      )}
      afterScores={(form) => (
        <>
          {start.measure ? (
            <p className="muted">
              Each student's baseline is their level in the assessment; changing the measure clears them.
            </p>
          ) : null}
          <Controller
            control={form.control}
            name="students"
            render={({ field }) => (
              <GroupStudentsField
                students={field.value}
                onChange={field.onChange}
                errorAt={form.fieldError}
                studentsError={form.fieldError("students")}
              />
            )}
          />
          <ClearAssessmentBaselines form={form} start={start} />
        </>
      )}
    />
  );
}

/**
 * Baselines taken from the assessment are levels on its target: once the measure is no longer that level, those
 * still as prefilled are cleared, so no level stands as a baseline of another measure.
 */
function ClearAssessmentBaselines({
  form,
  start,
}: {
  form: ContractForm<PlanFormValues, unknown>;
  start: GroupFormStart;
}) {
  const measure = useWatch({ control: form.control, name: "measure" });
  useEffect(() => {
    if (!start.measure || measure === start.measure) return;
    const prefilled = new Map(start.students.map((student) => [student.id, student.baseline]));
    const students = form.getValues("students");
    const isPrefilled = (student: StudentChoice) =>
      student.baseline !== "" && student.baseline === prefilled.get(student.id);
    if (students.some(isPrefilled)) {
      form.setValue(
        "students",
        students.map((student) => (isPrefilled(student) ? { ...student, baseline: "" } : student)),
      );
    }
  }, [measure, form, start]);
  return null;
}
