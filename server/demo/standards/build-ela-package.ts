/**
 * Builds the demo district's standards framework, ccss-ela.case.json, from OpenSALT's spreadsheet of the
 * Common Core ELA standards (rows with real CASE identifiers, not CASE JSON). Run it from the repository root:
 *
 *   npx tsx server/demo/standards/build-ela-package.ts [path/to/ccsso_ela_item.csv]
 *
 * It keeps grades K–8 and, within them, Reading Literature, Reading Informational Text, Writing and Language.
 * The hierarchy comes from the rows' smartLevel paths ("5.1.1.1" is a child of "5.1.1"); the CFDocument and
 * the isChildOf associations are made here, with identifiers derived from the items' so each run is the same.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

type Row = {
  identifier: string;
  fullStatement: string;
  humanCodingScheme: string;
  smartLevel: string;
  listEnumeration: string;
  abbreviatedStatement: string;
  conceptKeywords: string;
  notes: string;
  language: string;
  educationLevel: string;
  CFItemType: string;
  lastChangeDateTime: string;
};

const HERE = import.meta.dirname;
const DEFAULT_SOURCE = path.resolve(HERE, "../../../../shared/data/case/opensalt/ccsso_ela_item.csv");
const OUTPUT = path.join(HERE, "ccss-ela.case.json");
/** smartLevel's first number: 2 is Kindergarten, 3 Grade 1 … 10 Grade 8 (1 is the anchor standards). */
const GRADES = { first: 2, last: 10 };
const STRANDS =
  /^(Reading Standards for Literature|Reading Standards for Informational Text|Writing Standards|Language Standards)$/;
/** Where the spreadsheet leaves CFItemType blank, the level says what the node is. */
const TYPE_BY_DEPTH = ["Grade Level", "Strand", "Cluster", "Standard", "Component"];

/** A name-based UUID (version 5 layout, SHA-1), so rebuilding gives the same identifiers. */
function stableUuid(name: string): string {
  const hash = createHash("sha1").update(`collective-demo-ccss-ela:${name}`).digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function isoTime(value: string): string {
  return value ? `${value.replace(" ", "T")}+00:00` : "2017-08-23T23:48:00+00:00";
}

function link(title: string, identifier: string) {
  return { title, identifier, uri: `urn:uuid:${identifier}` };
}

/** Turns the spreadsheet's rows into a CASE 1.0 CFPackage. */
export function buildElaPackage(rows: Row[]) {
  const bySmartLevel = new Map(rows.map((row) => [row.smartLevel, row]));
  const parentLevel = (level: string) => level.split(".").slice(0, -1).join(".");
  const kept = rows.filter((row) => {
    const [grade, strand] = row.smartLevel.split(".");
    if (Number(grade) < GRADES.first || Number(grade) > GRADES.last) return false;
    if (strand === undefined) return true;
    return STRANDS.test(bySmartLevel.get(`${grade}.${strand}`)?.fullStatement.trim() ?? "");
  });
  const naturalOrder = new Intl.Collator("en", { numeric: true });
  kept.sort((a, b) => naturalOrder.compare(a.smartLevel, b.smartLevel));

  const documentId = stableUuid("document");
  const title = "Common Core State Standards for English Language Arts, Grades K–8 (excerpt)";
  const lastChange =
    kept
      .map((row) => isoTime(row.lastChangeDateTime))
      .sort()
      .at(-1) ?? isoTime("");
  const items = kept.map((row) => {
    const depth = row.smartLevel.split(".").length - 1;
    const item: Record<string, unknown> = {
      identifier: row.identifier,
      uri: `urn:uuid:${row.identifier}`,
      fullStatement: row.fullStatement.trim(),
      lastChangeDateTime: isoTime(row.lastChangeDateTime),
      CFItemType: row.CFItemType || TYPE_BY_DEPTH[depth] || "Component",
      educationLevel: row.educationLevel
        .split(/[,.]/)
        .map((level) => level.trim())
        .filter(Boolean),
      language: row.language || "en",
    };
    if (row.humanCodingScheme) item.humanCodingScheme = row.humanCodingScheme;
    if (row.listEnumeration) item.listEnumeration = row.listEnumeration;
    if (row.abbreviatedStatement) item.abbreviatedStatement = row.abbreviatedStatement;
    if (row.conceptKeywords) item.conceptKeywords = row.conceptKeywords.split(",").map((word) => word.trim());
    if (row.notes) item.notes = row.notes;
    return item;
  });
  const associations = kept.map((row) => {
    const parent = bySmartLevel.get(parentLevel(row.smartLevel));
    const destination = parent
      ? link(parent.humanCodingScheme || parent.fullStatement.trim(), parent.identifier)
      : link(title, documentId);
    const identifier = stableUuid(`isChildOf:${row.identifier}:${destination.identifier}`);
    return {
      identifier,
      uri: `urn:uuid:${identifier}`,
      lastChangeDateTime: isoTime(row.lastChangeDateTime),
      originNodeURI: link(row.humanCodingScheme || row.fullStatement.trim(), row.identifier),
      associationType: "isChildOf",
      destinationNodeURI: destination,
      sequenceNumber: Number(row.smartLevel.split(".").at(-1)),
    };
  });
  return {
    CFDocument: {
      identifier: documentId,
      uri: `urn:uuid:${documentId}`,
      creator: "National Governors Association Center for Best Practices, Council of Chief State School Officers",
      publisher: "Council of Chief State School Officers",
      title,
      description:
        "Reading: Literature, Reading: Informational Text, Writing and Language standards for Kindergarten to Grade 8, " +
        "built for Collective's demo district from OpenSALT's copy of the Common Core ELA standards.",
      subject: ["English Language Arts"],
      language: "en",
      adoptionStatus: "Adopted",
      officialSourceURL: "http://www.corestandards.org/ELA-Literacy/",
      licenseURI: {
        title: "Common Core State Standards Public License",
        identifier: stableUuid("license"),
        uri: "http://www.corestandards.org/public-license/",
      },
      lastChangeDateTime: lastChange,
    },
    CFItems: items,
    CFAssociations: associations,
    CFDefinitions: { CFConcepts: [], CFSubjects: [], CFLicenses: [], CFItemTypes: [], CFAssociationGroupings: [] },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const source = process.argv[2] ?? DEFAULT_SOURCE;
  const rows = parse(readFileSync(source), { columns: true, bom: true, skip_empty_lines: true }) as Row[];
  const pkg = buildElaPackage(rows);
  writeFileSync(OUTPUT, `${JSON.stringify(pkg, null, 2)}\n`);
  // Formatted the way the repository's formatter wants it, so `npm run check` stays quiet about it.
  execFileSync(path.resolve(HERE, "../../../node_modules/.bin/biome"), ["format", "--write", OUTPUT], {
    stdio: "ignore",
  });
  console.log(
    `${path.relative(process.cwd(), OUTPUT)}: ${pkg.CFItems.length} items, ${pkg.CFAssociations.length} associations`,
  );
}
