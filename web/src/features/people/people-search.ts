import { z } from "zod";
import { PersonStatus, RoleName } from "../../../../contract/people";

/** The people list's filters live in the address, so a filtered list can be bookmarked and Back returns to it. */
export const PeopleSearch = z.object({
  q: z.string().optional().catch(undefined),
  role: RoleName.optional().catch(undefined),
  schoolId: z.string().optional().catch(undefined),
  status: PersonStatus.optional().catch(undefined),
  sort: z.enum(["name", "email", "created"]).optional().catch(undefined),
  page: z.number().int().min(1).optional().catch(undefined),
});
export type PeopleSearch = z.infer<typeof PeopleSearch>;

export const STATUS_LABELS: Record<z.infer<typeof PersonStatus>, string> = {
  invited: "Invited",
  active: "Active",
  deactivated: "Deactivated",
};
