import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { ScaleFigures, TargetRescale } from "../../../../contract/scale-reapplication";
import { Dialog } from "../../components/Dialog";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { QueryResult } from "../../components/QueryResult";
import { scaleReapplicationQuery, useReapplyScale } from "./scale-reapplication.api";

const figures = (f: ScaleFigures) =>
  `${f.proficient} of ${f.assessed}${f.proficientPercent === null ? "" : ` (${f.proficientPercent}%)`}`;

/**
 * A closed assessment keeps the scale it was scored with; when its targets' scales have changed since, a person
 * who may update it can see what the current scale would change and choose to apply it.
 */
export function ReapplyScaleSection({ assessmentId }: { assessmentId: string }) {
  const [isOpen, setIsOpen] = useState(false);
  const [isApplied, setIsApplied] = useState(false);
  const preview = useQuery({ ...scaleReapplicationQuery(assessmentId), enabled: isOpen });
  const reapplyScale = useReapplyScale(assessmentId);

  function handleConfirm() {
    reapplyScale.mutate(undefined, {
      onSuccess: () => {
        setIsApplied(true);
        setIsOpen(false);
      },
    });
  }

  return (
    <section className="panel" aria-labelledby="assessment-scale">
      <h2 id="assessment-scale">Scale changed since scoring</h2>
      <p>
        This assessment is closed, so its results keep the scale and cut scores they were scored with. The scales of its
        learning targets have changed since. You can see what the current scale would change, then choose to apply it.
      </p>
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={() => setIsOpen(true)}>
          Preview the current scale
        </button>
        <span role="status">{isApplied ? "The current scale was applied." : ""}</span>
      </div>
      <Dialog open={isOpen} title="Re-apply the current scale" onClose={() => setIsOpen(false)}>
        <QueryResult query={preview} loadingLabel="Working out the levels under the current scale…">
          {(data) => <ScaleComparison targets={data.targets} />}
        </QueryResult>
        <FormAlert message={reapplyScale.isError ? problemFromError(reapplyScale.error).message : null} />
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={handleConfirm}
            disabled={!preview.isSuccess || reapplyScale.isPending}
          >
            Apply the current scale
          </button>
          <button type="button" className="button button-secondary" onClick={() => setIsOpen(false)} data-autofocus>
            Cancel
          </button>
        </div>
      </Dialog>
    </section>
  );
}

function ScaleComparison({ targets }: { targets: TargetRescale[] }) {
  return (
    <>
      <p>
        Proficient results per learning target, with the scale it was scored with and the current one. Nothing changes
        until you apply it.
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Proficient before and after</caption>
          <thead>
            <tr>
              <th scope="col">Learning target</th>
              <th scope="col">Proficient now (level {"≥"} proficient)</th>
              <th scope="col">With the current scale</th>
              <th scope="col">Students whose level changes</th>
            </tr>
          </thead>
          <tbody>
            {targets.map((target) => (
              <tr key={target.targetId}>
                <th scope="row">{target.code ?? target.statement}</th>
                <td>
                  {figures(target.before)}, level {target.before.proficientLevel} of {target.before.levelCount}
                </td>
                <td>
                  {figures(target.after)}, level {target.after.proficientLevel} of {target.after.levelCount}
                </td>
                <td>
                  {target.changes.length + target.otherChanges === 0
                    ? "None"
                    : target.changes.map((c) => `${c.name}: ${c.before} → ${c.after}`).join("; ")}
                  {target.otherChanges > 0 ? ` and ${target.otherChanges} students you do not see` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
