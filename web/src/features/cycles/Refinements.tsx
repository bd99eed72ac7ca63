import { useQuery } from "@tanstack/react-query";
import { type CycleWorkAbilities, RefinementInput } from "../../../../contract/cycle-work";
import { TextAreaField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { formatDateTime } from "../../components/format";
import { QueryResult } from "../../components/QueryResult";
import { useContractForm } from "../../components/use-contract-form";
import { refinementsQuery, useAddRefinement } from "./cycle-work.api";

type SectionProps = { communityId: string; cycleId: string; can: CycleWorkAbilities };

/** Stage 6's refinements: what the team changed while monitoring, and why; newest first. */
export function Refinements({ cycleId, can }: SectionProps) {
  const refinements = useQuery(refinementsQuery(cycleId));
  return (
    <section className="panel" aria-labelledby="refinements-heading">
      <h2 id="refinements-heading">Refinements</h2>
      <QueryResult
        query={refinements}
        loadingLabel="Loading the refinements…"
        isEmpty={(data) => data.items.length === 0}
        empty={<p className="muted">The team has not changed course yet.</p>}
      >
        {(data) => (
          <ul>
            {data.items.map((r) => (
              <li key={r.id}>
                <p>
                  <strong>{r.change}</strong>
                </p>
                <p>Why: {r.reason}</p>
                <p className="muted">
                  {r.author?.name ?? "Former member"} · {formatDateTime(r.createdAt)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </QueryResult>
      {can.contribute ? <RefinementForm cycleId={cycleId} /> : null}
    </section>
  );
}

/** Records one change and its reason. */
export function RefinementForm({ cycleId }: { cycleId: string }) {
  const add = useAddRefinement(cycleId);
  const form = useContractForm({
    schema: RefinementInput,
    defaultValues: { change: "", reason: "" },
    onValid: (input) => add.mutate(input, { onSuccess: () => form.reset(), onError: form.showProblem }),
  });
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
      <FormAlert message={form.formMessage} />
      <TextAreaField
        label="What we changed"
        rows={2}
        {...form.register("change")}
        error={form.fieldError("change")}
        required
      />
      <TextAreaField label="Why" rows={2} {...form.register("reason")} error={form.fieldError("reason")} required />
      <div className="actions">
        <button type="submit" className="button" disabled={add.isPending}>
          Record refinement
        </button>
      </div>
    </form>
  );
}
