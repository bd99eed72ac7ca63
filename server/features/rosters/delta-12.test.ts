import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { buildDistrict } from "../../test/factories";
import { writeSet } from "../../test/roster-test-support";
import { createTestDatabase } from "../../test/test-db";
import { importOneRoster } from "./import-oneroster";

const tmp = mkdtempSync(path.join(os.tmpdir(), "collective-delta-12-"));
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const AT = "2024-08-01T00:00:00Z";
const LATER = "2024-09-02T00:00:00Z";
const HEAD = {
  orgs: "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
  academicSessions: "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear",
  courses:
    "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes",
  classes:
    "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
  users:
    "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns",
  roles:
    "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId",
  enrollments:
    "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate",
};
type FileName = keyof typeof HEAD;

const user = (sid: string, given: string, family: string, email: string, o: { status?: string; at?: string } = {}) =>
  `${sid},${o.status ?? "active"},${o.at ?? AT},true,${sid},,${given},${family},,,${email},,,,05,,,,,,org-1,`;
const role = (sid: string, usr: string, name: string, at = AT) => `${sid},active,${at},${usr},primary,${name},,,org-1,`;
const enrollment = (sid: string, cls: string, usr: string, name: string, status = "active", at = AT) =>
  `${sid},${status},${at},${cls},org-1,${usr},${name},,,`;

let count = 0;
function write(tag: string, rows: Partial<Record<FileName, string[]>>, mode: "bulk" | "delta") {
  const manifest = [
    "propertyName,value",
    "manifest.version,1.0",
    "oneroster.version,1.2",
    ...Object.keys(HEAD).map((f) => `file.${f},${f in rows ? mode : "absent"}`),
  ];
  const files: Record<string, string> = { "manifest.csv": `${manifest.join("\n")}\n` };
  for (const [name, lines] of Object.entries(rows)) {
    files[`${name}.csv`] = `${[HEAD[name as FileName], ...(lines ?? [])].join("\n")}\n`;
  }
  return writeSet(path.join(tmp, `${tag}-${++count}`), files);
}

function bulk(tag: string) {
  return write(
    tag,
    {
      orgs: [`org-1,active,${AT},Maple Elementary School,school,ME,`],
      academicSessions: [`term-1,active,${AT},Fall,term,2024-08-15,2024-12-20,,2025`],
      courses: [`crs-1,active,${AT},,Reading 5,,05,org-1,,`],
      classes: [
        `cls-1,active,${AT},Reading 5A,05,crs-1,R5A,scheduled,Room 1,org-1,term-1,,,`,
        `cls-2,active,${AT},Reading 5B,05,crs-1,R5B,scheduled,Room 2,org-1,term-1,,,`,
      ],
      users: [
        user("t-1", "Tess", "Rivera", `tess@${tag}.example`),
        user("t-2", "Tom", "Okafor", `tom@${tag}.example`),
        user("s-1", "Sam", "Lee", `sam@${tag}.example`),
        user("s-2", "Sky", "Diaz", `sky@${tag}.example`),
      ],
      roles: [
        role("r-t1", "t-1", "teacher"),
        role("r-t2", "t-2", "teacher"),
        role("r-s1", "s-1", "student"),
        role("r-s2", "s-2", "student"),
      ],
      enrollments: [
        enrollment("e-t1", "cls-1", "t-1", "teacher"),
        enrollment("e-t2", "cls-2", "t-2", "teacher"),
        enrollment("e-s1", "cls-1", "s-1", "student"),
        enrollment("e-s2", "cls-1", "s-2", "student"),
      ],
    },
    "bulk",
  );
}

/** The delta every variant carries: changed names and emails, an enrollment moved, a user and a teacher removed. */
function delta(tag: string, withRoles: boolean) {
  return write(
    tag,
    {
      users: [
        user("t-1", "Tess", "Rivera-Moss", `tess.moss@${tag}.example`, { at: LATER }),
        user("s-1", "Samuel", "Lee", `samuel@${tag}.example`, { at: LATER }),
        user("s-2", "Sky", "Diaz", `sky@${tag}.example`, { status: "tobedeleted", at: LATER }),
      ],
      ...(withRoles ? { roles: [role("r-t2", "t-2", "teacher", LATER)] } : {}),
      enrollments: [
        enrollment("e-s1", "cls-1", "s-1", "student", "tobedeleted", LATER),
        enrollment("e-s1b", "cls-2", "s-1", "student", "active", LATER),
        enrollment("e-t2", "cls-2", "t-2", "teacher", "tobedeleted", LATER),
      ],
    },
    "delta",
  );
}

async function snapshot(districtId: string) {
  const q = async (text: string) =>
    (await database.pool.query<{ v: string }>(text, [districtId])).rows.map((r) => r.v).sort();
  return {
    people: await q(
      `select p.sourced_id || ' ' || p.display_name || ' ' || p.email || ' ' || string_agg(r.role::text, '+') as v
         from people p join role_assignments r on r.person_id = p.id where p.district_id = $1
        group by p.id`,
    ),
    students: await q(
      `select sourced_id || ' ' || given_name || ' ' || family_name || ' ' || email ||
              case when archived_at is null then '' else ' (archived)' end as v
         from students where district_id = $1`,
    ),
    classStudents: await q(
      `select c.sourced_id || ' ' || s.sourced_id as v from class_students cs join classes c on c.id = cs.class_id
         join students s on s.id = cs.student_id where cs.district_id = $1 and s.archived_at is null`,
    ),
    classTeachers: await q(
      `select c.sourced_id || ' ' || p.sourced_id as v from class_teachers ct join classes c on c.id = ct.class_id
         join people p on p.id = ct.person_id where ct.district_id = $1`,
    ),
  };
}

