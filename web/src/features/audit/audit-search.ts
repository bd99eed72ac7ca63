import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The audit log's filters, kept in the address. Dates are calendar days in the reader's time zone. */
export const AuditSearch = z.object({
  action: z.string().optional().catch(undefined),
  subjectType: z.string().optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  page: z.number().int().min(1).optional().catch(undefined),
});
export type AuditSearch = z.infer<typeof AuditSearch>;

/** The first instant of a calendar day in the reader's time zone, as the API's ISO datetime. */
export function startOfDay(day: string | undefined): string | undefined {
  return day ? new Date(`${day}T00:00:00`).toISOString() : undefined;
}

/** The last instant of a calendar day, so "to 12 March" includes everything on 12 March. */
export function endOfDay(day: string | undefined): string | undefined {
  return day ? new Date(`${day}T23:59:59.999`).toISOString() : undefined;
}

export const SUBJECT_TYPES = [
  { value: "person", label: "Person" },
  { value: "school", label: "School" },
  { value: "session", label: "Session" },
  { value: "account", label: "Account (sign-in attempts)" },
] as const;
