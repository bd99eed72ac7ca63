import { z } from "zod";

/** A thread list's search words and page live in the address, so Back returns to the same list. */
export const ThreadsSearch = z.object({
  q: z.string().optional().catch(undefined),
  page: z.number().int().min(1).optional().catch(undefined),
});
export type ThreadsSearch = z.infer<typeof ThreadsSearch>;

export const DiscussionSearch = z.object({ q: z.string().optional().catch(undefined) });
