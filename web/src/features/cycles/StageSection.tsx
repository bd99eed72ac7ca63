import type { ReactNode } from "react";
import { type Cycle, CycleStagePatch, type CycleStageView } from "../../../../contract/cycles";
import { SelectField, TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { formatDateTime, formatDay } from "../../components/format";
import { useContractForm } from "../../components/use-contract-form";
import { useCommunity } from "../communities/CommunityLayout";
import { STAGE_LABELS } from "./cycle-format";
import { useUpdateStage } from "./cycles.api";

type StageValues = { ownerId: string; startsOn: string; dueOn: string; notes: string };

/** The plan fields go only when the reader may plan (cycle.manage); blanks are cleared dates or no owner. */
function stageBody(values: StageValues, canManage: boolean) {
  const plan = canManage
    ? { ownerId: values.ownerId || null, startsOn: values.startsOn || null, dueOn: values.dueOn || null }
    : {};
  return { ...plan, notes: values.notes };
}

/**
 * One stage of the cycle as its own section: owner, dates, notes, completion, then `children`, the stage's
 * evidence (the section component CyclePage's STAGE_SECTIONS names for it).
 */
export function StageSection({
  cycle,
  stage,
  children,
}: {
  cycle: Cycle;
  stage: CycleStageView;
  children?: ReactNode;
}) {
  const community = useCommunity();
  const update = useUpdateStage(cycle.id);
  const canManage = cycle.can.manage;
  const form = useContractForm<typeof CycleStagePatch, StageValues>({
    schema: CycleStagePatch,
    defaultValues: {
      ownerId: stage.owner?.id ?? "",
      startsOn: stage.startsOn ?? "",
      dueOn: stage.dueOn ?? "",
      notes: stage.notes,
    },
    toInput: (values) => stageBody(values, canManage),
    onValid: (patch) => update.mutate({ stage: stage.stage, ...patch }, { onError: form.showProblem }),
  });
  const headingId = `stage-${stage.stage}-heading`;
  return (
    <section className="panel" id={`stage-${stage.stage}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {STAGE_LABELS[stage.stage]}
        {stage.completedAt ? " — complete" : stage.isOverdue ? " — overdue" : ""}
      </h2>
      <p>
        {stage.owner ? `Owner: ${stage.owner.name}. ` : "No owner yet. "}
        {stage.startsOn ? `From ${formatDay(stage.startsOn)}. ` : ""}
        {stage.dueOn ? `Due ${formatDay(stage.dueOn)}. ` : ""}
        {stage.completedAt ? `Completed ${formatDateTime(stage.completedAt)}.` : ""}
      </p>
      {children}
      {cycle.can.contribute ? (
        <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
          <FormAlert message={form.formMessage} />
          {canManage ? (
            <>
              <SelectField label="Owner" {...form.register("ownerId")} error={form.fieldError("ownerId")}>
                <option value="">No owner</option>
                {community.members.map((member) => (
                  <option key={member.personId} value={member.personId}>
                    {member.displayName}
                  </option>
                ))}
              </SelectField>
              <TextField
                label="Starts on"
                type="date"
                {...form.register("startsOn")}
                error={form.fieldError("startsOn")}
              />
              <TextField label="Due on" type="date" {...form.register("dueOn")} error={form.fieldError("dueOn")} />
            </>
          ) : null}
          <TextAreaField label="Notes" rows={3} {...form.register("notes")} error={form.fieldError("notes")} />
          <div className="actions">
            <button type="submit" className="button button-secondary" disabled={update.isPending}>
              Save {STAGE_LABELS[stage.stage].replace(/^\d+\. /, "").toLowerCase()}
            </button>
            <button
              type="button"
              className="button"
              disabled={update.isPending}
              onClick={() => update.mutate({ stage: stage.stage, isComplete: !stage.completedAt })}
            >
              {stage.completedAt ? "Reopen this stage" : "Mark this stage complete"}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
