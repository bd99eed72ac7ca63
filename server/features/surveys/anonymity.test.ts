import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDistrictRows } from "../../db/district-dump";
import { buildCommunity } from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";
import { learningCommunities } from "./instruments/learning-communities";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let districtId: string;
let leader: TestPerson;
let principal: TestPerson;
let respondents: TestPerson[];
let teamId: string;

const items = learningCommunities.items;
const open = { termLabel: "Fall 2026", opensOn: "2020-01-01", closesOn: "2099-12-31" };

async function send(by: TestPerson, method: "GET" | "POST", url: string, payload?: object) {
  const headers = await sessionHeaders(t.db, by);
  return app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
}

function answersOf(n: number) {
  return items.map((item, i) => ({ itemKey: item.key, level: 1 + ((n + i) % 4) }));
}

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  const district = await buildDistrict(t.db);
  districtId = district.id;
  leader = await buildPerson(t.db, district, "district_leader");
  principal = await buildPerson(t.db, district, "school_leader");
  respondents = [];
  for (let i = 0; i < 3; i++) respondents.push(await buildPerson(t.db, district, "teacher"));
  teamId = (
    await buildCommunity(
      t.db,
      district,
      respondents.map((p) => ({ personId: p.id })),
    )
  ).id;
});
afterAll(async () => t?.close());

describe("anonymity", () => {
  it("no route, export or audit entry ties an answer to the person who gave it", async () => {
    const opened = await send(principal, "POST", "/surveys/rounds", {
      instrumentRef: learningCommunities.key,
      audience: { kind: "team", communityId: teamId },
      ...open,
    });
    const roundId = opened.json().id;
    const auditBefore = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log`);
    for (const [n, person] of respondents.entries()) {
      await send(person, "POST", `/surveys/rounds/${roundId}/answers`, { answers: answersOf(n) });
    }
    // Answering writes no audit entry at all, so the log cannot be lined up with the answers.
    const auditAfter = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log`);
    expect(auditAfter.rows[0]?.n).toBe(auditBefore.rows[0]?.n);
    const audit = await t.db.execute<{ actor_id: string | null; action: string }>(sql`
      select actor_id, action from audit_log
       where subject_id::text = ${roundId} or details::text like ${`%${roundId}%`}`);
    expect(audit.rows.map((r) => r.action)).toEqual(["survey.round_opened"]);
    const respondentIds = new Set(respondents.map((p) => p.id));
    for (const row of audit.rows) expect(respondentIds.has(row.actor_id ?? "")).toBe(false);

    // No survey route's answer names a respondent, to a respondent, a colleague or a leader.
    const identities = respondents.flatMap((p) => [p.id, p.email, p.displayName]);
    const urls = [
      "/surveys/rounds",
      `/surveys/rounds/${roundId}`,
      `/surveys/rounds/${roundId}/results`,
      `/surveys/rounds/${roundId}/trend`,
      "/surveys/overview",
      "/surveys/instruments",
    ];
    for (const reader of [...respondents, principal, leader]) {
      for (const url of urls) {
        const response = await send(reader, "GET", url);
        if (response.statusCode !== 200) continue;
        for (const identity of identities) expect(response.body, `${url} as ${reader.role}`).not.toContain(identity);
      }
    }

    // The answers table has nothing to join on: no person, no time, no submission; the dump keeps it that way.
    const columns = await t.db.execute<{ column_name: string; data_type: string }>(sql`
      select column_name, data_type from information_schema.columns where table_name = 'survey_answers' order by 1`);
    expect(columns.rows.map((c) => c.column_name)).toEqual(["district_id", "id", "item_key", "level", "round_id"]);
    expect(columns.rows.some((c) => c.data_type.startsWith("timestamp") || c.data_type === "date")).toBe(false);
    const respondentColumns = await t.db.execute<{ column_name: string }>(sql`
      select column_name from information_schema.columns where table_name = 'survey_respondents' order by 1`);
    expect(respondentColumns.rows.map((c) => c.column_name)).toEqual(["district_id", "person_id", "round_id"]);
    const dumped: Record<string, unknown>[] = [];
    for await (const chunk of readDistrictRows(t.db, districtId)) {
      if (chunk.table === "survey_answers") dumped.push(...chunk.rows.filter((r) => r.round_id === roundId));
    }
    expect(dumped).toHaveLength(respondents.length * items.length);
    for (const row of dumped)
      expect(Object.keys(row).sort()).toEqual(["district_id", "id", "item_key", "level", "round_id"]);
    // The dump lists answers by their random ids, not in the order they were given.
    const ids = dumped.map((r) => String(r.id));
    expect(ids).toEqual([...ids].sort());
  });
});
