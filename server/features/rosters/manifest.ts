import type { FileSpec, OneRosterVersion } from "./columns";
import { ALL_FILE_NAMES, filesOfVersion } from "./file-catalog";
import { ImportLimitError } from "./import-limits";
import { CsvFormatError, isBlankRecord, readCsvRecords } from "./parse-csv";
import type { FileMode } from "./parse-rows";
import type { ProblemList } from "./problems";
import type { SourceFile } from "./read-files";

export type Manifest = { version: OneRosterVersion; modes: Map<string, FileMode | "absent" | null> };

/** A data file to read: its definition, where it is, and how the manifest says to apply it. */
export type PlannedFile = { spec: FileSpec; file: SourceFile; mode: FileMode };

const MANIFEST = "manifest.csv";

/** The file of this name, matched case-insensitively (a warning when the case differs from the standard). */
export function findFile(files: SourceFile[], name: string, problems: ProblemList): SourceFile | undefined {
  const file = files.find((f) => f.name.toLowerCase() === name.toLowerCase());
  if (file && file.name !== name)
    problems.warn(file.name, null, null, `Read as ${name} (file names are case-sensitive).`);
  return file;
}

/** Lines a manifest may have: OneRoster 1.2 defines about thirty properties. */
const MAX_PROPERTIES = 500;

/** Reads manifest.csv: the OneRoster version and, for each file, absent / bulk / delta. */
export async function readManifest(files: SourceFile[], problems: ProblemList): Promise<Manifest | undefined> {
  const file = findFile(files, MANIFEST, problems);
  if (!file) {
    problems.error(MANIFEST, null, null, "manifest.csv is missing: it must sit at the root of the set.");
    return undefined;
  }
  const properties = new Map<string, { value: string; line: number }>();
  let columns: { name: number; value: number } | undefined;
  try {
    for await (const records of readCsvRecords(await file.open()))
      for (const { fields, line } of records) {
        if (isBlankRecord(fields)) continue;
        if (!columns) {
          const header = fields.map((f) => f.trim().toLowerCase());
          columns = { name: header.indexOf("propertyname"), value: header.indexOf("value") };
          if (columns.name === -1 || columns.value === -1) {
            const other = header.length === 1 && /[;\t|]/.exec(header[0] ?? "")?.[0];
            const hint = other ? ` It is separated by "${other === "\t" ? "tab" : other}", not commas.` : "";
            problems.error(file.name, line, null, `The manifest header must be "propertyName,value".${hint}`);
            return undefined;
          }
          continue;
        }
        if (properties.size >= MAX_PROPERTIES) {
          problems.error(
            file.name,
            line,
            null,
            `A manifest has a few dozen lines; this one has over ${MAX_PROPERTIES}.`,
          );
          return undefined;
        }
        const name = (fields[columns.name] ?? "").trim();
        if (name) properties.set(name.toLowerCase(), { value: (fields[columns.value] ?? "").trim(), line });
      }
  } catch (error) {
    if (error instanceof ImportLimitError) throw error;
    problems.error(
      file.name,
      error instanceof CsvFormatError ? error.line : null,
      null,
      "The manifest is not valid CSV.",
    );
    return undefined;
  }
  const version = readVersion(file.name, properties.get("oneroster.version"), problems);
  if (!version) return undefined;
  const known = new Map(filesOfVersion(version).map((spec) => [spec.name.toLowerCase(), spec.name]));
  const modes = new Map<string, FileMode | "absent" | null>();
  for (const [key, { value, line }] of properties) {
    if (!key.startsWith("file.")) continue;
    // One library writes "file.roles*", copied from a footnote mark in the specification's table.
    const fileKey = key.slice("file.".length).replace(/\*$/, "");
    const name = known.get(fileKey);
    if (!name) {
      problems.warn(file.name, line, "propertyName", `The manifest names a file OneRoster ${version} does not define.`);
      continue;
    }
    const mode = value.toLowerCase();
    if (mode === "absent" || mode === "bulk" || mode === "delta") modes.set(name, mode);
    else if (mode === "") modes.set(name, null);
    else problems.error(file.name, line, "value", `"${value}" is not absent, bulk or delta.`);
  }
  return { version, modes };
}

function readVersion(
  fileName: string,
  property: { value: string; line: number } | undefined,
  problems: ProblemList,
): OneRosterVersion | undefined {
  if (!property) {
    problems.error(fileName, null, null, "The manifest does not say which OneRoster version (oneroster.version).");
    return undefined;
  }
  if (property.value === "1.1" || property.value === "1.1.0") return "1.1";
  if (/^1\.2(\.\d+)?$/.test(property.value)) return "1.2";
  problems.error(fileName, property.line, "value", `OneRoster ${property.value} is not supported: use 1.1 or 1.2.`);
  return undefined;
}

/**
 * Which files to read and how, from the manifest and the files actually there. A file the manifest lists
 * as bulk or delta that is missing is read as absent, never as "delete everything" (real exports do this).
 */
export function planFiles(manifest: Manifest, files: SourceFile[], problems: ProblemList): PlannedFile[] {
  const planned: PlannedFile[] = [];
  const used = new Set<SourceFile>();
  for (const spec of filesOfVersion(manifest.version)) {
    const fileName = `${spec.name}.csv`;
    const mode = manifest.modes.get(spec.name);
    const file = files.find((f) => f.name.toLowerCase() === fileName.toLowerCase());
    if (file) used.add(file);
    if (!file) {
      if (mode === "bulk" || mode === "delta") {
        problems.warn(fileName, null, null, `The manifest lists this file as ${mode}, but it is not in the set.`);
      }
      continue;
    }
    if (file.name !== fileName) problems.warn(file.name, null, null, `Read as ${fileName} (names are case-sensitive).`);
    if (mode === "absent") {
      problems.warn(file.name, null, null, "The manifest says this file is absent, so it is not read.");
      continue;
    }
    if (mode === undefined || mode === null) {
      const why = mode === null ? "has no value for" : "does not list";
      problems.warn(file.name, null, null, `The manifest ${why} this file; it is read as bulk.`);
    }
    planned.push({ spec, file, mode: mode ?? "bulk" });
  }
  for (const file of files) {
    if (used.has(file) || file.name.toLowerCase() === MANIFEST) continue;
    const base = file.name.replace(/\.csv$/i, "");
    const isOtherVersion = [...ALL_FILE_NAMES].some((n) => n.toLowerCase() === base.toLowerCase());
    problems.warn(
      file.name,
      null,
      null,
      isOtherVersion
        ? `This file is not part of OneRoster ${manifest.version}; it is not read.`
        : "Not a OneRoster file; it is not read.",
    );
  }
  return planned;
}
