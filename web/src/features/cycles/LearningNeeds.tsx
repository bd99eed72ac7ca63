import { useQuery } from "@tanstack/react-query";
import { type Cycle, LearningNeedInput } from "../../../../contract/cycles";
import { TextAreaField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { QueryResult } from "../../components/QueryResult";
import { useContractForm } from "../../components/use-contract-form";
import { learningNeedsQuery, useAddLearningNeed, useDeleteLearningNeed } from "./cycles.api";

/** Stage 1: what we educators need to learn ourselves to teach this better. */
export function LearningNeeds({ cycle }: { cycle: Cycle }) {
  const needs = useQuery(learningNeedsQuery(cycle.id));
  const add = useAddLearningNeed(cycle.id);
  const remove = useDeleteLearningNeed(cycle.id);
  const form = useContractForm({
    schema: LearningNeedInput,
    defaultValues: { need: "" },
    messages: { need: "Write what you need to learn." },
    onValid: ({ need }) => add.mutate(need, { onSuccess: () => form.reset(), onError: form.showProblem }),
  });
  return (
    <>
      <h3>Our learning needs</h3>
      <QueryResult
        query={needs}
        loadingLabel="Loading learning needs…"
        isEmpty={(data) => data.items.length === 0}
        empty={<p>No learning needs recorded yet.</p>}
      >
        {(data) => (
          <ul>
            {data.items.map((need) => (
              <li key={need.id}>
                {need.need}
                {need.author ? ` — ${need.author.name}` : ""}
                {cycle.can.contribute ? (
                  <>
                    {" "}
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => remove.mutate(need.id)}
                      disabled={remove.isPending}
                    >
                      Remove<span className="visually-hidden"> “{need.need}”</span>
                    </button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </QueryResult>
      {cycle.can.contribute ? (
        <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
          <FormAlert message={form.formMessage} />
          <TextAreaField label="A learning need" rows={2} {...form.register("need")} error={form.fieldError("need")} />
          <button type="submit" className="button button-secondary" disabled={add.isPending}>
            Add the need
          </button>
        </form>
      ) : null}
    </>
  );
}
