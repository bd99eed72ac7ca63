import type { Protocol } from "../../../../contract/meetings";
import styles from "./ProtocolCard.module.css";

type ProtocolCardProps = {
  protocol: Protocol;
  /** "Copy and adapt" for a library protocol, "Edit" for a team copy; absent when the person may not. */
  action?: { label: string; onClick: () => void } | undefined;
};

/** One protocol: its purpose, length, and its steps with roles and guiding prompts. */
export function ProtocolCard({ protocol, action }: ProtocolCardProps) {
  const headingId = `protocol-${protocol.key.replace(/[^\w-]/g, "-")}`;
  return (
    <li className={`card ${styles.card}`}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>{protocol.name}</h3>
        <p>{protocol.purpose}</p>
        <p className="muted">
          {protocol.steps.length} steps · {protocol.totalMinutes} minutes
        </p>
        <details className={styles.steps}>
          <summary>
            Steps<span className="visually-hidden"> of {protocol.name}</span>
          </summary>
          <ol>
            {protocol.steps.map((step, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: shown as saved, never reordered here
              <li key={index}>
                <p className={styles.stepHeading}>
                  <strong>{step.title}</strong> <span className="muted">· {step.minutes} min</span>
                </p>
                {step.roles.length ? <p className="muted">Roles: {step.roles.join(", ")}</p> : null}
                {step.prompts.length ? (
                  <ul className={styles.prompts}>
                    {step.prompts.map((prompt) => (
                      <li key={prompt}>{prompt}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </details>
        {action ? (
          <div className="actions">
            <button type="button" className="button button-secondary button-small" onClick={action.onClick}>
              {action.label}
              <span className="visually-hidden"> {protocol.name}</span>
            </button>
          </div>
        ) : null}
      </article>
    </li>
  );
}
