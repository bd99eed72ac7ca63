import { sql } from "drizzle-orm";
import type { FamilyNote } from "../../../contract/family-voice";
import type { Db } from "../../db/client";

type NoteRow = {
  id: string;
  student_id: string;
  plan_id: string | null;
  body: string;
  language: string;
  author_id: string | null;
  author_name: string | null;
  created_at: Date | string;
  acknowledged_at: Date | string | null;
  acknowledged_by_id: string | null;
  acknowledged_by_name: string | null;
};

const iso = (value: Date | string) => new Date(value).toISOString();

function presentNote(row: NoteRow): FamilyNote {
  return {
    id: row.id,
    studentId: row.student_id,
    planId: row.plan_id,
    body: row.body,
    language: row.language,
    author: row.author_id ? { id: row.author_id, name: row.author_name ?? "" } : null,
    createdAt: iso(row.created_at),
    acknowledgedAt: row.acknowledged_at ? iso(row.acknowledged_at) : null,
    acknowledgedBy: row.acknowledged_by_id
      ? { id: row.acknowledged_by_id, name: row.acknowledged_by_name ?? "" }
      : null,
  };
}

function selectNotes(where: ReturnType<typeof sql>) {
  return sql`
    select n.id, n.student_id, n.plan_id, n.body, n.language, n.author_id, a.display_name as author_name,
           n.created_at, n.acknowledged_at, n.acknowledged_by_id, k.display_name as acknowledged_by_name
      from family_notes n
      left join people a on a.id = n.author_id
      left join people k on k.id = n.acknowledged_by_id
     where ${where}
     order by n.created_at desc, n.id`;
}

/** A student's notes from family, newest first. */
export async function listStudentFamilyNotes(db: Db, studentId: string): Promise<FamilyNote[]> {
  const result = await db.execute<NoteRow>(selectNotes(sql`n.student_id = ${studentId}`));
  return result.rows.map(presentNote);
}

export async function findFamilyNote(db: Db, id: string): Promise<FamilyNote | undefined> {
  const result = await db.execute<NoteRow>(selectNotes(sql`n.id = ${id}`));
  const row = result.rows[0];
  return row ? presentNote(row) : undefined;
}
