import { useEffect, useRef, useState } from "react";
import { nowMs } from "../../clock";
import styles from "./StepTimer.module.css";

type StepTimerProps = { stepNumber: number; title: string; minutes: number; startedAt: string };

type Phase = "running" | "last-minute" | "over";

function phaseOf(remainingMs: number): Phase {
  if (remainingMs <= 0) return "over";
  return remainingMs <= 60_000 ? "last-minute" : "running";
}

const PHASE_CLASSES: Record<Phase, string | undefined> = {
  running: undefined,
  "last-minute": styles.lastMinute,
  over: styles.over,
};

function clock(ms: number): string {
  const seconds = Math.ceil(Math.abs(ms) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * Counts down the step's time box from when it started. The clock itself stays silent; a separate polite
 * live region speaks only three times: when the step starts, at one minute left, and when time is up.
 */
export function StepTimer({ stepNumber, title, minutes, startedAt }: StepTimerProps) {
  const [now, setNow] = useState(() => nowMs());
  const [announcement, setAnnouncement] = useState("");
  const lastPhase = useRef<Phase | null>(null);
  const boxMs = minutes * 60_000;
  // A browser clock ahead of the server's must not show more time than the step has.
  const remaining = Math.min(boxMs, new Date(startedAt).getTime() + boxMs - now);
  const phase = phaseOf(remaining);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(nowMs()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    if (lastPhase.current === phase) return;
    const isFirst = lastPhase.current === null;
    lastPhase.current = phase;
    if (phase === "over") setAnnouncement(`Time is up for step ${stepNumber}, ${title}.`);
    else if (phase === "last-minute") setAnnouncement(`1 minute left in step ${stepNumber}, ${title}.`);
    else if (isFirst) setAnnouncement(`Step ${stepNumber}, ${title}, has started: ${minutes} minutes.`);
  }, [phase, stepNumber, title, minutes]);

  return (
    <div className={PHASE_CLASSES[phase]}>
      <p className={styles.clock} role="timer">
        {phase === "over" ? `Time is up (${clock(remaining)} over)` : `${clock(remaining)} left`}
      </p>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
