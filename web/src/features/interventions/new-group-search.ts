import { z } from "zod";
import { InterventionKind } from "../../../../contract/interventions";

/** What the analysis page hands to the new group form: the kind, where from, the target and the students. */
export const NewGroupSearch = z.object({
  kind: InterventionKind.optional().catch(undefined),
  assessmentId: z.uuid().optional().catch(undefined),
  targetId: z.uuid().optional().catch(undefined),
  studentIds: z.array(z.uuid()).max(200).optional().catch(undefined),
});
export type NewGroupSearch = z.infer<typeof NewGroupSearch>;
