import type { APIRequestContext, Browser, Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import type { z } from "zod";
import type { AssessmentAnalysis } from "../contract/analysis";
import type { AssessmentList } from "../contract/assessments";
import type { StudentPage } from "../contract/students";
import { defaultGroupName } from "../web/src/features/interventions/group-name";
import { expectAccessible, openPage, sharedBrowser, signIn } from "./support/browser";
import { DISTRICT_TIME_ZONE, dayFromToday } from "./support/days";

const TEACHER = { email: "emily.chen@riverside.example", password: "collective-demo" };
const PARENT = { email: "ana.torres@riverside.example", password: "collective-demo" };
const GROUP_NAME = "Fluency boost (journey)";
const FOCUS = "Reads grade-level text aloud accurately (journey)";
const FAMILY_NOTE = "Mateo practica la lectura en casa cada noche. ¡Gracias por la ayuda!";

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
  const response = await request.get(url);
  expect(response.status(), `${url}: ${await response.text()}`).toBe(200);
  return (await response.json()) as T;
}

async function settle(page: Page, heading: string | RegExp) {
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await page.waitForLoadState("networkidle");
}

/** A day relative to today in the district's time zone, where the server counts plans' days. */
function isoDay(offsetDays: number): string {
  return dayFromToday(offsetDays, DISTRICT_TIME_ZONE);
}

/** The Grade 3 team, Mateo, and an assessment target on which Mateo is below proficient. */
async function findJourneyStart(request: APIRequestContext) {
  const communities = await getJson<{ items: { id: string; name: string }[] }>(
    request,
    "/api/v1/communities?q=Grade%203%20team",
  );
  const community = communities.items.find((c) => c.name === "Grade 3 team");
  if (!community) throw new Error("no Grade 3 team in the demo");
  const students = await getJson<StudentPage>(request, "/api/v1/students?q=Mateo&pageSize=50");
  const mateo = students.items.find((s) => s.familyName === "Torres" && s.givenName === "Mateo");
  if (!mateo) throw new Error("no Mateo Torres in the demo");
  const list = await getJson<z.infer<typeof AssessmentList>>(
    request,
    `/api/v1/communities/${community.id}/assessments`,
  );
  for (const assessment of list.items.filter((a) => a.sittingCount > 0)) {
    const analysis = await getJson<AssessmentAnalysis>(request, `/api/v1/assessments/${assessment.id}/analysis`);
    const target = analysis.targets.find((t) => t.belowProficient.includes(mateo.id));
    if (target) return { community, mateo, assessment, analysis, target };
  }
  throw new Error("Mateo is below proficient on no target of the Grade 3 team's assessments");
}

/** Starts the review walk-through and steps to the journey's plan for this student. */
async function walkTo(page: Page, studentName: string) {
  await page.getByRole("button", { name: /^Start review/ }).click();
  // The walk-through is a region named by its "Student 3 of 7" heading; it holds the current plan.
  const walk = page.getByRole("region", { name: /^Student \d+ of \d+$/ });
  for (let step = 0; step < 80; step++) {
    await walk.waitFor();
    const text = (await walk.textContent()) ?? "";
    if (text.includes(studentName) && text.includes(GROUP_NAME)) return walk;
    await page.getByRole("navigation", { name: "Review walk-through" }).getByRole("button", { name: "Next" }).click();
  }
  throw new Error(`the review walk never reached ${studentName} in ${GROUP_NAME}`);
}

