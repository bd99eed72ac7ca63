import { useQuery } from "@tanstack/react-query";
import { gradeLabel, type StandardDetail } from "../../../../contract/standards";
import { QueryResult } from "../../components/QueryResult";
import { LearningTargets } from "./LearningTargets";
import { StandardCode } from "./StandardCode";
import styles from "./StandardDetailPanel.module.css";
import { standardQuery } from "./standards.api";

type StandardDetailPanelProps = { standardId: string; onSelect: (id: string) => void; onClose: () => void };

/** One standard: where it sits (breadcrumb), its full statement, what is inside it, and teams' targets under it. */
export function StandardDetailPanel({ standardId, onSelect, onClose }: StandardDetailPanelProps) {
  const detail = useQuery(standardQuery(standardId));

  return (
    <QueryResult query={detail} loadingLabel="Loading the standard…">
      {(standard) => <StandardDetailView standard={standard} onSelect={onSelect} onClose={onClose} />}
    </QueryResult>
  );
}

type StandardDetailViewProps = Omit<StandardDetailPanelProps, "standardId"> & { standard: StandardDetail };

function StandardDetailView({ standard, onSelect, onClose }: StandardDetailViewProps) {
  const title = standard.code ?? standard.abbreviatedStatement ?? standard.itemType ?? "Standard";

  return (
    <section className="panel" aria-labelledby="standard-detail-heading">
      <nav aria-label="Where this standard sits">
        <ol className={styles.breadcrumb}>
          <li>{standard.framework.title}</li>
          {standard.ancestors.map((ancestor) => (
            <li key={ancestor.id}>
              <button type="button" className="link-button" onClick={() => onSelect(ancestor.id)}>
                {ancestor.code ?? ancestor.statement}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <div className={styles.header}>
        <h2 id="standard-detail-heading">{title}</h2>
        <button type="button" className="button button-secondary button-small" onClick={onClose}>
          Close
        </button>
      </div>
      <p className={styles.statement}>{standard.statement}</p>
      <dl className={styles.facts}>
        {standard.itemType ? (
          <>
            <dt>Type</dt>
            <dd>{standard.itemType}</dd>
          </>
        ) : null}
        {standard.educationLevels.length ? (
          <>
            <dt>Grades</dt>
            <dd>{standard.educationLevels.map(gradeLabel).join(", ")}</dd>
          </>
        ) : null}
        {standard.conceptKeywords.length ? (
          <>
            <dt>Keywords</dt>
            <dd>{standard.conceptKeywords.join(", ")}</dd>
          </>
        ) : null}
        {standard.notes ? (
          <>
            <dt>Notes</dt>
            <dd>{standard.notes}</dd>
          </>
        ) : null}
      </dl>
      {standard.children.length ? (
        <section aria-labelledby="standard-children-heading">
          <h3 id="standard-children-heading">Inside this standard</h3>
          <ul className={styles.children}>
            {standard.children.map((child) => (
              <li key={child.id}>
                <button type="button" className="link-button" onClick={() => onSelect(child.id)}>
                  {child.code ? <StandardCode code={child.code} /> : null}
                  {child.statement}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <LearningTargets key={standard.id} standard={standard} />
    </section>
  );
}
