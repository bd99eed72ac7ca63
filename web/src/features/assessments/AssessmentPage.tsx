import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import {
  ASSESSMENT_STATUS_LABELS,
  ASSESSMENT_STATUSES,
  type AssessmentDetail,
  AssessmentPatch,
  type AssessmentStatus,
} from "../../../../contract/assessments";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { SelectField, TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { useContractForm } from "../../components/use-contract-form";
import { assessmentQuery, useDeleteAssessment, useUpdateAssessment } from "./assessments.api";
import { ClassesForm } from "./ClassesForm";
import { CutScoresEditor } from "./CutScoresEditor";
import { ItemsEditor } from "./ItemsEditor";
import { ReapplyScaleSection } from "./ReapplyScaleSection";
import { ReopenButton } from "./ReopenButton";

const route = getRouteApi("/signed-in/assessments/$assessmentId");

/** The assessment builder: what it is, its items and their targets, cut scores, and the classes it goes to. */
export function AssessmentPage() {
  const { assessmentId } = route.useParams();
  const assessment = useQuery(assessmentQuery(assessmentId));
  return (
    <QueryResult query={assessment} loadingLabel="Loading the assessment…" header={<PageHeader title="Assessment" />}>
      {(data) => <AssessmentView key={data.id} assessment={data} />}
    </QueryResult>
  );
}

function AssessmentView({ assessment }: { assessment: AssessmentDetail }) {
  // Cut scores start afresh when saving items changes which targets are measured, or their points.
  const targetsKey = JSON.stringify(assessment.targets.map((t) => [t.targetId, t.maxPoints, t.scaleLevels.length]));
  return (
    <>
      {assessment.communityId ? (
        <p className="breadcrumb">
          <Link to="/communities/$communityId/assessments" params={{ communityId: assessment.communityId }}>
            ← {assessment.communityName}
          </Link>
        </p>
      ) : null}
      <PageHeader
        title={assessment.title}
        description={`${ASSESSMENT_STATUS_LABELS[assessment.status]} · ${assessment.itemCount} items · ${assessment.sittingCount} students entered`}
        actions={
          <>
            {assessment.can.analyze ? (
              <Link
                to="/assessments/$assessmentId/analysis"
                params={{ assessmentId: assessment.id }}
                className="button button-secondary"
              >
                See the analysis
              </Link>
            ) : null}
            {assessment.status === "closed" && assessment.can.update ? (
              <ReopenButton assessmentId={assessment.id} />
            ) : assessment.can.enterResults || assessment.can.analyze ? (
              <Link to="/assessments/$assessmentId/results" params={{ assessmentId: assessment.id }} className="button">
                Enter results
              </Link>
            ) : null}
          </>
        }
      />
      <section className="panel" aria-labelledby="assessment-about">
        <h2 id="assessment-about">About</h2>
        <DetailsForm assessment={assessment} />
      </section>
      {assessment.hasNewerScale && assessment.can.update ? <ReapplyScaleSection assessmentId={assessment.id} /> : null}
      <section className="panel" aria-labelledby="assessment-items">
        <h2 id="assessment-items">Items</h2>
        <ItemsEditor assessment={assessment} />
      </section>
      <section className="panel" aria-labelledby="assessment-cut-scores">
        <h2 id="assessment-cut-scores">Cut scores by learning target</h2>
        <CutScoresEditor key={targetsKey} assessment={assessment} />
      </section>
      <section className="panel" aria-labelledby="assessment-classes">
        <h2 id="assessment-classes">Classes</h2>
        <ClassesForm assessment={assessment} />
      </section>
    </>
  );
}

type DetailsValues = { title: string; description: string; givenOn: string; status: AssessmentStatus };

function DetailsForm({ assessment }: { assessment: AssessmentDetail }) {
  const updateAssessment = useUpdateAssessment(assessment.id);
  const deleteAssessment = useDeleteAssessment(assessment.id);
  const navigate = useNavigate();
  const [saved, setSaved] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const canEdit = assessment.can.update === true;
  const form = useContractForm<typeof AssessmentPatch, DetailsValues>({
    schema: AssessmentPatch,
    defaultValues: {
      title: assessment.title,
      description: assessment.description,
      givenOn: assessment.givenOn ?? "",
      status: assessment.status,
    },
    toInput: (values) => ({ ...values, givenOn: values.givenOn || null }),
    onValid: (patch) => updateAssessment.mutate(patch, { onSuccess: () => setSaved(true), onError: form.showProblem }),
  });

  function handleDelete() {
    deleteAssessment.mutate(assessment.sittingCount > 0, {
      onSuccess: () =>
        assessment.communityId
          ? navigate({ to: "/communities/$communityId/assessments", params: { communityId: assessment.communityId } })
          : navigate({ to: "/" }),
    });
  }

  return (
    <form
      ref={form.formRef}
      onSubmit={form.onSubmit}
      onChange={() => setSaved(false)}
      noValidate
      className="form form-wide"
    >
      <FormAlert message={form.formMessage} />
      <div className="field-row">
        <TextField
          label="Title"
          maxLength={200}
          disabled={!canEdit}
          {...form.register("title")}
          error={form.fieldError("title")}
        />
        <TextField
          label="Given on"
          type="date"
          className="field-narrow"
          disabled={!canEdit}
          {...form.register("givenOn")}
          error={form.fieldError("givenOn")}
        />
        <SelectField label="Status" className="field-narrow" disabled={!canEdit} {...form.register("status")}>
          {ASSESSMENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {ASSESSMENT_STATUS_LABELS[status]}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        label="Description"
        rows={2}
        maxLength={4000}
        disabled={!canEdit}
        {...form.register("description")}
        error={form.fieldError("description")}
      />
      {canEdit ? (
        <div className="actions">
          <button type="submit" className="button" disabled={updateAssessment.isPending}>
            Save
          </button>
          <button type="button" className="button button-danger" onClick={() => setIsConfirming(true)}>
            Delete assessment
          </button>
          <span role="status" className="save-status">
            {saved ? "Saved." : ""}
          </span>
        </div>
      ) : null}
      <ConfirmDialog
        open={isConfirming}
        title="Delete this assessment?"
        confirmLabel="Delete"
        isPending={deleteAssessment.isPending}
        error={deleteAssessment.error ? problemFromError(deleteAssessment.error).message : null}
        onCancel={() => setIsConfirming(false)}
        onConfirm={handleDelete}
      >
        <p>
          {assessment.sittingCount > 0
            ? `The results of ${assessment.sittingCount} students are deleted with it.`
            : "No results have been entered yet."}
        </p>
      </ConfirmDialog>
    </form>
  );
}
