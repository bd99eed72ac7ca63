import { type ChangeEvent, type FormEvent, useState } from "react";
import {
  type AssessmentItem,
  type CsvPreview,
  MAX_CSV_CHARS,
  STUDENT_KEY_LABELS,
  STUDENT_KEYS,
  type StudentKey,
} from "../../../../contract/assessments";
import { ApiError } from "../../api/client";
import { Dialog } from "../../components/Dialog";
import { SelectField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useImportCsv, usePreviewCsv } from "./assessments.api";
import styles from "./CsvUploadDialog.module.css";
import { decodeCsvFile } from "./decode-csv-file";

type CsvUploadDialogProps = { assessmentId: string; items: readonly AssessmentItem[]; onClose: () => void };

/** What each column of the file holds: nothing we use, the student, the status, or an item's points. */
type Use = "" | "student" | "status" | `item:${string}`;

function usesFrom(preview: CsvPreview): Record<string, Use> {
  const uses: Record<string, Use> = {};
  for (const header of preview.headers) uses[header] = "";
  if (preview.suggested.studentColumn) uses[preview.suggested.studentColumn] = "student";
  if (preview.suggested.statusColumn) uses[preview.suggested.statusColumn] = "status";
  for (const [header, itemId] of Object.entries(preview.suggested.itemColumns)) uses[header] = `item:${itemId}`;
  return uses;
}

/**
 * Results from a spreadsheet: choose the file, check what each column holds (the server suggests it), then
 * land every row or none. Problems come back by line and column.
 */
export function CsvUploadDialog({ assessmentId, items, onClose }: CsvUploadDialogProps) {
  const previewCsv = usePreviewCsv(assessmentId);
  const importCsv = useImportCsv(assessmentId);
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [uses, setUses] = useState<Record<string, Use>>({});
  const [studentKey, setStudentKey] = useState<StudentKey>("identifier");
  const [problems, setProblems] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const fail = (error: unknown) => {
    if (error instanceof ApiError) {
      setMessage(error.detail ?? error.title);
      setProblems(error.fieldErrors.map((e) => e.detail));
    } else setMessage("Something went wrong. Try again.");
  };

  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setPreview(null);
    setProblems([]);
    setMessage(null);
    setDone(null);
    if (!file) return;
    const { text, encoding } = decodeCsvFile(new Uint8Array(await file.arrayBuffer()));
    if (text.length > MAX_CSV_CHARS) return setMessage("The file is too large; split it into smaller files.");
    if (encoding === "windows-1252") {
      setMessage(
        "This file is not saved as UTF-8, so it was read as Windows-1252 (Excel's CSV on Windows). Check that accented names look right in the preview.",
      );
    }
    setCsv(text);
    previewCsv.mutate(text, {
      onSuccess: (answer) => {
        setPreview(answer);
        setUses(usesFrom(answer));
        setStudentKey(answer.suggested.studentKey);
      },
      onError: fail,
    });
  }

  function handleImport(event: FormEvent) {
    event.preventDefault();
    if (!csv || !preview) return;
    const studentColumn = Object.keys(uses).find((header) => uses[header] === "student");
    if (!studentColumn) return setMessage("Choose the column that names the student.");
    const itemColumns = Object.fromEntries(
      Object.entries(uses).flatMap(([header, use]) => (use.startsWith("item:") ? [[header, use.slice(5)]] : [])),
    );
    const statusColumn = Object.keys(uses).find((header) => uses[header] === "status") ?? null;
    setMessage(null);
    setProblems([]);
    importCsv.mutate(
      { csv, mapping: { studentColumn, studentKey, itemColumns, statusColumn } },
      { onSuccess: (saved) => setDone(`Recorded results for ${saved.students} students.`), onError: fail },
    );
  }

  return (
    <Dialog open title="Upload results from a CSV file" onClose={onClose}>
      {done ? (
        <>
          <FormAlert tone="success" message={done} />
          <div className="actions">
            <button type="button" className="button" onClick={onClose} data-autofocus>
              Back to the grid
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={handleImport} noValidate className="form">
          <div className="field">
            <label htmlFor="results-csv-file">CSV file</label>
            <input id="results-csv-file" type="file" accept=".csv,.txt,text/csv" onChange={handleFile} />
            <p className="field-hint">
              A header row, one student per row. “ABS” or “EX” in a cell marks absent or exempt.
            </p>
          </div>
          <FormAlert message={message} />
          {problems.length ? (
            <ul className={styles.problems} aria-label="Problems in the file">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
          {preview ? (
            <>
              <p>{preview.rowCount} rows. Say what each column holds; columns left as “Not used” are ignored.</p>
              <SelectField
                label="Students are identified by"
                value={studentKey}
                onChange={(event) => setStudentKey(event.target.value as StudentKey)}
              >
                {STUDENT_KEYS.map((key) => (
                  <option key={key} value={key}>
                    {STUDENT_KEY_LABELS[key]}
                  </option>
                ))}
              </SelectField>
              <div className="table-scroll">
                <table className="data-table">
                  <caption className="visually-hidden">Columns of the file</caption>
                  <thead>
                    <tr>
                      <th scope="col">Column</th>
                      <th scope="col">First values</th>
                      <th scope="col">Holds</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.headers.map((header, index) => (
                      <tr key={header}>
                        <th scope="row">{header}</th>
                        <td className="muted">
                          {preview.rows
                            .slice(0, 3)
                            .map((row) => row[index] ?? "")
                            .join(" · ")}
                        </td>
                        <td>
                          <select
                            aria-label={`What column “${header}” holds`}
                            value={uses[header] ?? ""}
                            onChange={(event) => setUses({ ...uses, [header]: event.target.value as Use })}
                          >
                            <option value="">Not used</option>
                            <option value="student">The student</option>
                            <option value="status">Status (absent, exempt)</option>
                            {items.map((item) => (
                              <option key={item.id} value={`item:${item.id}`}>
                                Item {item.label}
                              </option>
                            ))}
                          </select>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="actions">
                <button type="submit" className="button" disabled={importCsv.isPending}>
                  Import results
                </button>
                <button type="button" className="button button-secondary" onClick={onClose}>
                  Cancel
                </button>
              </div>
            </>
          ) : previewCsv.isPending ? (
            <p role="status">Reading the file…</p>
          ) : null}
        </form>
      )}
    </Dialog>
  );
}
