import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { ResultsGrid as Grid } from "../../../../contract/assessments";
import { ApiError } from "../../api/client";
import { FormAlert } from "../../components/FormAlert";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { resultsQuery, useSaveResults } from "./assessments.api";
import { CsvUploadDialog } from "./CsvUploadDialog";
import { ReopenButton } from "./ReopenButton";
import { type Drafts, ResultsGrid } from "./ResultsGrid";
import styles from "./ResultsPage.module.css";
import { buildResultRows, problemsByCell } from "./results-grid-state";

const route = getRouteApi("/signed-in/assessments/$assessmentId/results");
const NO_DRAFTS: Drafts = { cells: {}, statuses: {} };

/** Entering results: the keyboard grid, one save for everything changed, and a CSV upload. */
export function ResultsPage() {
  const { assessmentId } = route.useParams();
  const results = useQuery(resultsQuery(assessmentId));
  return (
    <QueryResult query={results} loadingLabel="Loading the results…" header={<PageHeader title="Results" />}>
      {(data) => <ResultsView grid={data} />}
    </QueryResult>
  );
}

function ResultsView({ grid }: { grid: Grid }) {
  const saveResults = useSaveResults(grid.assessment.id);
  const [drafts, setDrafts] = useState<Drafts>(NO_DRAFTS);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [isUploading, setIsUploading] = useState(false);
  const students = useMemo(() => grid.classes.flatMap((c) => c.students), [grid]);
  const pending = useMemo(() => buildResultRows(grid, students, drafts), [grid, students, drafts]);
  const changedCount = pending.rows.length + new Set(pending.problems.map((p) => p.studentId)).size;
  const isReadOnly = grid.can.enterResults !== true;
  const hasChanges = changedCount > 0;

  const handleDraftsChange = useCallback((update: (previous: Drafts) => Drafts) => {
    setStatus("");
    setDrafts(update);
  }, []);
  const handlePasted = useCallback((cells: number) => setStatus(`Pasted ${cells} cells. Review them, then save.`), []);

  useEffect(() => {
    if (!hasChanges) return;
    // The browser asks before leaving the page with unsaved results.
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [hasChanges]);

  function handleSave() {
    setMessage(null);
    if (pending.problems.length) {
      const count = pending.problems.length;
      setMessage(`${count} ${count === 1 ? "cell" : "cells"} cannot be read; fix the highlighted cells, then save.`);
      return;
    }
    if (!pending.rows.length) return setStatus("Nothing to save.");
    const sent = pending.rows.map((row) => row.studentId);
    saveResults.mutate(
      { rows: pending.rows },
      {
        onSuccess: (saved) => {
          setDrafts(NO_DRAFTS);
          setProblems({});
          setStatus(`Saved results for ${saved.students} students.`);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fieldErrors.length) {
            setProblems(problemsByCell(error.fieldErrors, sent));
            const count = error.fieldErrors.length;
            setMessage(`${count} ${count === 1 ? "cell was" : "cells were"} not accepted; nothing was saved.`);
          } else setMessage(error instanceof ApiError ? (error.detail ?? error.title) : "Saving failed. Try again.");
        },
      },
    );
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/assessments/$assessmentId" params={{ assessmentId: grid.assessment.id }}>
          ← {grid.assessment.title}
        </Link>
      </p>
      <PageHeader
        title={`Results: ${grid.assessment.title}`}
        description={`${students.length} students in ${grid.classes.length} classes. Absent and exempt students are not counted.`}
        actions={
          <>
            <Link
              to="/assessments/$assessmentId/analysis"
              params={{ assessmentId: grid.assessment.id }}
              className="button button-secondary"
            >
              See the analysis
            </Link>
            {isReadOnly ? null : (
              <button type="button" className="button button-secondary" onClick={() => setIsUploading(true)}>
                Upload a CSV
              </button>
            )}
            {grid.assessment.status === "closed" && grid.can.update ? (
              <ReopenButton assessmentId={grid.assessment.id} />
            ) : null}
          </>
        }
      />
      {grid.assessment.status === "closed" ? (
        <p className="notice">
          {grid.can.update
            ? "This assessment is closed, so its results are locked. Reopen it to change them."
            : "This assessment is closed, so its results are locked."}
        </p>
      ) : null}
      {grid.items.length === 0 ? (
        <p className="notice">This assessment has no items yet; add them in the builder first.</p>
      ) : students.length === 0 ? (
        <p className="notice">No students of yours are in the classes this assessment is given to.</p>
      ) : (
        <>
          <FormAlert message={message} />
          <ResultsGrid
            items={grid.items}
            classes={grid.classes}
            drafts={drafts}
            onDraftsChange={handleDraftsChange}
            problems={problems}
            isReadOnly={isReadOnly}
            onPasted={handlePasted}
          />
          {isReadOnly ? null : (
            <div className={`actions ${styles.actions}`}>
              <button type="button" className="button" onClick={handleSave} disabled={saveResults.isPending}>
                Save results
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={!hasChanges || saveResults.isPending}
                onClick={() => {
                  setDrafts(NO_DRAFTS);
                  setProblems({});
                  setMessage(null);
                  setStatus("Changes discarded.");
                }}
              >
                Discard changes
              </button>
              <span className="muted">
                {hasChanges ? `${changedCount} students changed, not saved yet.` : "All saved."}
              </span>
            </div>
          )}
          <p role="status" className="save-status">
            {status}
          </p>
        </>
      )}
      {isUploading ? (
        <CsvUploadDialog assessmentId={grid.assessment.id} items={grid.items} onClose={() => setIsUploading(false)} />
      ) : null}
    </>
  );
}
