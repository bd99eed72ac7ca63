import { nowMs } from "../../clock";
/** The stages of an import, in order. */
export type ImportPhase = "reading" | "validating" | "applying" | "finishing";

/** One progress report: which stage, how far (rows, or bytes while reading), and what is being worked on. */
export type ImportProgress = { phase: ImportPhase; done: number; total: number; detail?: string };

export type OnProgress = (progress: ImportProgress) => void;

/**
 * Passes progress on at most every `intervalMs` (and always at a phase change or the end of one),
 * so a 300,000-row import does not emit 300,000 events.
 */
export function throttleProgress(onProgress: OnProgress | undefined, intervalMs = 200): OnProgress {
  if (!onProgress) return () => {};
  let last: ImportProgress | undefined;
  let lastAt = 0;
  return (progress) => {
    const now = nowMs();
    const isNewStage = !last || last.phase !== progress.phase || last.detail !== progress.detail;
    const isEnd = progress.done >= progress.total;
    if (!isNewStage && !isEnd && now - lastAt < intervalMs) return;
    last = progress;
    lastAt = now;
    onProgress(progress);
  };
}
