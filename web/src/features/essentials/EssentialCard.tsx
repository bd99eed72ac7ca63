import { useState } from "react";
import { type EssentialStandard, EssentialStandardPatch } from "../../../../contract/essentials";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { useContractForm } from "../../components/use-contract-form";
import { StandardCode } from "../standards/StandardCode";
import styles from "./EssentialCard.module.css";
import { useDeleteEssential, useUpdateEssential } from "./essentials.api";
import { ScaleEditor } from "./ScaleEditor";
import { TargetsEditor } from "./TargetsEditor";
import { UnitFields, type UnitFormValues, unitFields } from "./UnitFields";

/** One essential standard: the standard itself, why it matters, its targets and its scale. */
export function EssentialCard({ essential }: { essential: EssentialStandard }) {
  const canManage = essential.can.manage === true;
  const headingId = `essential-${essential.id}`;
  return (
    <article className={`panel ${styles.card}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <StandardCode code={essential.standard.humanCodingScheme ?? "Standard"} /> {essential.standard.fullStatement}
      </h3>
      <p className="muted">
        {essential.standard.frameworkTitle}
        {essential.grade ? ` · Grade ${essential.grade}` : ""}
        {essential.course ? ` · ${essential.course.title}` : ""}
      </p>
      {essential.rationale ? <p>{essential.rationale}</p> : null}
      <TargetsEditor essential={essential} canManage={canManage} />
      <ScaleEditor essential={essential} canManage={canManage} />
      {canManage ? <ManageEssential essential={essential} /> : null}
    </article>
  );
}

function ManageEssential({ essential }: { essential: EssentialStandard }) {
  const updateEssential = useUpdateEssential(essential.communityId, essential.id);
  const deleteEssential = useDeleteEssential(essential.communityId, essential.id);
  const [isConfirming, setIsConfirming] = useState(false);
  const isAssessed = essential.targets.some((target) => target.isAssessed);
  const form = useContractForm<typeof EssentialStandardPatch, UnitFormValues>({
    schema: EssentialStandardPatch,
    defaultValues: {
      unitTitle: essential.unitTitle,
      grade: essential.grade ?? "",
      startsOn: essential.startsOn ?? "",
      endsOn: essential.endsOn ?? "",
      rationale: essential.rationale,
      standard: null,
    },
    toInput: ({ standard: _, ...unit }) => unitFields(unit),
    onValid: (patch) => updateEssential.mutate(patch, { onError: form.showProblem }),
  });

  return (
    <details className={styles.manage}>
      <summary>Edit the unit, or remove this standard</summary>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
        <FormAlert message={form.formMessage} />
        <UnitFields form={form} />
        <div className="actions">
          <button type="submit" className="button" disabled={updateEssential.isPending}>
            Save unit
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={isAssessed}
            onClick={() => setIsConfirming(true)}
          >
            Remove standard
          </button>
        </div>
        {isAssessed ? <p className="field-hint">An assessment measures its targets, so it cannot be removed.</p> : null}
      </form>
      <ConfirmDialog
        open={isConfirming}
        title="Remove this essential standard?"
        confirmLabel="Remove"
        isPending={deleteEssential.isPending}
        error={deleteEssential.error ? problemFromError(deleteEssential.error).message : null}
        onCancel={() => setIsConfirming(false)}
        onConfirm={() => deleteEssential.mutate(undefined, { onSuccess: () => setIsConfirming(false) })}
      >
        <p>Its learning targets and scale are removed with it.</p>
      </ConfirmDialog>
    </details>
  );
}