describe("a OneRoster 1.2 delta after a bulk set", () => {
  for (const withRoles of [true, false]) {
    it(`keeps every change it carries ${withRoles ? "with a roles file" : "without roles in the manifest"}`, async () => {
      const tag = withRoles ? "with-roles" : "no-roles";
      const district = await buildDistrict(database.db);
      const first = await importOneRoster(database.pool, { districtId: district.id, source: bulk(tag) });
      expect(first.status).toBe("succeeded");
      const outcome = await importOneRoster(database.pool, { districtId: district.id, source: delta(tag, withRoles) });
      expect(outcome.problems).toEqual([]);
      expect(outcome.status).toBe("succeeded");
      expect(await snapshot(district.id)).toEqual({
        people: [`t-1 Tess Rivera-Moss tess.moss@${tag}.example teacher`, `t-2 Tom Okafor tom@${tag}.example teacher`],
        students: [`s-1 Samuel Lee samuel@${tag}.example`, `s-2 Sky Diaz sky@${tag}.example (archived)`],
        classStudents: ["cls-2 s-1"],
        classTeachers: ["cls-1 t-1"],
      });
    });
  }
});

describe("deltas that arrive twice or out of order", () => {
  const EARLIER = "2024-08-20T00:00:00Z";

  /** A delta written before the one above (dateLastModified between the bulk and it), carrying older data. */
  function olderDelta(tag: string) {
    return write(
      tag,
      {
        users: [
          user("t-1", "Tess", "Rivera", `tess.old@${tag}.example`, { at: EARLIER }),
          user("s-1", "Sam", "Lee", `sam.old@${tag}.example`, { at: EARLIER }),
          user("s-2", "Sky", "Diaz", `sky@${tag}.example`, { at: EARLIER }),
          // A user the newer delta never touched: this change is the newest for them and applies.
          user("t-2", "Thomas", "Okafor", `thomas@${tag}.example`, { at: EARLIER }),
        ],
        roles: [role("r-t2", "t-2", "teacher", EARLIER)],
        enrollments: [
          enrollment("e-s1", "cls-1", "s-1", "student", "active", EARLIER),
          enrollment("e-t2", "cls-2", "t-2", "teacher", "active", EARLIER),
        ],
      },
      "delta",
    );
  }

  const expected = (tag: string, t2 = `t-2 Tom Okafor tom@${tag}.example teacher`) => ({
    people: [`t-1 Tess Rivera-Moss tess.moss@${tag}.example teacher`, t2],
    students: [`s-1 Samuel Lee samuel@${tag}.example`, `s-2 Sky Diaz sky@${tag}.example (archived)`],
    classStudents: ["cls-2 s-1"],
    classTeachers: ["cls-1 t-1"],
  });

  it("the same delta applied twice changes nothing the second time", async () => {
    const tag = "twice";
    const district = await buildDistrict(database.db);
    expect((await importOneRoster(database.pool, { districtId: district.id, source: bulk(tag) })).status).toBe(
      "succeeded",
    );
    const source = delta(tag, true);
    expect((await importOneRoster(database.pool, { districtId: district.id, source })).status).toBe("succeeded");
    const once = await snapshot(district.id);
    const again = await importOneRoster(database.pool, { districtId: district.id, source });
    expect(again.problems).toEqual([]);
    expect(again.status).toBe("succeeded");
    expect(await snapshot(district.id)).toEqual(once);
    expect(once).toEqual(expected(tag));
  });

  it("an older delta after a newer one skips the rows the newer one changed, with a warning, and applies the rest", async () => {
    const tag = "reordered";
    const district = await buildDistrict(database.db);
    await importOneRoster(database.pool, { districtId: district.id, source: bulk(tag) });
    await importOneRoster(database.pool, { districtId: district.id, source: delta(tag, true) });
    const late = await importOneRoster(database.pool, { districtId: district.id, source: olderDelta(tag) });
    expect(late.status).toBe("succeeded");
    expect(late.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(late.problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      "users.csv: 3 rows skipped (t-1, s-1, s-2): their dateLastModified is older than a change already imported for them, so the newer data is kept.",
      "roles.csv: 1 row skipped (r-t2): its dateLastModified is older than a change already imported for it, so the newer data is kept.",
      "enrollments.csv: 2 rows skipped (e-s1, e-t2): their dateLastModified is older than a change already imported for them, so the newer data is kept.",
    ]);
    expect(await snapshot(district.id)).toEqual(expected(tag, `t-2 Thomas Okafor thomas@${tag}.example teacher`));
  });

  it("a bulk set is the state now: after it, an older delta than the bulk's rows is skipped, a newer one applies", async () => {
    const tag = "bulk-resets";
    const district = await buildDistrict(database.db);
    await importOneRoster(database.pool, { districtId: district.id, source: bulk(tag) });
    await importOneRoster(database.pool, { districtId: district.id, source: delta(tag, true) });
    // The bulk set again (dated AT): its rows are the state, the delta's dates are forgotten for them.
    await importOneRoster(database.pool, { districtId: district.id, source: bulk(tag) });
    const after = await importOneRoster(database.pool, { districtId: district.id, source: olderDelta(tag) });
    expect(after.problems).toEqual([]);
    expect((await snapshot(district.id)).people).toContain(`t-1 Tess Rivera tess.old@${tag}.example teacher`);
  });
});
