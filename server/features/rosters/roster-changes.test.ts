import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { buildDistrict } from "../../test/factories";
import { manifest11, tableCounts, writeSet } from "../../test/roster-test-support";
import { createTestDatabase } from "../../test/test-db";
import { importOneRoster } from "./import-oneroster";

const tmp = mkdtempSync(path.join(os.tmpdir(), "collective-roster-changes-"));
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const AT = "2024-08-01T00:00:00Z";
/** Emails are unique across the installation: each test's people get their own domain. */
let tag = "a";
const HEAD = {
  orgs: "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
  academicSessions: "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear",
  classes:
    "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
  users:
    "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password",
  enrollments:
    "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate",
};
const user = (
  sid: string,
  role: string,
  given: string,
  extra: { status?: string; agents?: string; at?: string } = {},
) =>
  `${sid},${extra.status ?? "active"},${extra.at ?? AT},true,org-1,${role},${sid},,${given},Rivera,,,${role === "student" ? "" : `${sid}@${tag}.roster.example`},,,${extra.agents ?? ""},05,`;
const enrollment = (sid: string, cls: string, usr: string, role: string, status = "active") =>
  `${sid},${status},${AT},${cls},org-1,${usr},${role},${role === "teacher" ? "true" : ""},,`;

function baseSet(overrides: Partial<Record<keyof typeof HEAD, string[]>> = {}) {
  const rows: Record<keyof typeof HEAD, string[]> = {
    orgs: [`org-1,active,${AT},Maple Elementary School,school,ME,`],
    academicSessions: [`term-1,active,${AT},Fall,term,2024-08-15,2024-12-20,,2025`],
    classes: [
      `cls-1,active,${AT},Reading 5A,05,crs-1,R5A,scheduled,Room 1,org-1,term-1,,,`,
      `cls-2,active,${AT},Math 5A,05,crs-2,M5A,scheduled,Room 2,org-1,term-1,,,`,
    ],
    users: [
      user("t-1", "teacher", "Tess"),
      user("s-1", "student", "Sam", { agents: "g-1" }),
      user("s-2", "student", "Sky"),
      user("s-3", "student", "Sol"),
      user("g-1", "guardian", "Gale"),
    ],
    enrollments: [
      enrollment("e-t1-c1", "cls-1", "t-1", "teacher"),
      enrollment("e-s1-c1", "cls-1", "s-1", "student"),
      enrollment("e-s2-c1", "cls-1", "s-2", "student"),
      enrollment("e-s3-c2", "cls-2", "s-3", "student"),
    ],
    ...overrides,
  };
  return rows;
}

let setCount = 0;
function write(rows: Partial<Record<keyof typeof HEAD, string[]>>, mode: "bulk" | "delta" = "bulk", crlf = false) {
  const eol = crlf ? "\r\n" : "\n";
  const files: Record<string, string> = { "manifest.csv": manifest11(Object.keys(rows), mode) };
  for (const [name, lines] of Object.entries(rows)) {
    files[`${name}.csv`] = [HEAD[name as keyof typeof HEAD], ...(lines ?? [])].join(eol) + eol;
  }
  return writeSet(path.join(tmp, `set-${++setCount}`), files);
}

async function enrolled(districtId: string): Promise<string[]> {
  const { rows } = await database.pool.query<{ sid: string }>(
    `select coalesce(s.sourced_id, '') || '@' || c.sourced_id as sid from class_students cs
       join students s on s.id = cs.student_id join classes c on c.id = cs.class_id
      where cs.district_id = $1 order by 1`,
    [districtId],
  );
  return rows.map((r) => r.sid);
}

async function activeStudents(districtId: string): Promise<string[]> {
  const { rows } = await database.pool.query<{ sourced_id: string }>(
    "select sourced_id from students where district_id = $1 and archived_at is null order by 1",
    [districtId],
  );
  return rows.map((r) => r.sourced_id);
}

