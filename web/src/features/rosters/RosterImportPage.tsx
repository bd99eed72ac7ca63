import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import type { RosterImport } from "../../../../contract/rosters";
import { problemFromError } from "../../components/form-errors";
import { PageHeader } from "../../components/PageHeader";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { RequireAbility } from "../admin/RequireAbility";
import { ImportReport } from "./ImportReport";
import { PastImports } from "./PastImports";
import styles from "./RosterImportPage.module.css";
import { type ProgressEvent, rosterImportQuery, runRosterImport } from "./rosters.api";

const PHASES: Record<ProgressEvent["phase"], string> = {
  receiving: "Uploading the files",
  reading: "Reading the files",
  validating: "Checking every row",
  applying: "Importing",
  finishing: "Finishing",
};

export function RosterImportPage() {
  return (
    <RequireAbility ability="importRosters" title="Roster import">
      <ImportRosters />
    </RequireAbility>
  );
}

function ImportRosters() {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const progressId = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [isRunning, setIsRunning] = useState(false);
  const [result, setResult] = useState<RosterImport | null>(null);
  const [shownId, setShownId] = useState<string | null>(null);
  const shown = useQuery({ ...rosterImportQuery(shownId ?? ""), enabled: shownId !== null });

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (files.length === 0) return setError("Choose a OneRoster zip, or the set's CSV files.");
    setError(null);
    setResult(null);
    setShownId(null);
    setIsRunning(true);
    setProgress({ type: "progress", phase: "receiving", done: 0, total: 0 });
    try {
      const record = await runRosterImport(files, setProgress);
      setResult(record);
      formRef.current?.reset();
      setFiles([]);
    } catch (failure) {
      const problem = problemFromError(failure);
      setError(problem.fields.files ?? problem.message ?? "The import could not be run.");
    } finally {
      setIsRunning(false);
      setProgress(null);
      await queryClient.invalidateQueries({ queryKey: ["rosters", "imports"] });
    }
  }

  const isCounting = progress !== null && progress.total > 0;
  return (
    <>
      <PageHeader
        title="Roster import"
        description="Import students, guardians, staff, classes, enrollments and terms from your student information system's OneRoster export (version 1.1 or 1.2). Either the whole set lands or nothing does, and importing the same files again changes nothing."
      />
      <form ref={formRef} onSubmit={handleSubmit} noValidate className={`form ${styles.upload}`}>
        <div className="field">
          <label htmlFor={inputId}>OneRoster files</label>
          <p id={hintId} className="field-hint">
            One .zip with the CSV files at its root, or the CSV files themselves (manifest.csv, users.csv, …).
          </p>
          <input
            id={inputId}
            type="file"
            accept=".zip,.csv,application/zip,text/csv"
            multiple
            disabled={isRunning}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            aria-invalid={error ? true : undefined}
            onChange={(event) => setFiles([...(event.target.files ?? [])])}
          />
          {error ? (
            <p id={errorId} className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={isRunning}>
            {isRunning ? "Importing…" : "Import"}
          </button>
        </div>
      </form>
      {isRunning && progress ? (
        <div className={`field ${styles.progress}`}>
          <label htmlFor={progressId}>{PHASES[progress.phase]}</label>
          <progress
            id={progressId}
            max={isCounting ? progress.total : undefined}
            value={isCounting ? progress.done : undefined}
          >
            {isCounting ? `${Math.round((progress.done / progress.total) * 100)}%` : "Working…"}
          </progress>
          <p className="visually-hidden" role="status">
            {PHASES[progress.phase]}
          </p>
        </div>
      ) : null}
      {result ? <ImportReport record={result} /> : null}
      {shownId ? (
        shown.isPending ? (
          <Loading label="Loading the import…" />
        ) : shown.isError ? (
          <ErrorNotice error={shown.error} onRetry={() => shown.refetch()} />
        ) : (
          <ImportReport record={shown.data} />
        )
      ) : null}
      <PastImports
        onShow={(id) => {
          setResult(null);
          setShownId(id);
        }}
      />
    </>
  );
}
