import { z } from "zod";
import { plainMessages, REQUIRED } from "../../../contract/plain-messages";

/**
 * CASE 1.0 CFPackage JSON (1EdTech), read "strictly-ish": the fields Collective uses are checked, every other
 * property (CASE 1.1 extensions, vendor extras) is ignored. Exporters often write null for an absent optional
 * field, so optional fields accept null too.
 */
const text = (max: number) => z.string().max(max);
const optionalText = (max = 20_000) =>
  text(max)
    .nullish()
    .transform((v) => (v === null || v === undefined || v.trim() === "" ? undefined : v));

/** A CASE identifier: UUIDs in practice, but cross-framework links need not be (LinkGenURI). */
const Identifier = z.string().trim().min(1, "An identifier is required.").max(255);

const LinkUri = z.object({
  title: z.string().nullish(),
  identifier: Identifier,
  uri: z.string().nullish(),
});

/** educationLevel is an array of codes; some exporters send one comma-separated string instead. */
const Codes = z
  .union([z.array(z.string().max(100)), z.string().max(2000)])
  .nullish()
  .transform((v) => {
    const list = typeof v === "string" ? v.split(",") : (v ?? []);
    return [...new Set(list.map((s) => s.trim()).filter(Boolean))];
  });

const SequenceNumber = z
  .union([z.number(), z.string().regex(/^\s*-?\d+(\.\d+)?\s*$/, "Expected a number.")])
  .nullish()
  .transform((v) => (v === null || v === undefined ? undefined : Number(v)));

const CFDocument = z.object({
  identifier: Identifier,
  uri: optionalText(2000),
  title: text(1000).trim().min(1, "The framework needs a title."),
  creator: optionalText(1000),
  publisher: optionalText(1000),
  description: optionalText(),
  subject: Codes,
  language: optionalText(50),
  version: optionalText(100),
  adoptionStatus: optionalText(100),
  licenseURI: LinkUri.nullish(),
  officialSourceURL: optionalText(2000),
  lastChangeDateTime: optionalText(100),
});

const CFItem = z.object({
  identifier: Identifier,
  uri: optionalText(2000),
  fullStatement: text(50_000),
  humanCodingScheme: optionalText(200),
  listEnumeration: optionalText(100),
  abbreviatedStatement: optionalText(5000),
  alternativeLabel: optionalText(5000),
  CFItemType: optionalText(200),
  CFItemTypeURI: LinkUri.nullish(),
  conceptKeywords: Codes,
  educationLevel: Codes,
  notes: optionalText(),
  language: optionalText(50),
  lastChangeDateTime: optionalText(100),
});

const CFAssociation = z.object({
  identifier: Identifier,
  associationType: z.string().trim().min(1).max(100),
  originNodeURI: LinkUri,
  destinationNodeURI: LinkUri,
  sequenceNumber: SequenceNumber,
});

const CFItemTypeDefinition = z.object({
  identifier: Identifier,
  title: optionalText(200),
  typeCode: optionalText(200),
});

export const CFPackage = z.object({
  CFDocument,
  CFItems: z
    .array(CFItem)
    .max(200_000)
    .nullish()
    .transform((v) => v ?? []),
  CFAssociations: z
    .array(CFAssociation)
    .max(1_000_000)
    .nullish()
    .transform((v) => v ?? []),
  CFDefinitions: z
    .object({
      CFItemTypes: z
        .array(CFItemTypeDefinition)
        .nullish()
        .transform((v) => v ?? []),
    })
    .nullish()
    .transform((v) => v ?? { CFItemTypes: [] }),
});
export type CFPackage = z.infer<typeof CFPackage>;
export type CFItem = CFPackage["CFItems"][number];
export type CFAssociation = CFPackage["CFAssociations"][number];

/** A problem with the package, located by a JSON pointer into it ("/CFItems/3/identifier"). */
export type PackageProblem = { pointer: string; detail: string };

/** At most this many problems are reported; one broken exporter can repeat a mistake thousands of times. */
export const MAX_PROBLEMS = 50;

function pointerOf(path: readonly PropertyKey[]): string {
  return path.map((key) => `/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("") || "/";
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code !== "invalid_type") return issue.message;
  return issue.message === REQUIRED ? REQUIRED : `Expected ${issue.expected}.`;
}

/** Checks the shape of a CFPackage; the problems name each bad field by its JSON pointer. */
export function readCasePackage(input: unknown): { pkg: CFPackage } | { problems: PackageProblem[] } {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return {
      problems: [{ pointer: "/", detail: "A CFPackage is a JSON object with CFDocument, CFItems and CFAssociations." }],
    };
  }
  // Plain words whatever else is installed: a missing member reads "This is required." (contract/plain-messages.ts).
  const result = CFPackage.safeParse(input, { error: plainMessages });
  if (result.success) return { pkg: result.data };
  const problems = result.error.issues
    .slice(0, MAX_PROBLEMS)
    .map((issue) => ({ pointer: pointerOf(issue.path), detail: describeIssue(issue) }));
  return { problems };
}

/** The item type's name: CFItemType when given, else the title of the CFItemTypes definition its URI names. */
export function itemTypeNames(pkg: CFPackage): (item: CFItem) => string | undefined {
  const byId = new Map<string, string>();
  for (const definition of pkg.CFDefinitions.CFItemTypes) {
    const name = definition.title ?? definition.typeCode;
    if (name) byId.set(definition.identifier, name);
  }
  return (item) =>
    item.CFItemType ??
    (item.CFItemTypeURI
      ? (byId.get(item.CFItemTypeURI.identifier) ?? item.CFItemTypeURI.title ?? undefined)
      : undefined);
}