it("a team responds to an analysis: group, four weeks of data, the rule fires, a meeting intensifies the plan, the family sees it in Spanish and writes back", async () => {
  const { page, errors, close } = await openPage(browser);
  await signIn(page, TEACHER.email, TEACHER.password);
  const { community, mateo, assessment, analysis, target } = await findJourneyStart(page.request);
  const mateoName = `${mateo.givenName} ${mateo.familyName}`;
  const belowNames = target.belowProficient
    .map((id) => analysis.students.find((s) => s.id === id))
    .filter((s) => s !== undefined)
    .map((s) => s.name);

  // From the analysis: the students below proficient on the target, in one step.
  await page.goto(`/assessments/${assessment.id}/analysis`);
  await settle(page, `Analysis: ${assessment.title}`);
  const lists = page.locator("section.panel").filter({ has: page.getByRole("heading", { level: 3 }) });
  const targetPanel = lists.filter({ hasText: target.code ?? target.statement }).first();
  await targetPanel.getByRole("link", { name: "Create intervention group" }).click();
  await page.getByRole("button", { name: "Create intervention group" }).waitFor();
  await page.waitForLoadState("networkidle");
  await expectAccessible(page, "new intervention group");
  for (const name of belowNames) expect(await page.getByLabel(name, { exact: true }).isChecked()).toBe(true);

  // The name the form offers is the target's "I can" statement (the tour), which the teacher may change.
  expect(await page.getByLabel("Group name").inputValue()).toBe(defaultGroupName("intervention", target.statement));
  await page.getByLabel("Tier").selectOption("2");
  await page.getByLabel("Group name").fill(GROUP_NAME);
  await page.getByLabel("Focus: targets or skills").fill(FOCUS);
  await page.getByLabel("Strategy in your words").fill("Repeated reading with a partner and modelled fluency");
  await page.getByLabel("Minutes per session").fill("25");
  await page.getByLabel("Days per week").fill("3");
  await page.getByLabel("Start date").fill(isoDay(-28));
  await page.getByLabel("Review date").fill(isoDay(0));
  await page.getByLabel("Goal date").fill(isoDay(28));
  // Each student's baseline starts as their level in the assessment; a measure of another kind clears them.
  const mateoBaseline = page.getByLabel(`Baseline for ${mateoName}`);
  expect(await mateoBaseline.inputValue()).toMatch(/^[1-9]$/);
  await page.getByLabel("Measure").fill("Oral reading fluency (words correct per minute)");
  await expect.poll(async () => mateoBaseline.inputValue()).toBe("");
  await page.getByLabel("Baseline (for every student unless given below)").fill("40");
  await page.getByLabel("Goal", { exact: true }).fill("70");
  await page.getByRole("button", { name: "Create intervention group" }).click();
  await settle(page, GROUP_NAME);
  await expectAccessible(page, "intervention group");

  // Four weeks of progress data: Mateo stays below the aim line (40 → 70 over eight weeks).
  const progress = page.getByRole("region", { name: "Record progress" });
  for (const [week, score] of [41, 42, 43, 44].entries()) {
    await progress.getByLabel("Date measured").fill(isoDay(-28 + 7 * (week + 1)));
    await progress.getByLabel(mateoName, { exact: true }).fill(String(score));
    await progress.getByRole("button", { name: "Save scores" }).click();
    await progress.getByRole("button", { name: "Save scores" }).waitFor({ state: "visible" });
    await page.waitForLoadState("networkidle");
  }
  const sessions = page.getByRole("region", { name: "Record session" });
  await sessions.getByLabel("Session date").fill(isoDay(-1));
  await sessions.getByLabel(mateoName, { exact: true }).selectOption("present");
  await sessions.getByRole("button", { name: "Save attendance" }).click();
  await page.waitForLoadState("networkidle");
  const mateoRow = page
    .getByRole("table", { name: "The group's students and how each is responding" })
    .getByRole("row", {
      name: new RegExp(mateoName),
    });
  await expect.poll(async () => mateoRow.textContent(), { timeout: 10_000 }).toContain("Adjust");

  // The plan page: the chart with its text alternative.
  await mateoRow.getByRole("link", { name: mateoName }).click();
  await settle(page, new RegExp(`^${mateoName}: intervention plan`));
  const planUrl = page.url();
  await expect.poll(async () => page.locator("main").textContent()).toMatch(/below the aim line/i);
  await expectAccessible(page, "intervention plan with its chart");

  // In the team's meeting: the student review walks the flagged students; the team intensifies Mateo's plan.
  const meetings = await getJson<{ items: { id: string }[] }>(
    page.request,
    `/api/v1/communities/${community.id}/meetings`,
  );
  const meeting = meetings.items[0];
  if (!meeting) throw new Error("the Grade 3 team has no meeting in the demo");
  await page.goto(`/meetings/${meeting.id}`);
  await page.getByRole("link", { name: "Review students in this meeting" }).click();
  await settle(page, "Student review");
  await expectAccessible(page, "student review list");
  await walkTo(page, mateoName);
  await expectAccessible(page, "student review walk-through");
  const decision = page.getByRole("form", { name: "Record the team's decision" });
  await decision.getByLabel("Intensify").check();
  await decision.getByLabel("Reason").fill("Four checks below the aim line; daily small-group time needed.");
  await decision.getByLabel("New tier").selectOption("3");
  await decision.getByRole("button", { name: "Record decision" }).click();
  await page.waitForLoadState("networkidle");

  // The tier history on the plan page shows the move.
  await page.goto(planUrl);
  await settle(page, new RegExp(`^${mateoName}: intervention plan`));
  const history = page.getByRole("region", { name: "Tier history" });
  await expect.poll(async () => history.textContent()).toContain("Tier 2 → 3");
  expect(await history.textContent()).toContain("daily small-group time needed");
  expect(errors).toEqual([]);
  await close();

  // The family member sees the plan in Spanish and writes back; nobody else's child, nor the group, appears.
  const family = await openPage(browser);
  await signIn(family.page, PARENT.email, PARENT.password);
  await family.page.goto("/family");
  await family.page.getByRole("heading", { level: 1, name: "Mis hijos" }).waitFor();
  await family.page.waitForLoadState("networkidle");
  const support = family.page.getByRole("region", { name: "El apoyo que da la escuela" });
  await expect.poll(async () => support.textContent()).toContain(FOCUS);
  const supportText = (await support.textContent()) ?? "";
  expect(supportText).toContain("25 minutos, 3 días por semana");
  const pageText = (await family.page.locator("main").textContent()) ?? "";
  expect(pageText).not.toContain(GROUP_NAME);
  for (const name of belowNames.filter((n) => n !== mateoName)) expect(pageText).not.toContain(name);
  await expectAccessible(family.page, "family page in Spanish with support");
  await family.page.getByLabel(/^Su nota/).fill(FAMILY_NOTE);
  await family.page.getByRole("button", { name: "Enviar nota" }).click();
  await family.page.getByText("Su nota fue enviada al equipo.").waitFor();
  expect(family.errors).toEqual([]);
  await family.close();

  // The team sees the note on Mateo's page and on its review list.
  const team = await openPage(browser);
  await signIn(team.page, TEACHER.email, TEACHER.password);
  await team.page.goto(`/students/${mateo.id}`);
  await settle(team.page, mateoName);
  const notes = team.page.getByRole("region", { name: "Notes from family" });
  await expect.poll(async () => notes.textContent()).toContain(FAMILY_NOTE);
  await team.page.goto(`/communities/${community.id}/review`);
  await settle(team.page, "Student review");
  const walk = await walkTo(team.page, mateoName);
  await expect
    .poll(async () => walk.getByRole("region", { name: "Notes from family" }).textContent())
    .toContain(FAMILY_NOTE);
  expect(team.errors).toEqual([]);
  await team.close();
}, 240_000);
