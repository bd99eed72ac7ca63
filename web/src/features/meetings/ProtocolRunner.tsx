import type { MeetingDetail } from "../../../../contract/meetings";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { MeetingStatusBadge } from "./MeetingStatusBadge";
import { useGoToStep } from "./meetings.api";
import styles from "./ProtocolRunner.module.css";
import { StepTimer } from "./StepTimer";

type Protocol = NonNullable<MeetingDetail["protocol"]>;

/** The meeting's protocol: while it runs, the current step with its timer and prompts, and moving between steps. */
export function ProtocolRunner({ meeting, protocol }: { meeting: MeetingDetail; protocol: Protocol }) {
  const goToStep = useGoToStep(meeting.id);
  const isRunning = meeting.status === "in_progress" && meeting.currentStep !== null;
  const currentIndex = isRunning ? (meeting.currentStep ?? 0) : null;
  const current = currentIndex === null ? undefined : protocol.steps[currentIndex];
  const canStep = isRunning && meeting.can.contribute === true;
  const isFirst = currentIndex === 0;
  const isLast = currentIndex !== null && currentIndex >= protocol.steps.length - 1;

  // The buttons stay enabled (aria-disabled at the ends) so keyboard focus never drops off a pressed button.
  function handleStep(step: number) {
    if (goToStep.isPending || step < 0 || step >= protocol.steps.length) return;
    goToStep.mutate(step);
  }

  return (
    <section className="panel protocol-runner" aria-labelledby="protocol-heading">
      <h2 id="protocol-heading">Protocol: {protocol.name}</h2>
      <p className="muted">{protocol.purpose}</p>
      {current && currentIndex !== null ? (
        <div className={styles.currentStep}>
          <h3 className={styles.currentStepTitle}>
            Step {currentIndex + 1} of {protocol.steps.length}: {current.title}
          </h3>
          {meeting.stepStartedAt ? (
            <StepTimer
              key={`${currentIndex}-${meeting.stepStartedAt}`}
              stepNumber={currentIndex + 1}
              title={current.title}
              minutes={current.minutes}
              startedAt={meeting.stepStartedAt}
            />
          ) : null}
          <dl className="details">
            <dt>Time box</dt>
            <dd>{current.minutes} minutes</dd>
            <dt>Roles</dt>
            <dd>{current.roles.length ? current.roles.join(", ") : "—"}</dd>
          </dl>
          {current.prompts.length ? (
            <>
              <h4>Guiding prompts</h4>
              <ul className={styles.prompts}>
                {current.prompts.map((prompt) => (
                  <li key={prompt}>{prompt}</li>
                ))}
              </ul>
            </>
          ) : null}
          <FormAlert message={goToStep.error ? problemFromError(goToStep.error).message : null} />
          {canStep ? (
            <div className="actions">
              <button
                type="button"
                className="button button-secondary"
                aria-disabled={isFirst}
                onClick={() => handleStep(currentIndex - 1)}
              >
                Previous step
              </button>
              <button
                type="button"
                className="button"
                aria-disabled={isLast}
                onClick={() => handleStep(currentIndex + 1)}
              >
                Next step
              </button>
              {isLast ? (
                <span className="muted">This is the last step. Finish the meeting when the team is done.</span>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
      <h3>Steps</h3>
      <ol className={styles.steps}>
        {protocol.steps.map((step, index) => {
          const isCurrent = index === currentIndex;
          return (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: a protocol's steps are fixed in the meeting's snapshot
              key={index}
              className={isCurrent ? `${styles.step} ${styles.current}` : styles.step}
              aria-current={isCurrent ? "step" : undefined}
            >
              <span className="step-title">{step.title}</span> <span className="muted">· {step.minutes} min</span>
              {isCurrent ? <MeetingStatusBadge status="in_progress">Now</MeetingStatusBadge> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
