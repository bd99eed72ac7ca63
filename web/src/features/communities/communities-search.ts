import { z } from "zod";
import { CommunityKind } from "../../../../contract/communities";

/** The communities list's filters live in the address, so Back returns to the same list. */
export const CommunitiesSearch = z.object({
  q: z.string().optional().catch(undefined),
  kind: CommunityKind.optional().catch(undefined),
  schoolId: z.string().optional().catch(undefined),
  mine: z.boolean().optional().catch(undefined),
  archived: z.boolean().optional().catch(undefined),
  page: z.number().int().min(1).optional().catch(undefined),
});
export type CommunitiesSearch = z.infer<typeof CommunitiesSearch>;
