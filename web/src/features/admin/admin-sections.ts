import type { Me } from "../../../../contract/auth";

/** The admin pages, each shown only to those whose abilities allow it. */
export const ADMIN_SECTIONS = [
  { to: "/admin/people", label: "People", ability: "managePeople" },
  { to: "/admin/schools", label: "Schools", ability: "manageSchools" },
  { to: "/admin/audit", label: "Audit log", ability: "readAudit" },
  { to: "/admin/outbox", label: "Outbox", ability: "readOutbox" },
  { to: "/admin/rosters", label: "Roster import", ability: "importRosters" },
] as const satisfies readonly { to: string; label: string; ability: keyof Me["can"] }[];

export function allowedSections(me: Me) {
  return ADMIN_SECTIONS.filter((section) => me.can[section.ability]);
}
