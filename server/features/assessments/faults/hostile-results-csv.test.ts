import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_CSV_CHARS } from "../../../../contract/assessments";
import { students } from "../../../db/schema";
import {
  buildAssessment,
  buildClass,
  buildCommunity,
  buildEssentialStandard,
  buildStudent,
} from "../../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestPerson } from "../../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../../test/test-app";
import { MAX_CSV_FIELD_CHARS, MAX_CSV_ROWS } from "../results-csv";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let teacher: TestPerson;
let assessment: Awaited<ReturnType<typeof buildAssessment>>;

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  const district = await buildDistrict(t.db);
  teacher = await buildPerson(t.db, district, "teacher");
  const community = await buildCommunity(t.db, district, [{ personId: teacher.id }]);
  const klass = await buildClass(t.db, district, { teacherIds: [teacher.id] });
  const student = await buildStudent(t.db, district, {
    givenName: "Ada",
    familyName: "Lovelace",
    classIds: [klass.id],
  });
  await t.db.update(students).set({ identifier: "1001" }).where(sql`${students.id} = ${student.id}`);
  const essential = await buildEssentialStandard(t.db, district, { communityId: community.id, targets: ["A"] });
  assessment = await buildAssessment(t.db, district, {
    communityId: community.id,
    classIds: [klass.id],
    items: [{ label: "Q1", maxPoints: 2, targetIds: [essential.targets[0]?.id as string] }],
  });
});
afterAll(async () => t?.close());

const mapping = () => ({
  studentColumn: "Student ID",
  studentKey: "identifier",
  itemColumns: { Q1: assessment.items[0]?.id },
  statusColumn: null,
});

async function post(path: "csv" | "csv-preview", csv: string) {
  return app.inject({
    method: "POST",
    url: `/api/v1/assessments/${assessment.id}/results/${path}`,
    headers: await sessionHeaders(t.db, teacher),
    payload: path === "csv" ? { csv, mapping: mapping() } : { csv },
  });
}

async function itemScoreCount(): Promise<number> {
  const result = await t.db.execute<{ n: number }>(
    sql`select count(*)::int as n from item_scores where assessment_id = ${assessment.id}`,
  );
  return result.rows[0]?.n ?? -1;
}

/** Each path refuses the file in plain words (no stack, no parser code) and records nothing. */
async function expectRefused(csv: string, expected: RegExp) {
  const before = await itemScoreCount();
  for (const path of ["csv-preview", "csv"] as const) {
    const response = await post(path, csv);
    expect(response.statusCode, `${path}: ${response.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    const messages = [
      response.json().detail,
      ...(response.json().errors ?? []).map((e: { detail: string }) => e.detail),
    ];
    expect(messages.join("\n"), path).toMatch(expected);
    expect(messages.join("\n")).not.toMatch(/CSV_|Error:|Invalid Record Length|expected string to have/);
    // A refused cell is named, never echoed back whole.
    expect(response.body.length).toBeLessThan(5_000);
  }
  expect(await itemScoreCount()).toBe(before);
}

describe("hostile results CSV files", () => {
  it("more rows than the limit: refused, naming the first line past it and the limit", async () => {
    const rows = Array.from({ length: MAX_CSV_ROWS + 5 }, () => "1001,1");
    await expectRefused(
      `Student ID,Q1\n${rows.join("\n")}\n`,
      new RegExp(`Line ${MAX_CSV_ROWS + 2}: .*at most ${MAX_CSV_ROWS.toLocaleString("en-US")} rows`),
    );
  });

  it("an over-long cell: refused, naming its line, its column and the limit", async () => {
    const huge = "9".repeat(MAX_CSV_FIELD_CHARS + 1);
    await expectRefused(
      `Student ID,Q1\n1001,1\n${huge},1\n`,
      new RegExp(
        `Line 3, column “Student ID”: .*longer than ${MAX_CSV_FIELD_CHARS.toLocaleString("en-US")} characters`,
      ),
    );
  });

  it("an over-long header: refused, naming its column by number", async () => {
    await expectRefused(
      `Student ID,${"Q".repeat(100_000)}\n1001,1\n`,
      /Line 1: the heading of column 2 is longer than 200 characters/,
    );
  });

  it("a file past the size bound: refused by its size, in words", async () => {
    const line = `1001,${"1".repeat(500)}\n`;
    const csv = `Student ID,Q1\n${line.repeat(Math.ceil(MAX_CSV_CHARS / line.length) + 1)}`;
    await expectRefused(csv, /larger than 4 MB|more than 4,000,000 characters/);
  });

  it("a quote left open: refused, naming the line where it starts", async () => {
    await expectRefused(`Student ID,Q1\n1001,1\n"1001,1\n1001,2\n`, /Line 3: /);
  });
});
