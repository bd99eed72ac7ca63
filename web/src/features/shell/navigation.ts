import type { Me } from "../../../../contract/auth";

export type Area = Me["navigation"][number];

/** Where each area lives and the catalog key of its name in the main navigation. */
export const AREAS: Record<Area, { label: `nav.${Area}`; to: string }> = {
  home: { label: "nav.home", to: "/" },
  communities: { label: "nav.communities", to: "/communities" },
  students: { label: "nav.students", to: "/students" },
  family: { label: "nav.family", to: "/family" },
  standards: { label: "nav.standards", to: "/standards" },
  interventions: { label: "nav.interventions", to: "/interventions" },
  goals: { label: "nav.goals", to: "/goals" },
  surveys: { label: "nav.surveys", to: "/surveys" },
  library: { label: "nav.library", to: "/library" },
  admin: { label: "nav.admin", to: "/admin" },
};
