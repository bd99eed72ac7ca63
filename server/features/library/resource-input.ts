import { evidenceProblems, type ResourceInput, type ResourcePatch } from "../../../contract/library";
import { invalid } from "../../errors";
import type { NewResource } from "./create-resource";
import type { ResourceRow } from "./library.queries";
import type { ScopeFields } from "./resource-placement";

/** Trimmed and without repeats; tags also in lower case, so that filtering by a tag finds every resource with it. */
function distinct(values: string[], lowerCase = false): string[] {
  return [...new Set(values.map((v) => (lowerCase ? v.trim().toLowerCase() : v.trim())))];
}

/** The resource to create from the form, shared where its scope was resolved. */
export function newResourceOf(input: ResourceInput, placement: ScopeFields): NewResource {
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    url: input.url ?? null,
    tags: distinct(input.tags, true),
    gradeLevels: distinct(input.gradeLevels),
    subjects: distinct(input.subjects),
    scope: placement.scope,
    communityId: placement.communityId,
    schoolId: placement.schoolId,
    evidenceLevel: input.evidenceLevel ?? null,
    evidenceSource: input.evidenceSource || null,
  };
}

/** A resource's described fields after a patch; a link must keep a web address. */
export function patchedFields(resource: ResourceRow, patch: ResourcePatch) {
  const fields = {
    title: patch.title ?? resource.title,
    description: patch.description ?? resource.description,
    url: patch.url === undefined ? resource.url : patch.url,
    tags: patch.tags ? distinct(patch.tags, true) : resource.tags,
    gradeLevels: patch.gradeLevels ? distinct(patch.gradeLevels) : resource.gradeLevels,
    subjects: patch.subjects ? distinct(patch.subjects) : resource.subjects,
    evidenceLevel: patch.evidenceLevel === undefined ? resource.evidenceLevel : patch.evidenceLevel,
    evidenceSource: patch.evidenceSource === undefined ? resource.evidenceSource : patch.evidenceSource || null,
  };
  if (resource.kind === "link" && !fields.url) {
    invalid("A link needs a web address.", [{ pointer: "/body/url", detail: "A link needs a web address." }]);
  }
  const problems = evidenceProblems({ kind: resource.kind, ...fields });
  if (problems.length) {
    invalid(
      problems[0]?.message ?? "The evidence is not valid.",
      problems.map((p) => ({ pointer: `/body/${p.path}`, detail: p.message })),
    );
  }
  return fields;
}

/** The described fields of a resource, as patchedFields returns them. */
export type ResourceFields = ReturnType<typeof patchedFields>;
