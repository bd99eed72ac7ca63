import { now } from "../../clock";
import { rosterImports } from "../../db/schema";
import { multipartForm } from "../multipart";
import { type Case, type Ctx, DISTRICT, type Targets } from "./matrix-context";

const records = new WeakMap<Targets, Promise<string>>();
const recordIds = new WeakMap<Targets, string>();

/** One finished import record per district, for the read cases. */
function importOf(c: Ctx, targets: Targets): Promise<string> {
  let id = records.get(targets);
  if (!id) {
    id = c.db
      .insert(rosterImports)
      .values({ districtId: targets.district.id, source: "roster.zip", status: "succeeded", finishedAt: now() })
      .returning({ id: rosterImports.id })
      .then(([row]) => {
        recordIds.set(targets, row?.id as string);
        return row?.id as string;
      });
    records.set(targets, id);
  }
  return id;
}

/** A tiny OneRoster delta set (one school) as a multipart upload of its CSV files. */
function uploadOf(c: Ctx) {
  const at = "2026-01-01T00:00:00Z";
  const form = multipartForm({}, [
    {
      field: "files",
      name: "manifest.csv",
      contentType: "text/csv",
      content: "propertyName,value\noneroster.version,1.1\nfile.orgs,delta\n",
    },
    {
      field: "files",
      name: "orgs.csv",
      contentType: "text/csv",
      content: `sourcedId,status,dateLastModified,name,type\norg-${c.unique()},active,${at},Matrix School ${c.unique()},school\n`,
    },
  ]);
  return { url: "/api/v1/rosters/imports", payload: form.payload, headers: form.headers };
}

/** OneRoster imports: district leaders of the district only, for running and for reading the record. */
export const rosterCases: Record<string, Case> = {
  "POST /api/v1/rosters/imports": {
    allowed: DISTRICT,
    own: (c) => uploadOf(c),
  },
  "GET /api/v1/rosters/imports": {
    allowed: DISTRICT,
    own: async (c) => {
      await importOf(c, c.other);
      return { url: "/api/v1/rosters/imports" };
    },
    leakCheck: (c) => recordIds.get(c.other) ?? "another district's import",
  },
  "GET /api/v1/rosters/imports/:id": {
    allowed: DISTRICT,
    own: async (c) => ({ url: `/api/v1/rosters/imports/${await importOf(c, c.own)}` }),
    other: async (c) => ({ url: `/api/v1/rosters/imports/${await importOf(c, c.other)}` }),
  },
};
