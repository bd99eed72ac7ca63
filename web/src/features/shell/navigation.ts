import type { Me } from "../../../../contract/auth";

export type Area = Me["navigation"][number];

/** Where each area lives and what it is called in the main navigation. */
export const AREAS: Record<Area, { label: string; to: string }> = {
  home: { label: "Home", to: "/" },
  communities: { label: "Communities", to: "/communities" },
  students: { label: "Students & data", to: "/students" },
  family: { label: "My children", to: "/family" },
  standards: { label: "Standards", to: "/standards" },
  interventions: { label: "Interventions", to: "/interventions" },
  goals: { label: "Goals & cycles", to: "/goals" },
  surveys: { label: "Self-assessment", to: "/surveys" },
  library: { label: "Library", to: "/library" },
  admin: { label: "Admin", to: "/admin" },
};