describe("applying changes", () => {
  it("links a guardian named on the student's row, applies a delta in dateLastModified order, and a bulk set's removals", async () => {
    tag = "changes";
    const district = await buildDistrict(database.db);
    const base = await importOneRoster(database.pool, { districtId: district.id, source: write(baseSet()) });
    expect(base.status).toBe("succeeded");
    const { rows: links } = await database.pool.query(
      `select p.sourced_id as guardian, s.sourced_id as student, f.relationship from family_links f
         join people p on p.id = f.person_id join students s on s.id = f.student_id where f.district_id = $1`,
      [district.id],
    );
    expect(links).toEqual([{ guardian: "g-1", student: "s-1", relationship: "guardian" }]);

    const delta = write(
      {
        users: [
          user("s-4", "student", "Sia", { at: "2024-09-02T00:00:00Z" }),
          user("s-3", "student", "Sol", { status: "tobedeleted" }),
        ],
        enrollments: [
          enrollment("e-s1-c1", "cls-1", "s-1", "student", "tobedeleted"),
          enrollment("e-s4-c2", "cls-2", "s-4", "student"),
        ],
      },
      "delta",
    );
    const changed = await importOneRoster(database.pool, { districtId: district.id, source: delta });
    expect(changed.status, JSON.stringify(changed.problems)).toBe("succeeded");
    expect(changed.counts.students).toEqual({ created: 1, updated: 0, deleted: 1 });
    expect(await activeStudents(district.id)).toEqual(["s-1", "s-2", "s-4"]);
    expect(await enrolled(district.id)).toEqual(["s-2@cls-1", "s-3@cls-2", "s-4@cls-2"]);

    // A bulk users file without s-2: s-2 is archived. Bulk enrollments without e-s3-c2: it goes.
    const bulk = baseSet();
    const trimmed = write({
      ...bulk,
      users: (bulk.users ?? []).filter((u) => !u.startsWith("s-2,")),
      enrollments: [enrollment("e-t1-c1", "cls-1", "t-1", "teacher"), enrollment("e-s1-c1", "cls-1", "s-1", "student")],
    });
    const removed = await importOneRoster(database.pool, { districtId: district.id, source: trimmed });
    expect(removed.status, JSON.stringify(removed.problems)).toBe("succeeded");
    expect(await activeStudents(district.id)).toEqual(["s-1", "s-3"]);
    expect(await enrolled(district.id)).toEqual(["s-1@cls-1"]);
  });

  it("reads messy CSV: BOM, CRLF, quoted commas, quotes and newlines, extra columns", async () => {
    tag = "messy";
    const district = await buildDistrict(database.db);
    const rows = baseSet({
      classes: [`cls-1,active,${AT},"Reading, ""honors""\r\nSection A",05,crs-1,R5A,Scheduled,Room 1,org-1,term-1,,,`],
      enrollments: [enrollment("e-s1-c1", "cls-1", "s-1", "student")],
    });
    const folder = write(rows, "bulk", true);
    const users = [
      `\uFEFF${HEAD.users},metadata.jp.kanaGivenName,ext_notes`,
      ...rows.users.map((u) => `${u},サム,"a, b"`),
    ];
    writeSet(folder, { "users.csv": `${users.join("\r\n")}\r\n` });
    const outcome = await importOneRoster(database.pool, { districtId: district.id, source: folder });
    expect(outcome.status, JSON.stringify(outcome.problems)).toBe("succeeded");
    const { rows: classes } = await database.pool.query(
      "select title, class_type from classes where district_id = $1",
      [district.id],
    );
    expect(classes).toEqual([{ title: 'Reading, "honors"\r\nSection A', class_type: "scheduled" }]);
    expect(outcome.problems).toContainEqual(
      expect.objectContaining({
        file: "users.csv",
        line: 1,
        message: "Unknown columns ignored: metadata.jp.kanaGivenName, ext_notes.",
      }),
    );
    expect(await enrolled(district.id)).toEqual(["s-1@cls-1"]);
  });

  it("lands nothing from a corrupted set and names every problem with file and line", async () => {
    tag = "corrupted";
    const district = await buildDistrict(database.db);
    expect((await importOneRoster(database.pool, { districtId: district.id, source: write(baseSet()) })).status).toBe(
      "succeeded",
    );
    const before = await tableCounts(database.pool);
    const corrupted = write(
      baseSet({
        academicSessions: [
          `term-1,active,${AT},Fall,term,2024-08-15,2024-12-20,,2025`,
          `term-2,active,${AT},Spring,term,2025-13-01,2025-06-01,,2025`,
        ],
        classes: [
          `cls-1,active,${AT},Reading 5A,05,crs-1,R5A,scheduled,Room 1,org-1,term-1,,,`,
          `cls-2,active,${AT},Math 5A,05,crs-2,M5A,lecture,Room 2,org-1,term-1,,,`,
        ],
        users: [user("t-1", "teacher", "Tess"), user("s-1", "student", "Sam"), user("t-1", "teacher", "Tess again")],
        enrollments: [
          enrollment("e-t1-c1", "cls-1", "t-1", "teacher"),
          enrollment("e-x", "cls-missing", "s-1", "student"),
        ],
      }),
    );
    writeSet(corrupted, { "demographics.csv": "userSourcedId,birthDate\ns-1,2014-03-02\n" });
    writeSet(corrupted, {
      "manifest.csv": `${manifest11(["orgs", "academicSessions", "classes", "users", "enrollments", "demographics"])}\n`,
    });
    const outcome = await importOneRoster(database.pool, { districtId: district.id, source: corrupted });
    expect(outcome.status).toBe("failed");
    expect(await tableCounts(database.pool)).toEqual(before);
    const errors = outcome.problems.filter((p) => p.severity === "error").map((p) => `${p.file}:${p.line} ${p.column}`);
    expect(errors.sort()).toEqual(
      [
        "academicSessions.csv:3 startDate",
        "classes.csv:3 classType",
        "users.csv:4 sourcedId",
        "enrollments.csv:3 classSourcedId",
        "demographics.csv:1 sourcedId",
      ].sort(),
    );
    expect(outcome.problems.find((p) => p.file === "enrollments.csv" && p.severity === "error")?.message).toBe(
      '"cls-missing" names no class in this set or already in the district.',
    );
  });
});
