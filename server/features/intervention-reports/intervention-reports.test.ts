import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InterventionReport } from "../../../contract/intervention-reports";
import { auditLog } from "../../db/schema";
import { linkFamily } from "../../test/evidence-factories";
import { buildPerson, type TestPerson } from "../../test/factories";
import {
  ASSESSMENTS,
  buildReportFixture,
  type FixturePlan,
  PERIOD,
  PLANS,
  PROFICIENT,
  RESPONSE_DAYS,
  type ReportFixture,
} from "../../test/report-fixture";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";
import { monthsOf, resolvePeriod } from "./build-report";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let f: ReportFixture;
let leader: TestPerson;

const as = (person: TestPerson) => sessionHeaders(t.db, person);
const today = new Date().toISOString().slice(0, 10);
const inSchool = (plan: { student: string }) => plan.student !== "S9";

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  f = await buildReportFixture(t.db);
  leader = await buildPerson(t.db, f.district, "school_leader", { schoolId: f.district.schools.elementary.id });
});
afterAll(async () => t?.close());

function reportUrl(extension = "") {
  const school = f.district.schools.elementary.id;
  return `/api/v1/reports/interventions${extension}?schoolId=${school}&from=${PERIOD.from}&to=${PERIOD.to}`;
}

async function reportAs(person: TestPerson): Promise<InterventionReport> {
  const response = await app.inject({ url: reportUrl(), headers: await as(person) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

// ---- What the report should say, computed from the fixture's rows alone. ----

function monthEnds(): { month: string; asOf: string }[] {
  const out = [];
  for (let m = new Date(`${PERIOD.from}T00:00:00Z`); m.toISOString().slice(0, 10) <= PERIOD.to; ) {
    const next = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1));
    const end = new Date(next.getTime() - 86_400_000).toISOString().slice(0, 10);
    out.push({ month: m.toISOString().slice(0, 7), asOf: [end, PERIOD.to].sort()[0] as string });
    m = next;
  }
  return out;
}

function tierOn(plan: FixturePlan, day: string): number | null {
  if (plan.kind !== "intervention" || !inSchool(plan) || (plan.movedStart ?? plan.start) > day) return null;
  if (plan.closedOn && plan.closedOn <= day) return null;
  const decided = (plan.decisions ?? []).filter((d) => d.on <= day);
  return decided.at(-1)?.tier ?? plan.tier;
}

function expectedTiers(team: "A" | "B" | null) {
  return monthEnds().map(({ month, asOf }) => {
    const highest = new Map<string, number>();
    for (const plan of PLANS) {
      const tier = team === null || plan.team === team ? tierOn(plan, asOf) : null;
      if (tier !== null) highest.set(plan.student, Math.max(tier, highest.get(plan.student) ?? 0));
    }
    const count = (tier: number) => [...highest.values()].filter((x) => x === tier).length;
    return { month, asOf, tier1: count(1), tier2: count(2), tier3: count(3) };
  });
}

function addSchoolDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  for (let added = 0; added < n; ) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) added += 1;
  }
  return d.toISOString().slice(0, 10);
}

function share(numerator: number, denominator: number) {
  return { numerator, denominator, share: denominator ? Math.round((1000 * numerator) / denominator) / 10 : null };
}

function expectedResponsiveness(team: "A" | "B" | null, isCounted = (student: string) => student !== "S9") {
  let below = 0;
  let responded = 0;
  for (const a of ASSESSMENTS) {
    if (a.givenOn < PERIOD.from || a.givenOn > PERIOD.to || (team && a.team !== team)) continue;
    const last = addSchoolDays(a.givenOn, RESPONSE_DAYS[a.team]);
    for (const [student, levels] of Object.entries(a.levels)) {
      if (!isCounted(student) || !levels.some((level, i) => level < (PROFICIENT[i] as number))) continue;
      below += 1;
      // The fixture's plans name no target, so any of them answers every target: open from the assessment's day
      // (started before it and still running, or started after it) to the end of the response window.
      const plan = PLANS.find(
        (p) =>
          p.student === student &&
          p.kind === "intervention" &&
          (p.movedStart ?? p.start) <= last &&
          (!p.closedOn || p.closedOn >= a.givenOn),
      );
      if (plan) responded += 1;
    }
  }
  return share(responded, below);
}

function expectedOutcomes(filter: (plan: FixturePlan) => boolean) {
  const closed = PLANS.filter(
    (p) => inSchool(p) && p.closedOn && p.closedOn >= PERIOD.from && p.closedOn <= PERIOD.to && filter(p),
  );
  return share(closed.filter((p) => p.outcome === "met").length, closed.length);
}

