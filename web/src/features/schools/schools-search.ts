import { z } from "zod";

/** The schools list's search and paging, kept in the address. */
export const SchoolsSearch = z.object({
  q: z.string().optional().catch(undefined),
  archived: z.boolean().optional().catch(undefined),
  page: z.number().int().min(1).optional().catch(undefined),
});
export type SchoolsSearch = z.infer<typeof SchoolsSearch>;
