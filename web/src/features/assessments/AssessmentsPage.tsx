import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { ASSESSMENT_STATUS_LABELS, AssessmentInput } from "../../../../contract/assessments";
import { EmptyState } from "../../components/EmptyState";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { useContractForm } from "../../components/use-contract-form";
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
      <QueryResult query={assessments} loadingLabel="Loading assessments…">
        {(data) => (
          <>
            {data.items.length === 0 ? (
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
                    {data.items.map((assessment) => (
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
            {data.can.create ? <NewAssessmentForm communityId={community.id} /> : null}
          </>
        )}
      </QueryResult>
    </>
  );
}

function NewAssessmentForm({ communityId }: { communityId: string }) {
  const createAssessment = useCreateAssessment(communityId);
  const navigate = useNavigate();
  const form = useContractForm<typeof AssessmentInput, { title: string; givenOn: string }>({
    schema: AssessmentInput,
    defaultValues: { title: "", givenOn: "" },
    toInput: ({ title, givenOn }) => ({ title, givenOn: givenOn || null }),
    messages: { title: "Give it a title." },
    onValid: (input) =>
      createAssessment.mutate(input, {
        onSuccess: (created) => navigate({ to: "/assessments/$assessmentId", params: { assessmentId: created.id } }),
        onError: form.showProblem,
      }),
  });

  return (
    <section className="panel" aria-labelledby="new-assessment">
      <h2 id="new-assessment">New assessment</h2>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form form-wide">
        <FormAlert message={form.formMessage} />
        <div className="field-row">
          <TextField
            label="Title"
            maxLength={200}
            {...form.register("title")}
            error={form.fieldError("title")}
            required
          />
          <TextField
            label="Given on"
            type="date"
            className="field-narrow"
            {...form.register("givenOn")}
            error={form.fieldError("givenOn")}
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