const overduePlans = PLANS.filter((p) => inSchool(p) && !p.closedOn && p.review < today);

describe("the intervention report", () => {
  it("counts students by tier at each month's end, per team and in total", async () => {
    const report = await reportAs(leader);
    expect(report.tiers.total).toEqual(expectedTiers(null));
    const teamA = report.tiers.byTeam.find((x) => x.communityId === f.teams.A);
    const teamB = report.tiers.byTeam.find((x) => x.communityId === f.teams.B);
    expect(teamA?.months).toEqual(expectedTiers("A"));
    expect(teamB?.months).toEqual(expectedTiers("B"));
    // The fixture moves tiers on known dates: S1 is tier 3 from mid-October, S3 drops to tier 2 in late November.
    // S3's start date was moved back to September: before its first decision it is at its starting tier (3),
    // not its current one (2).
    expect(teamB?.months.find((m) => m.month === "2025-09")).toMatchObject({ tier3: 1 });
    expect(report.tiers.total.find((m) => m.month === "2025-10")?.tier3).toBeGreaterThan(0);
  });

  it("lists overdue plans of the school's students, by team", async () => {
    const report = await reportAs(leader);
    expect(report.overdue.total).toBe(overduePlans.length);
    for (const team of ["A", "B"] as const) {
      const count = overduePlans.filter((p) => p.team === team).length;
      expect(report.overdue.byTeam.find((x) => x.communityId === f.teams[team])?.count ?? 0).toBe(count);
    }
    const expected = overduePlans
      .map((p) => ({
        studentId: f.studentIds[p.student],
        reviewDate: p.review,
        daysOverdue: Math.round((Date.parse(today) - Date.parse(p.review)) / 86_400_000),
      }))
      .sort((a, b) => a.reviewDate.localeCompare(b.reviewDate));
    expect(
      report.overdue.plans.map(({ studentId, reviewDate, daysOverdue }) => ({ studentId, reviewDate, daysOverdue })),
    ).toEqual(expected);
    expect(report.overdue.plans.some((p) => p.studentId === f.studentIds.S9)).toBe(false);
  });

  it("measures responsiveness once per student and assessment, within the team's school days", async () => {
    const report = await reportAs(leader);
    expect(report.responsiveness.total).toEqual(expectedResponsiveness(null));
    for (const team of ["A", "B"] as const) {
      const row = report.responsiveness.byTeam.find((x) => x.communityId === f.teams[team]);
      expect({ ...row, communityId: undefined, responseDays: undefined }).toEqual({
        ...expectedResponsiveness(team),
        communityId: undefined,
        responseDays: undefined,
      });
      expect(row?.responseDays).toBe(RESPONSE_DAYS[team]);
    }
    // The plan 2 school days after team A's assessment counts, the one 9 days after does not.
    expect(expectedResponsiveness("A")).toMatchObject({ numerator: 1, denominator: 3 });
    // On team B's assessment, S6 (plan since 10 October) and S3 (since September) already had an active plan:
    // both are responded to.
    expect(expectedResponsiveness("B")).toMatchObject({ numerator: 2, denominator: 2 });
  });

  it("shares plans closed in the period that met their goal, per team and kind", async () => {
    const report = await reportAs(leader);
    expect(report.outcomes.total).toEqual(expectedOutcomes(() => true));
    for (const kind of ["intervention", "extension"] as const) {
      expect(report.outcomes.byKind.find((x) => x.kind === kind)).toEqual({
        kind,
        ...expectedOutcomes((p) => p.kind === kind),
      });
      for (const team of ["A", "B"] as const) {
        const expected = expectedOutcomes((p) => p.kind === kind && p.team === team);
        const row = report.outcomes.byTeam.find((x) => x.communityId === f.teams[team] && x.kind === kind);
        expect(row ?? { kind, communityId: f.teams[team], ...share(0, 0) }).toEqual({
          communityId: f.teams[team],
          kind,
          ...expected,
        });
      }
    }
  });

  it("exports the same numbers as CSV, and answers XLSX and PDF", async () => {
    const headers = await as(leader);
    const csv = await app.inject({ url: reportUrl(".csv"), headers });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    const rows: string[][] = parse(csv.body.replace(/^\uFEFF/, ""), { relax_column_count: true });
    const total = expectedResponsiveness(null);
    expect(rows).toContainEqual([
      "All teams",
      "",
      String(total.numerator),
      String(total.denominator),
      String(total.share ?? ""),
    ]);
    const dec = expectedTiers(null).at(-1);
    expect(rows).toContainEqual(
      ["All teams", "2025-12", "2025-12-31", dec?.tier1, dec?.tier2, dec?.tier3]
        .map(String)
        .concat(String((dec?.tier1 ?? 0) + (dec?.tier2 ?? 0) + (dec?.tier3 ?? 0))),
    );
    const xlsx = await app.inject({ url: reportUrl(".xlsx"), headers });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const pdf = await app.inject({ url: reportUrl(".pdf"), headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("is audit-logged, refused to a leader of another school, and checks its period", async () => {
    await reportAs(leader);
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, leader.id), eq(auditLog.action, "interventionReport.read")));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries[0]?.subjectId).toBe(f.district.schools.elementary.id);
    const otherLeader = await buildPerson(t.db, f.district, "school_leader", { schoolId: f.district.schools.high.id });
    const refused = await app.inject({ url: reportUrl(), headers: await as(otherLeader) });
    expect(refused.statusCode).toBe(403);
    const teacher = await buildPerson(t.db, f.district, "teacher");
    expect((await app.inject({ url: reportUrl(".csv"), headers: await as(teacher) })).statusCode).toBe(403);
    const backwards = await app.inject({
      url: `/api/v1/reports/interventions?from=2025-12-01&to=2025-11-01`,
      headers: await as(leader),
    });
    expect(backwards.statusCode).toBe(422);
  });

  it("covers the whole district for a district leader without a school", async () => {
    const districtLeader = await buildPerson(t.db, f.district, "district_leader");
    const response = await app.inject({
      url: `/api/v1/reports/interventions?from=${PERIOD.from}&to=${PERIOD.to}`,
      headers: await as(districtLeader),
    });
    expect(response.statusCode, response.body).toBe(200);
    const report: InterventionReport = response.json();
    expect(report.scope.label).toBe("Whole district");
    expect(report.overdue.plans.some((p) => p.studentId === f.studentIds.S9)).toBe(true);
    expect(report.schools.length).toBe(2);
    expect(report.responsiveness.total).toEqual(expectedResponsiveness(null, () => true));
  });
});

