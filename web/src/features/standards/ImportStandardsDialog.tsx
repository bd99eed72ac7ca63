import { type FormEvent, useState } from "react";
import type { ImportReport, Removals } from "../../../../contract/standards";
import { ApiError } from "../../api/client";
import { RadioGroup } from "../../components/ChoiceGroup";
import { Dialog } from "../../components/Dialog";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import styles from "./ImportStandardsDialog.module.css";
import { type ImportSource, removalsToConfirm, useImportFramework } from "./standards.api";

type ImportStandardsDialogProps = { open: boolean; onClose: () => void; onImported: (report: ImportReport) => void };

const SOURCES = [
  { value: "file", label: "A file" },
  { value: "url", label: "A web address", hint: "A CASE server's CFPackages or CFDocuments address, or a .json file." },
] as const;

/** Imports a CASE 1.0 framework from a file or a URL; a second import of the same framework updates it. */
export function ImportStandardsDialog({ open, onClose, onImported }: ImportStandardsDialogProps) {
  return (
    <Dialog open={open} title="Import standards" onClose={onClose}>
      <ImportForm onCancel={onClose} onImported={onImported} />
    </Dialog>
  );
}

function ImportForm({ onCancel, onImported }: { onCancel: () => void; onImported: (report: ImportReport) => void }) {
  const importFramework = useImportFramework();
  const [source, setSource] = useState<"file" | "url">("file");
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [report, setReport] = useState<ImportReport | null>(null);

  function send(input: ImportSource) {
    setReport(null);
    setProgress(null);
    importFramework.mutate(input, {
      onSuccess: (result) => {
        setReport(result);
        onImported(result);
      },
    });
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (source === "file" && !file) return setFieldError("Choose the CASE package file.");
    if (source === "url" && !url.trim()) return setFieldError("Enter the address of the framework.");
    setFieldError(undefined);
    send(
      source === "file" && file ? { kind: "file", file, onProgress: setProgress } : { kind: "url", url: url.trim() },
    );
  }

  // The confirmation re-sends exactly what was refused, so a file or address changed since then is not it.
  function handleConfirmRemovals() {
    const refused = importFramework.variables;
    if (refused) send({ ...refused, allowRemovals: true });
  }

  function handleSourceChange() {
    importFramework.reset();
    setReport(null);
  }

  const error = importFramework.error;
  const removals = removalsToConfirm(error);
  const problems = error instanceof ApiError && !removals ? error.fieldErrors : [];
  const sourceError = problems.find((p) => p.pointer === "/body/file" || p.pointer === "/body/url")?.detail;
  const packageProblems = problems.filter((p) => !p.pointer.startsWith("/body/"));

  return (
    <form onSubmit={handleSubmit} noValidate className="form">
      <p className="muted">
        Import a framework published in 1EdTech CASE 1.0 format. Importing the same framework again updates it in place.
      </p>
      {removals ? (
        <ConfirmRemovals
          removals={removals}
          isPending={importFramework.isPending}
          onConfirm={handleConfirmRemovals}
          onCancel={handleSourceChange}
        />
      ) : error && !sourceError ? (
        <FormAlert message={error instanceof ApiError ? (error.detail ?? error.title) : "The import failed."} />
      ) : null}
      {packageProblems.length ? (
        <ul className={styles.problems} aria-label="Problems in the package">
          {packageProblems.map((p) => (
            <li key={`${p.pointer}-${p.detail}`}>
              <code>{p.pointer}</code> {p.detail}
            </li>
          ))}
        </ul>
      ) : null}
      <RadioGroup
        legend="Import from"
        choices={SOURCES}
        value={source}
        onChange={(next) => {
          setSource(next);
          handleSourceChange();
        }}
      />
      {source === "file" ? (
        <TextField
          label="CASE package (.json)"
          type="file"
          accept=".json,application/json"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            handleSourceChange();
          }}
          error={fieldError ?? sourceError}
        />
      ) : (
        <TextField
          label="Address of the framework"
          type="url"
          value={url}
          placeholder="https://case.example.org/ims/case/v1p0/CFPackages/…"
          onChange={(event) => {
            setUrl(event.target.value);
            handleSourceChange();
          }}
          error={fieldError ?? sourceError}
          autoComplete="off"
        />
      )}
      {importFramework.isPending ? (
        <div className="field">
          <label htmlFor="import-progress">{source === "file" ? "Uploading" : "Fetching and importing"}</label>
          <progress id="import-progress" max={1} value={progress ?? undefined}>
            {progress === null ? "Working…" : `${Math.round(progress * 100)}%`}
          </progress>
        </div>
      ) : null}
      {report ? <ImportSummary report={report} /> : null}
      <div className="actions">
        <button
          type="submit"
          className={removals ? "button button-secondary" : "button"}
          disabled={importFramework.isPending || removals !== null}
        >
          Import
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {report ? "Done" : "Cancel"}
        </button>
      </div>
    </form>
  );
}

type ConfirmRemovalsProps = { removals: Removals; isPending: boolean; onConfirm: () => void; onCancel: () => void };

/** The re-import would delete standards: say how many and which, and import only when the person confirms. */
function ConfirmRemovals({ removals, isPending, onConfirm, onCancel }: ConfirmRemovalsProps) {
  const { title, removing, standards, codes } = removals;
  const more = removing - codes.length;
  return (
    <div className="notice notice-warning" role="alert">
      <p>
        <strong>
          This package would remove {removing === 1 ? "1 standard" : `${removing} standards`} of the {standards} in “
          {title}”.
        </strong>{" "}
        Nothing has been imported yet.
      </p>
      <p>
        {removing === 1 ? "It is" : "They include"} {codes.join(", ")}
        {more > 0 ? `, and ${more} more` : ""}.
      </p>
      <p>
        Removed standards are deleted from Collective with their place in the framework. Standards that teams use in
        learning targets or essential standards are kept. If this is not the framework you meant to update, cancel and
        check the file or address.
      </p>
      <div className="actions">
        <button type="button" className="button button-danger" onClick={onConfirm} disabled={isPending}>
          Remove them and import
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={isPending}>
          Do not import
        </button>
      </div>
    </div>
  );
}

function ImportSummary({ report }: { report: ImportReport }) {
  const { counts, titleChanged } = report;
  return (
    <div className="notice notice-success" role="status">
      <p>
        {report.created ? "Imported" : "Updated"} “{report.framework.title}”: {counts.items} standards.
      </p>
      <ul aria-label="What the import changed">
        <li>{counts.inserted} created</li>
        <li>{counts.updated} updated</li>
        <li>{counts.deleted} removed</li>
      </ul>
      {titleChanged ? (
        <p>
          The framework's title changed from “{titleChanged.from}” to “{titleChanged.to}”. Check that this package is
          the framework you meant to update: it has the same identifier.
        </p>
      ) : null}
      {report.kept.length ? (
        <p>
          Kept {report.kept.length} standards no longer in the package because teams use them:{" "}
          {report.kept.map((k) => k.code ?? k.caseIdentifier).join(", ")}.
        </p>
      ) : null}
      {report.warnings.length ? (
        <details>
          <summary>{report.warnings.length} warnings</summary>
          <ul>
            {report.warnings.map((w) => (
              <li key={`${w.pointer}-${w.detail}`}>
                <code>{w.pointer}</code> {w.detail}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
