import { z } from "zod";

/** The review page's address: a meeting to attach the decisions to, when the review happens in one. */
export const ReviewSearch = z.object({ meetingId: z.uuid().optional().catch(undefined) });
export type ReviewSearch = z.infer<typeof ReviewSearch>;
