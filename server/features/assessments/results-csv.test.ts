import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { students } from "../../db/schema";
import {
  buildAssessment,
  buildClass,
  buildCommunity,
  buildEssentialStandard,
  buildStudent,
} from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";
import { mapCsvRows, parseCsv, suggestMapping } from "./results-csv";

const items = [
  {
    id: "00000000-0000-4000-8000-000000000001",
    position: 0,
    label: "Q1",
    maxPoints: 2,
    correctResponse: null,
    targetIds: [],
  },
  {
    id: "00000000-0000-4000-8000-000000000002",
    position: 1,
    label: "2",
    maxPoints: 4,
    correctResponse: null,
    targetIds: [],
  },
];

// A spreadsheet export as it comes: BOM, CRLF, a quoted name with a comma and a line break, extra columns, blank lines.
const MESSY = `\uFEFFStudent ID,Name,Q1,Item 2,Notes,Status\r\n1001,"Lovelace, Ada",2,3.5,"said ""easy""",\r\n\r\n1002,"Turing,\r\nAlan",ABS,,,\r\n1003,Grace Hopper,1,"4",extra,,cell,\r\n`;

describe("parsing a results CSV", () => {
  it("copes with BOM, CRLF, quotes, line breaks in fields, ragged rows and blank lines, keeping file lines", () => {
    const parsed = parseCsv(MESSY);
    if (!("table" in parsed)) throw new Error(parsed.problems[0]?.message);
    expect(parsed.table.headers).toEqual(["Student ID", "Name", "Q1", "Item 2", "Notes", "Status"]);
    expect(parsed.table.rows.map((r) => [r.line, r.cells[0], r.cells[1], r.cells[4]])).toEqual([
      [2, "1001", "Lovelace, Ada", 'said "easy"'],
      [4, "1002", "Turing,\r\nAlan", ""],
      [6, "1003", "Grace Hopper", "extra"],
    ]);
    expect(parseCsv("a;b;c\n1;2;3\n")).toEqual({
      table: { headers: ["a", "b", "c"], rows: [{ line: 2, cells: ["1", "2", "3"] }] },
    });
    expect(parseCsv('a,b\n"open,1\n')).toMatchObject({ problems: [{ line: 2 }] });
  });

  it("suggests the student column by its header and item columns by their labels", () => {
    const parsed = parseCsv(MESSY);
    if (!("table" in parsed)) throw new Error("not parsed");
    expect(suggestMapping(parsed.table.headers, items)).toEqual({
      studentColumn: "Student ID",
      studentKey: "identifier",
      itemColumns: { Q1: items[0]?.id, "Item 2": items[1]?.id },
      statusColumn: "Status",
    });
    expect(suggestMapping(["sourcedId", "x"], items)).toMatchObject({
      studentColumn: "sourcedId",
      studentKey: "sourcedId",
    });
    expect(suggestMapping(["Student", "q1"], items)).toMatchObject({ studentColumn: "Student", studentKey: "name" });
  });
});

describe("mapping CSV rows", () => {
  it("reads answers on selected-response items, names with either order, and marks in score cells", () => {
    const keyed = [{ ...items[0], correctResponse: "C" }, items[1]] as typeof items;
    const roster = [
      {
        id: "s1",
        classId: "c",
        givenName: "Ada",
        familyName: "Lovelace",
        preferredName: null,
        identifier: null,
        email: null,
        sourcedId: null,
        status: null,
      },
      {
        id: "s2",
        classId: "c",
        givenName: "Alan",
        familyName: "Turing",
        preferredName: null,
        identifier: null,
        email: null,
        sourcedId: null,
        status: null,
      },
    ];
    const parsed = parseCsv('Student,Q1,2\nLovelace, Ada,c,1\n"Turing,  Alan",EX,\n');
    if (!("table" in parsed)) throw new Error("not parsed");
    const mapping = {
      studentColumn: "Student",
      studentKey: "name" as const,
      itemColumns: { Q1: keyed[0]?.id as string, "2": keyed[1]?.id as string },
      statusColumn: null,
    };
    expect(mapCsvRows(parsed.table, mapping, keyed, roster).problems.map((p) => p.line)).toEqual([2, 2]);
    const quoted = parseCsv('Student,Q1,2\n"Lovelace, Ada",c,1\n"Turing,  Alan",EX,\n');
    if (!("table" in quoted)) throw new Error("not parsed");
    expect(mapCsvRows(quoted.table, mapping, keyed, roster)).toEqual({
      rows: [
        {
          studentId: "s1",
          status: "completed",
          scores: { [items[0]?.id as string]: 2, [items[1]?.id as string]: 1 },
          responses: { [items[0]?.id as string]: "c" },
        },
        { studentId: "s2", status: "exempt", scores: {} },
      ],
      lines: [2, 3],
      problems: [],
    });
  });
});

