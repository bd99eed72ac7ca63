import { z } from "zod";
import { StudentSort } from "../../../../contract/students";

/** The students list's filters live in the address, so a filtered list can be bookmarked and Back returns to it. */
export const StudentsSearch = z.object({
  q: z.string().optional().catch(undefined),
  schoolId: z.string().optional().catch(undefined),
  classId: z.string().optional().catch(undefined),
  grade: z.string().optional().catch(undefined),
  sort: StudentSort.optional().catch(undefined),
  page: z.number().int().min(1).optional().catch(undefined),
});
export type StudentsSearch = z.infer<typeof StudentsSearch>;
