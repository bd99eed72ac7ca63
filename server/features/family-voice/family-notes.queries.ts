import { type SQL, sql } from "drizzle-orm";
import type { FamilyNote } from "../../../contract/family-voice";
import type { Db } from "../../db/client";

type ReplyRow = {
  id: string;
  body: string;
  language: string;
  author_id: string | null;
  author_name: string | null;
  created_at: string;
};

type NoteRow = {
  id: string;
  family_language: string | null;
  replies: ReplyRow[] | null;
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
    familyLanguage: row.family_language ?? row.language,
    createdAt: iso(row.created_at),
    acknowledgedAt: row.acknowledged_at ? iso(row.acknowledged_at) : null,
    acknowledgedBy: row.acknowledged_by_id
      ? { id: row.acknowledged_by_id, name: row.acknowledged_by_name ?? "" }
      : null,
    replies: (row.replies ?? []).map((reply) => ({
      id: reply.id,
      body: reply.body,
      language: reply.language,
      author: reply.author_id ? { id: reply.author_id, name: reply.author_name ?? "" } : null,
      createdAt: iso(reply.created_at),
    })),
  };
}

function selectNotes(where: ReturnType<typeof sql>) {
  return sql`
    select n.id, n.student_id, n.plan_id, n.body, n.language, n.author_id, a.display_name as author_name,
           a.preferred_language as family_language,
           n.created_at, n.acknowledged_at, n.acknowledged_by_id, k.display_name as acknowledged_by_name,
           (select json_agg(json_build_object('id', r.id, 'body', r.body, 'language', r.language,
                              'author_id', r.author_id, 'author_name', ra.display_name, 'created_at', r.created_at)
                            order by r.created_at, r.id)
              from family_note_replies r left join people ra on ra.id = r.author_id
             where r.note_id = n.id) as replies
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

/**
 * The family notes of the students the reader may see (`visible`, a subquery of ids), not yet read first, then the
 * newest; at most 100, with how many are not yet read in all.
 */
export async function listFamilyInbox(db: Db, visible: SQL) {
  const where = sql`n.student_id in (${visible})`;
  const [rows, unread] = await Promise.all([
    db.execute<NoteRow & { student_name: string }>(sql`
      select x.*, trim(coalesce(nullif(trim(s.preferred_name), ''), s.given_name) || ' ' || s.family_name) as student_name
        from (${selectNotes(where)}) x join students s on s.id = x.student_id
       order by x.acknowledged_at is not null, x.created_at desc, x.id
       limit 100`),
    db.execute<{ n: number }>(
      sql`select count(*)::int as n from family_notes n where ${where} and n.acknowledged_at is null`,
    ),
  ]);
  return {
    items: rows.rows.map((row) => ({ ...presentNote(row), student: { id: row.student_id, name: row.student_name } })),
    unread: unread.rows[0]?.n ?? 0,
  };
}