describe("uploading results as CSV", () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let app: TestApp;
  let district: TestDistrict;
  let teacher: TestPerson;
  let assessment: Awaited<ReturnType<typeof buildAssessment>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    app = t.app;
    district = await buildDistrict(t.db);
    teacher = await buildPerson(t.db, district, "teacher");
    const community = await buildCommunity(t.db, district, [{ personId: teacher.id }]);
    const klass = await buildClass(t.db, district, { teacherIds: [teacher.id] });
    for (const [number, given, family] of [
      ["1001", "Ada", "Lovelace"],
      ["1002", "Alan", "Turing"],
      ["1003", "Grace", "Hopper"],
    ] as const) {
      const student = await buildStudent(t.db, district, {
        givenName: given,
        familyName: family,
        classIds: [klass.id],
      });
      await t.db.update(students).set({ identifier: number }).where(sql`${students.id} = ${student.id}`);
      ids[number] = student.id;
    }
    const outside = await buildStudent(t.db, district, { givenName: "Edsger", familyName: "Dijkstra" });
    await t.db.update(students).set({ identifier: "9999" }).where(sql`${students.id} = ${outside.id}`);
    const essential = await buildEssentialStandard(t.db, district, { communityId: community.id, targets: ["A"] });
    assessment = await buildAssessment(t.db, district, {
      communityId: community.id,
      classIds: [klass.id],
      items: [
        { label: "Q1", maxPoints: 2, targetIds: [essential.targets[0]?.id as string] },
        { label: "2", maxPoints: 4, targetIds: [essential.targets[0]?.id as string] },
      ],
    });
  });
  afterAll(async () => t?.close());

  const post = async (path: string, payload: object) =>
    app.inject({
      method: "POST",
      url: `/api/v1/assessments/${assessment.id}/results/${path}`,
      headers: await sessionHeaders(t.db, teacher),
      payload,
    });

  it("previews the file with a suggested mapping, then lands every row with the chosen mapping", async () => {
    const preview = await post("csv-preview", { csv: MESSY });
    expect(preview.statusCode, preview.body).toBe(200);
    const { suggested, headers, rowCount } = preview.json();
    expect({ headers: headers.length, rowCount }).toEqual({ headers: 6, rowCount: 3 });
    expect(suggested.itemColumns).toEqual({ Q1: assessment.items[0]?.id, "Item 2": assessment.items[1]?.id });
    const imported = await post("csv", { csv: MESSY, mapping: suggested });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ students: 3, scores: 4 });
    const sittings = await t.db.execute<{ student_id: string; status: string }>(
      sql`select student_id, status from assessment_sittings where assessment_id = ${assessment.id}`,
    );
    expect(Object.fromEntries(sittings.rows.map((r) => [r.student_id, r.status]))).toEqual({
      [ids["1001"] as string]: "completed",
      [ids["1002"] as string]: "absent",
      [ids["1003"] as string]: "completed",
    });
    const points = await t.db.execute<{ student_id: string; points: number }>(
      sql`select student_id, points::float8 as points from target_results where assessment_id = ${assessment.id}`,
    );
    expect(Object.fromEntries(points.rows.map((r) => [r.student_id, r.points]))).toEqual({
      [ids["1001"] as string]: 5.5,
      [ids["1003"] as string]: 5,
    });
  });

  it("reports every bad cell by line and column and lands nothing", async () => {
    const bad =
      "Name,Q1,2,Status\nAda Lovelace,3,x\nEdsger Dijkstra,1,1\nGrace Hopper,-1,EX,late\n,1,1\nAlan Turing,1,1\nada lovelace,1,1\n";
    const mapping = {
      studentColumn: "Name",
      studentKey: "name",
      itemColumns: { Q1: assessment.items[0]?.id, "2": assessment.items[1]?.id },
      statusColumn: "Status",
    };
    const before = await t.db.execute(
      sql`select * from item_scores where assessment_id = ${assessment.id} order by student_id, item_id`,
    );
    const response = await post("csv", { csv: bad, mapping });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.map((e: { detail: string }) => e.detail)).toEqual([
      "Line 2, column “Q1”: 3 is more than the 2 points “Q1” is worth.",
      "Line 2, column “2”: “x” is not a number of points.",
      "Line 3, column “Name”: No student “Edsger Dijkstra” in this assessment's classes.",
      "Line 4, column “Status”: “late” is not completed, absent or exempt.",
      "Line 4, column “Q1”: Points cannot be negative.",
      "Line 5, column “Name”: No student given.",
      "Line 7, column “Name”: This student is already on line 2.",
    ]);
    expect(response.json().errors[0].pointer).toBe("/body/csv/lines/2/Q1");
    const after = await t.db.execute(
      sql`select * from item_scores where assessment_id = ${assessment.id} order by student_id, item_id`,
    );
    expect(after.rows).toEqual(before.rows);

    const wrongMap = await post("csv", {
      csv: bad,
      mapping: { ...mapping, studentColumn: "Pupil", itemColumns: { Q9: assessment.items[0]?.id } },
    });
    expect(wrongMap.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      "/body/mapping/studentColumn",
      "/body/mapping/itemColumns/Q9",
    ]);
  });
});
