import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { buildDistrict } from "../../test/factories";
import { createTestDatabase } from "../../test/test-db";
import { importOneRoster } from "./import-oneroster";
import { tableCounts, writeSet } from "./roster-test-support";

const CASE_A = "c1f5a6b2-0d5e-4a7c-9d3e-1f2a3b4c5d6e";
const AT = "2024-09-01T00:00:00Z";
const FILES = [
  "orgs",
  "academicSessions",
  "classes",
  "users",
  "roles",
  "enrollments",
  "categories",
  "scoreScales",
  "lineItems",
  "lineItemScoreScales",
  "lineItemLearningObjectiveIds",
  "results",
  "resultLearningObjectiveIds",
];

function gradebookSet(folder: string) {
  const csv = (header: string, rows: string[]) => `${[header, ...rows].join("\n")}\n`;
  const user = (sid: string, given: string) =>
    `${sid},active,${AT},true,${sid},,${given},Okafor,,,${sid.startsWith("t") ? `${sid}@gradebook.example` : ""},,,,,,,,,,org-1,`;
  return writeSet(folder, {
    "manifest.csv": csv("propertyName,value", [
      "manifest.version,1.0",
      "oneroster.version,1.2",
      ...FILES.map((f) => `file.${f},bulk`),
    ]),
    "orgs.csv": csv("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId", [
      `org-1,active,${AT},Cedar Middle School,school,,`,
    ]),
    "academicSessions.csv": csv(
      "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear",
      [`term-1,active,${AT},Fall,term,2024-08-15,2024-12-20,,2025`],
    ),
    "classes.csv": csv(
      "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
      [`cls-1,active,${AT},Math 5,05,crs-1,M5,scheduled,,org-1,term-1,,,`],
    ),
    "users.csv": csv(
      "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns",
      [user("t-1", "Tomi"), user("s-1", "Ada"), user("s-2", "Bea"), user("s-3", "Cy")],
    ),
    "roles.csv": csv(
      "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId",
      ["t-1", "s-1", "s-2", "s-3"].map(
        (u) => `role-${u},active,${AT},${u},primary,${u.startsWith("t") ? "teacher" : "student"},,,org-1,`,
      ),
    ),
    "enrollments.csv": csv(
      "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate",
      ["t-1", "s-1", "s-2", "s-3"].map(
        (u) => `enr-${u},active,${AT},cls-1,org-1,${u},${u.startsWith("t") ? "teacher" : "student"},,,`,
      ),
    ),
    "categories.csv": csv("sourcedId,status,dateLastModified,title,weight", [`cat-1,active,${AT},Formative,1`]),
    "scoreScales.csv": csv(
      "sourcedId,status,dateLastModified,title,type,orgSourcedId,courseSourcedId,classSourcedId,scoreScaleValue",
      [
        `ss-1,active,${AT},Proficiency,proficiency,org-1,crs-1,cls-1,"{1:Beginning},{2:Developing},{3:Proficient},{4:Advanced}"`,
      ],
    ),
    "lineItems.csv": csv(
      "sourcedId,status,dateLastModified,title,description,assignDate,dueDate,classSourcedId,categorySourcedId,academicSessionSourcedId,resultValueMin,resultValueMax,schoolSourcedId",
      [
        `li-1,active,${AT},Fractions check,Unit 3,2024-09-10,2024-09-12,cls-1,cat-1,term-1,0,10,org-1`,
        `li-2,active,${AT},Exit ticket,,2024-09-11,2024-09-11,cls-1,cat-1,term-1,0,5,org-1`,
        `li-3,active,${AT},Scale quiz,,2024-09-12,2024-09-12,cls-1,cat-1,term-1,,,org-1`,
      ],
    ),
    "lineItemScoreScales.csv": csv("sourcedId,status,dateLastModified,title,lineItemSourcedId,scoreScaleSourcedId", [
      `lss-1,active,${AT},,li-3,ss-1`,
    ]),
    "lineItemLearningObjectiveIds.csv": csv(
      "sourcedId,status,dateLastModified,lineItemSourcedId,source,learningObjectiveId",
      [
        `lo-1,active,${AT},li-1,case,${CASE_A}`,
        `lo-2,active,${AT},li-1,unknown,LOCAL-7`,
        `lo-3,active,${AT},li-3,case,${CASE_A.toUpperCase()}`,
      ],
    ),
    "results.csv": csv(
      "sourcedId,status,dateLastModified,lineItemSourcedId,studentSourcedId,scoreStatus,score,scoreDate,comment,textScore,classSourcedId,inProgress,incomplete,late,missing",
      [
        `r-1,active,${AT},li-1,s-1,fully graded,8,2024-09-11,,,,,,,`,
        `r-2,active,${AT},li-1,s-2,exempt,,2024-09-11,,,,,,,`,
        `r-3,active,${AT},li-1,s-3,not submitted,,2024-09-11,,,,,,,`,
        `r-4,active,${AT},li-2,s-1,submitted,4,2024-09-11,,,,,,,`,
        `r-5,active,${AT},li-3,s-1,Fully Graded,3,2024-09-12,,,cls-1,,,,`,
      ],
    ),
    "resultLearningObjectiveIds.csv": csv(
      "sourcedId,status,dateLastModified,resultSourcedId,source,learningObjectiveId,score,textScore",
      [
        `rlo-1,active,${AT},r-1,case,${CASE_A},9,`,
        `rlo-2,active,${AT},r-1,unknown,LOCAL-7,4,`,
        `rlo-3,active,${AT},r-5,case,${CASE_A},3,`,
        `rlo-4,active,${AT},r-2,case,${CASE_A},5,`,
      ],
    ),
  });
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "collective-gradebook-"));
let database: Database;
let districtId: string;
let standardId: string;
let outcome: Awaited<ReturnType<typeof importOneRoster>>;