describe("a student's intervention history", () => {
  it("prints for staff who read the student, audit-logged, and is hidden from others", async () => {
    const url = `/api/v1/students/${f.studentIds.S1}/intervention-history.pdf`;
    const response = await app.inject({ url, headers: await as(leader) });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, leader.id), eq(auditLog.action, "student.intervention_history_printed")));
    expect(entries[0]?.details).toEqual({ plans: PLANS.filter((p) => p.student === "S1").length });
    const outsider = await buildPerson(t.db, f.district, "teacher");
    expect((await app.inject({ url, headers: await as(outsider) })).statusCode).toBe(404);
  });

  it("is refused to the student's own family, like the JSON history (families use the family view)", async () => {
    const parent = await buildPerson(t.db, f.district, "family_member", { schoolId: null });
    await linkFamily(t.db, f.district, parent.id, f.studentIds.S1 as string);
    const headers = await as(parent);
    const json = await app.inject({ url: `/api/v1/students/${f.studentIds.S1}/plans`, headers });
    expect(json.statusCode, json.body).toBe(403);
    const pdf = await app.inject({ url: `/api/v1/students/${f.studentIds.S1}/intervention-history.pdf`, headers });
    expect(pdf.statusCode).toBe(json.statusCode);
    expect(pdf.headers["content-type"]).toContain("application/problem+json");
  });
});

describe("the report's period", () => {
  it("defaults to 1 August of the school year, ends today at the latest, and counts each month on its last day", () => {
    expect(resolvePeriod({}, "2026-03-10")).toEqual({ from: "2025-08-01", to: "2026-03-10", today: "2026-03-10" });
    expect(resolvePeriod({}, "2026-08-01").from).toBe("2026-08-01");
    expect(resolvePeriod({ from: "2026-01-01", to: "2026-12-31" }, "2026-03-10").to).toBe("2026-03-10");
    expect(monthsOf({ from: "2026-01-15", to: "2026-03-10", today: "2026-03-10" })).toEqual([
      { month: "2026-01", asOf: "2026-01-31" },
      { month: "2026-02", asOf: "2026-02-28" },
      { month: "2026-03", asOf: "2026-03-10" },
    ]);
  });
});
