import { type FormEvent, useState } from "react";
import type { ImportReport } from "../../../../contract/standards";
import { ApiError } from "../../api/client";
import { RadioGroup } from "../../components/ChoiceGroup";
import { Dialog } from "../../components/Dialog";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useImportFramework } from "./standards.api";

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

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setReport(null);
    if (source === "file" && !file) return setFieldError("Choose the CASE package file.");
    if (source === "url" && !url.trim()) return setFieldError("Enter the address of the framework.");
    setFieldError(undefined);
    setProgress(null);
    const input =
      source === "file" && file
        ? { kind: "file" as const, file, onProgress: setProgress }
        : { kind: "url" as const, url: url.trim() };
    importFramework.mutate(input, {
      onSuccess: (result) => {
        setReport(result);
        onImported(result);
      },
    });
  }

  const error = importFramework.error;
  const problems = error instanceof ApiError ? error.fieldErrors : [];
  const sourceError = problems.find((p) => p.pointer === "/body/file" || p.pointer === "/body/url")?.detail;
  const packageProblems = problems.filter((p) => !p.pointer.startsWith("/body/"));

  return (
    <form onSubmit={handleSubmit} noValidate className="form">
      <p className="muted">
        Import a framework published in 1EdTech CASE 1.0 format. Importing the same framework again updates it in place.
      </p>
      {error && !sourceError ? (
        <FormAlert message={error instanceof ApiError ? (error.detail ?? error.title) : "The import failed."} />
      ) : null}
      {packageProblems.length ? (
        <ul className="import-problems" aria-label="Problems in the package">
          {packageProblems.map((p) => (
            <li key={`${p.pointer}-${p.detail}`}>
              <code>{p.pointer}</code> {p.detail}
            </li>
          ))}
        </ul>
      ) : null}
      <RadioGroup legend="Import from" choices={SOURCES} value={source} onChange={setSource} />
      {source === "file" ? (
        <TextField
          label="CASE package (.json)"
          type="file"
          accept=".json,application/json"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          error={fieldError ?? sourceError}
        />
      ) : (
        <TextField
          label="Address of the framework"
          type="url"
          value={url}
          placeholder="https://case.example.org/ims/case/v1p0/CFPackages/…"
          onChange={(event) => setUrl(event.target.value)}
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
        <button type="submit" className="button" disabled={importFramework.isPending}>
          Import
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {report ? "Done" : "Cancel"}
        </button>
      </div>
    </form>
  );
}

function ImportSummary({ report }: { report: ImportReport }) {
  const { counts } = report;
  return (
    <div className="notice notice-success" role="status">
      <p>
        {report.created ? "Imported" : "Updated"} “{report.framework.title}”: {counts.items} standards (
        {counts.inserted} new, {counts.updated} updated, {counts.deleted} removed).
      </p>
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