beforeAll(async () => {
  database = await createTestDatabase();
  districtId = (await buildDistrict(database.db)).id;
  const { rows: frameworks } = await database.pool.query<{ id: string }>(
    "insert into standard_frameworks (district_id, case_identifier, title) values ($1, 'fw-1', 'Math') returning id",
    [districtId],
  );
  const { rows: standards } = await database.pool.query<{ id: string }>(
    `insert into standards (district_id, framework_id, case_identifier, human_coding_scheme, full_statement)
     values ($1, $2, $3, '5.NF.1', 'Add and subtract fractions with unlike denominators.') returning id`,
    [districtId, frameworks[0]?.id, CASE_A],
  );
  standardId = standards[0]?.id as string;
  outcome = await importOneRoster(database.pool, { districtId, source: gradebookSet(path.join(tmp, "set")) });
});
afterAll(async () => {
  await database?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function query<T>(text: string): Promise<T[]> {
  return (await database.pool.query(text, [districtId])).rows as T[];
}

describe("a OneRoster 1.2 gradebook", () => {
  it("imports line items as assessments given to their class", async () => {
    expect(outcome.status, JSON.stringify(outcome.problems)).toBe("succeeded");
    const rows = await query(
      `select a.sourced_id, a.title, to_char(a.given_on, 'YYYY-MM-DD') as given_on, a.community_id, c.sourced_id as class
         from assessments a join assessment_classes ac on ac.assessment_id = a.id join classes c on c.id = ac.class_id
        where a.district_id = $1 order by a.sourced_id`,
    );
    expect(rows).toEqual([
      { sourced_id: "li-1", title: "Fractions check", given_on: "2024-09-10", community_id: null, class: "cls-1" },
      { sourced_id: "li-2", title: "Exit ticket", given_on: "2024-09-11", community_id: null, class: "cls-1" },
      { sourced_id: "li-3", title: "Scale quiz", given_on: "2024-09-12", community_id: null, class: "cls-1" },
    ]);
  });

  it("turns CASE objectives into the standard's district-wide target, others into targets named by their id", async () => {
    const targets = await query<{ code: string; statement: string; standard_id: string | null; community_id: null }>(
      "select code, statement, standard_id, community_id from learning_targets where district_id = $1 order by code",
    );
    expect(targets).toEqual([
      {
        code: "5.NF.1",
        statement: "Add and subtract fractions with unlike denominators.",
        standard_id: standardId,
        community_id: null,
      },
      { code: "LOCAL-7", statement: "Learning objective LOCAL-7", standard_id: null, community_id: null },
    ]);
    expect(outcome.problems).toContainEqual(
      expect.objectContaining({
        severity: "warning",
        message: expect.stringContaining("1 learning objective matches no standard"),
      }),
    );
    const aligned = await query(
      `select a.sourced_id, t.code, x.max_points, x.cut_scores, x.proficient_level from assessment_targets x
         join assessments a on a.id = x.assessment_id join learning_targets t on t.id = x.target_id
        where x.district_id = $1 order by a.sourced_id, t.code`,
    );
    const defaultCuts = [
      { level: 1, minPoints: 0 },
      { level: 2, minPoints: 5 },
      { level: 3, minPoints: 7 },
      { level: 4, minPoints: 9 },
    ];
    const scaleCuts = [1, 2, 3, 4].map((level) => ({ level, minPoints: level }));
    expect(aligned).toEqual([
      { sourced_id: "li-1", code: "5.NF.1", max_points: "10.00", cut_scores: defaultCuts, proficient_level: 3 },
      { sourced_id: "li-1", code: "LOCAL-7", max_points: "10.00", cut_scores: defaultCuts, proficient_level: 3 },
      { sourced_id: "li-3", code: "5.NF.1", max_points: "4.00", cut_scores: scaleCuts, proficient_level: 3 },
    ]);
  });

  it("keeps results as sittings: absent and exempt are marked, not scored", async () => {
    const sittings = await query(
      `select a.sourced_id as li, s.sourced_id as student, x.status, x.sourced_id from assessment_sittings x
         join assessments a on a.id = x.assessment_id join students s on s.id = x.student_id
        where x.district_id = $1 order by 1, 2`,
    );
    expect(sittings).toEqual([
      { li: "li-1", student: "s-1", status: "completed", sourced_id: "r-1" },
      { li: "li-1", student: "s-2", status: "exempt", sourced_id: "r-2" },
      { li: "li-1", student: "s-3", status: "absent", sourced_id: "r-3" },
      { li: "li-2", student: "s-1", status: "completed", sourced_id: "r-4" },
      { li: "li-3", student: "s-1", status: "completed", sourced_id: "r-5" },
    ]);
    const results = await query(
      `select a.sourced_id as li, t.code, s.sourced_id as student, r.points, r.level, to_char(r.assessed_on, 'YYYY-MM-DD') as day
         from target_results r join assessments a on a.id = r.assessment_id join learning_targets t on t.id = r.target_id
         join students s on s.id = r.student_id where r.district_id = $1 order by 1, 2`,
    );
    expect(results).toEqual([
      { li: "li-1", code: "5.NF.1", student: "s-1", points: "9.00", level: 4, day: "2024-09-11" },
      { li: "li-1", code: "LOCAL-7", student: "s-1", points: "4.00", level: 1, day: "2024-09-11" },
      { li: "li-3", code: "5.NF.1", student: "s-1", points: "3.00", level: 3, day: "2024-09-12" },
    ]);
    const scores = await query(
      `select a.sourced_id as li, i.label, i.max_points, x.points from item_scores x
         join assessment_items i on i.id = x.item_id join assessments a on a.id = x.assessment_id where x.district_id = $1`,
    );
    expect(scores).toEqual([{ li: "li-2", label: "Score", max_points: "5.00", points: "4.00" }]);
  });

  it("changes nothing when the same gradebook is imported again", async () => {
    const before = await tableCounts(database.pool, districtId);
    const again = await importOneRoster(database.pool, { districtId, source: path.join(tmp, "set") });
    expect(again.status).toBe("succeeded");
    expect(Object.values(again.counts).every((c) => c.created === 0 && c.updated === 0 && c.deleted === 0)).toBe(true);
    expect(await tableCounts(database.pool, districtId)).toEqual(before);
  });
});
