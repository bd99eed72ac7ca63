import { z } from "zod";
import { GradeLevel, ResourceKind, ResourceScope, ResourceSort } from "../../../../contract/library";

/** The library's search and filters live in the address, so a filtered view can be linked and shared. */
export const LibrarySearch = z.object({
  q: z.string().optional().catch(undefined),
  kind: ResourceKind.optional().catch(undefined),
  scope: ResourceScope.optional().catch(undefined),
  communityId: z.string().optional().catch(undefined),
  gradeLevel: GradeLevel.optional().catch(undefined),
  subject: z.string().optional().catch(undefined),
  tag: z.string().optional().catch(undefined),
  sort: ResourceSort.optional().catch(undefined),
  page: z.number().int().min(1).optional().catch(undefined),
});
export type LibrarySearch = z.infer<typeof LibrarySearch>;

/** "math, Fractions ,, k-2" → ["math", "Fractions", "k-2"]. */
export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}
