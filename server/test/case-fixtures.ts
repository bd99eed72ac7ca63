import { readFileSync } from "node:fs";
import path from "node:path";

const FIXTURES = path.join(import.meta.dirname, "fixtures/third-party/case");

export type CasePackageJson = Record<string, unknown> & {
  CFDocument: Record<string, unknown>;
  CFItems: Record<string, unknown>[];
  CFAssociations: Record<string, unknown>[];
};

/** An OpenSALT CASE package from the fixtures, as parsed JSON: a fresh copy each time, free to change. */
export function casePackage(name: string): CasePackageJson {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), "utf8"));
}

/** The fixture's bytes, as a client would upload them. */
export function casePackageFile(name: string): Buffer {
  return readFileSync(path.join(FIXTURES, `${name}.json`));
}
