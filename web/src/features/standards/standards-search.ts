import { z } from "zod";

/** The Standards page keeps its framework, filters, search and open standard in the address, to link and share. */
export const StandardsSearch = z.object({
  frameworkId: z.string().optional().catch(undefined),
  subject: z.string().optional().catch(undefined),
  grade: z.string().optional().catch(undefined),
  q: z.string().optional().catch(undefined),
  page: z.number().int().min(1).optional().catch(undefined),
  standardId: z.string().optional().catch(undefined),
});
export type StandardsSearch = z.infer<typeof StandardsSearch>;
