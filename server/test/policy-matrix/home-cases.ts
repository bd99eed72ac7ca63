import { type Case, DISTRICT, LEADERS, STAFF } from "./matrix-context";

/** The homes by role: an educator's for staff, a school's for its leaders and the district's, the district's. */
export const homeCases: Record<string, Case> = {
  "GET /api/v1/home/educator": {
    allowed: STAFF,
    own: () => ({ url: "/api/v1/home/educator" }),
    leakCheck: (c) => c.other.communityId,
  },
  "GET /api/v1/home/school": {
    allowed: LEADERS,
    own: (c) => ({ url: `/api/v1/home/school?schoolId=${c.own.district.schools.elementary.id}` }),
    other: (c) => ({ url: `/api/v1/home/school?schoolId=${c.other.district.schools.elementary.id}` }),
    leakCheck: (c) => c.other.communityId,
  },
  "GET /api/v1/home/district": {
    allowed: DISTRICT,
    own: () => ({ url: "/api/v1/home/district" }),
    leakCheck: (c) => [c.other.communityId, c.other.district.schools.elementary.name],
  },
};
