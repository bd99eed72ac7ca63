import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useRef, useState } from "react";
import { ASSESSMENT_STATUS_LABELS, AssessmentInput } from "../../../../contract/assessments";
import { EmptyState } from "../../components/EmptyState";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { PageHeader } from "../../components/PageHeader";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { useCommunity } from "../communities/CommunityLayout";
import { formatDay } from "./assessment-format";
import { communityAssessmentsQuery, useCreateAssessment } from "./assessments.api";

/** A team's common formative assessments: how each is built, and how far results have come in. */
export function AssessmentsPage() {
  const community = useCommunity();
  const assessments = useQuery(communityAssessmentsQuery(community.id));
  return (
    <>
      <PageHeader
        title="Assessments"
        description="How will we know they learned it? The team's common formative assessments and their results."
      />
      {assessments.isPending ? (
        <Loading label="Loading assessments…" />
      ) : assessments.isError ? (
        <ErrorNotice error={assessments.error} onRetry={() => assessments.refetch()} />
      ) : (
        <>
          {assessments.data.items.length === 0 ? (
            <EmptyState title="No assessments yet">
              <p>Build a common assessment on the team's learning targets and give it to every member's classes.</p>
            </EmptyState>
          ) : (
            <div className="table-scroll">
              <table className="data-table">
                <caption className="visually-hidden">The team's assessments</caption>
                <thead>
                  <tr>
                    <th scope="col">Assessment</th>
                    <th scope="col">Given on</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="cell-number">
                      Items
                    </th>
                    <th scope="col" className="cell-number">
                      Targets
                    </th>
                    <th scope="col" className="cell-number">
                      Students entered
                    </th>
                    <th scope="col">Results</th>
                  </tr>
                </thead>
                <tbody>
                  {assessments.data.items.map((assessment) => (
                    <tr key={assessment.id}>
                      <th scope="row">
                        <Link to="/assessments/$assessmentId" params={{ assessmentId: assessment.id }}>
                          {assessment.title}
                        </Link>
                      </th>
                      <td>{assessment.givenOn ? formatDay(assessment.givenOn) : "—"}</td>
                      <td>{ASSESSMENT_STATUS_LABELS[assessment.status]}</td>
                      <td className="cell-number">{assessment.itemCount}</td>
                      <td className="cell-number">{assessment.targetCount}</td>
                      <td className="cell-number">{assessment.sittingCount}</td>
                      <td>
                        {assessment.can.enterResults || assessment.can.analyze ? (
                          <Link to="/assessments/$assessmentId/results" params={{ assessmentId: assessment.id }}>
                            Results<span className="visually-hidden"> of {assessment.title}</span>
                          </Link>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {assessments.data.can.create ? <NewAssessmentForm communityId={community.id} /> : null}
        </>
      )}
    </>
  );
}

function NewAssessmentForm({ communityId }: { communityId: string }) {
  const createAssessment = useCreateAssessment(communityId);
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState("");
  const [givenOn, setGivenOn] = useState("");
  const [problem, setProblem] = useState(NO_PROBLEM);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(AssessmentInput, { title, givenOn: givenOn || null }, { title: "Give it a title." });
    if (checked.problem) return setProblem(checked.problem);
    setProblem(NO_PROBLEM);
    createAssessment.mutate(checked.data, {
      onSuccess: (created) => navigate({ to: "/assessments/$assessmentId", params: { assessmentId: created.id } }),
      onError: (error) => setProblem(problemFromError(error)),
    });
  }

  return (
    <section className="panel" aria-labelledby="new-assessment">
      <h2 id="new-assessment">New assessment</h2>
      <form ref={formRef} onSubmit={handleSubmit} noValidate className="form form-wide">
        <FormAlert message={problem.message} />
        <div className="field-row">
          <TextField
            label="Title"
            value={title}
            maxLength={200}
            onChange={(event) => setTitle(event.target.value)}
            error={problem.fields.title}
            required
          />
          <TextField
            label="Given on"
            type="date"
            className="field-narrow"
            value={givenOn}
            onChange={(event) => setGivenOn(event.target.value)}
            error={problem.fields.givenOn}
          />
        </div>
        <p className="field-hint">It goes to every class the team's members teach; you can change that next.</p>
        <div className="actions">
          <button type="submit" className="button" disabled={createAssessment.isPending}>
            Create and build
          </button>
        </div>
      </form>
    </section>
  );
}
