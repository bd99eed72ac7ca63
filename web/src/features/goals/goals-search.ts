import { z } from "zod";
import { GoalStatus } from "../../../../contract/goals";

/**
 * Where a figure elsewhere drills down to the goals it counts (a team's goals at risk on a leader's home): the list
 * opens with these filters set.
 */
export const GoalsSearch = z.object({
  communityId: z.string().optional().catch(undefined),
  schoolId: z.string().optional().catch(undefined),
  status: GoalStatus.optional().catch(undefined),
});
export type GoalsSearch = z.infer<typeof GoalsSearch>;
