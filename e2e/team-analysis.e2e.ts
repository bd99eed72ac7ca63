import type { APIRequestContext, Browser, Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import type { z } from "zod";
import type { AssessmentDetail, AssessmentList, ResultsGrid } from "../contract/assessments";
import type { InterventionReport } from "../contract/intervention-reports";
import type { StudentPage } from "../contract/students";
import { expectFigureDefinitions, expectProficiencyTable } from "./support/analysis";
import { expectAccessible, openPage, sharedBrowser, signIn } from "./support/browser";

const TEACHER = { email: "emily.chen@riverside.example", password: "collective-demo" };
const PARENT = { email: "ana.torres@riverside.example", password: "collective-demo" };
const LEADER = { email: "james.okafor@riverside.example", password: "collective-demo" };

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

async function findCommunity(request: APIRequestContext, name: string) {
  const communities = await getJson<{ items: { id: string; name: string }[] }>(
    request,
    `/api/v1/communities?q=${encodeURIComponent(name)}`,
  );
  const community = communities.items.find((c) => c.name === name);
  if (!community) throw new Error(`no ${name} in the demo`);
  return community;
}

async function firstAssessmentWithResults(request: APIRequestContext, communityId: string) {
  const list = await getJson<z.infer<typeof AssessmentList>>(request, `/api/v1/communities/${communityId}/assessments`);
  const assessment = list.items.find((a) => a.sittingCount > 0);
  if (!assessment) throw new Error("the demo team has no assessment with results");
  return assessment;
}

it("a teacher sees the team analysis with the right numbers, then a student's page and the students list", async () => {
  const { page, errors, close } = await openPage(browser);
  await signIn(page, TEACHER.email, TEACHER.password);
  const community = await findCommunity(page.request, "Grade 3 team");
  const assessment = await firstAssessmentWithResults(page.request, community.id);
  const detail = await getJson<AssessmentDetail>(page.request, `/api/v1/assessments/${assessment.id}`);
  const grid = await getJson<ResultsGrid>(page.request, `/api/v1/assessments/${assessment.id}/results`);

  await page.goto(`/assessments/${assessment.id}/analysis`);
  await settle(page, `Analysis: ${assessment.title}`);
  await expectAccessible(page, "assessment analysis");
  await expectProficiencyTable(page, detail, grid);
  await expectAccessible(page, "assessment analysis with a table shown");
  await expectFigureDefinitions(page, detail, grid);
  // Targets read by their "I can" statements, codes beneath (the tour).
  for (const target of detail.targets) {
    const header = page
      .getByRole("figure", { name: "Proficiency by target" })
      .getByRole("rowheader")
      .filter({ hasText: target.statement });
    expect(((await header.textContent()) ?? "").startsWith(target.statement)).toBe(true);
  }
  // The index at the top leads to each section (the tour: the page is long).
  const index = page.getByRole("navigation", { name: "Sections of the analysis" });
  expect(await index.getByRole("link").allTextContents()).toEqual([
    "Did they learn it?",
    "Classes and teachers side by side",
    "Items",
    "Who needs more time, who is ready for more",
    "Each student by target",
    "Subgroups",
  ]);
  await index.getByRole("link", { name: "Subgroups" }).click();
  await expect.poll(() => new URL(page.url()).hash).toBe("#analysis-subgroups");
  expect(await page.getByRole("heading", { level: 2, name: "Subgroups" }).isVisible()).toBe(true);

  // From the table of each student's levels to a student's page, and its targets over time.
  const firstStudent = page
    .getByRole("table", { name: "Each student's level on each target" })
    .getByRole("rowheader")
    .first()
    .getByRole("link");
  const studentName = ((await firstStudent.textContent()) ?? "").trim();
  await firstStudent.click();
  await settle(page, studentName);
  await page.getByRole("heading", { name: "Learning targets over time" }).waitFor();
  await expectAccessible(page, "student page");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Students & data" }).click();
  await settle(page, "Students & data");
  await page.getByRole("table", { name: "Students" }).waitFor();
  await expectAccessible(page, "students list");
  expect(errors).toEqual([]);
  await close();
});

it("a school leader reads what the rollup and the responsiveness figure count: students, period, what is a response", async () => {
  const { page, errors, close } = await openPage(browser);
  await signIn(page, LEADER.email, LEADER.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Students & data" }).click();
  await settle(page, "Students & data");
  const rollup = page.getByRole("region", { name: "Proficiency by learning target" });
  expect((await rollup.textContent()) ?? "").toContain("Counts students, not results");
  await rollup.getByRole("button", { name: "Show proficiency by target" }).click();
  const counts = rollup.locator(".rollup-counts");
  await counts.waitFor();
  const text = ((await counts.textContent()) ?? "").replace(/\s+/g, " ");
  expect(text).toContain("Students, each counted once per target at their latest result; results of every date.");
  expect(text).toContain("A result scored on only some of a target's items counts here at the level its points reach");
  await expectAccessible(page, "proficiency rollup");

  // The intervention report says what responsiveness counts, with the figure the report's data gives.
  const report = await getJson<InterventionReport>(page.request, "/api/v1/reports/interventions");
  await page.goto("/interventions/reports");
  const section = page.getByRole("region", { name: "Responsiveness", exact: true });
  await section.getByRole("heading", { name: "Responsiveness" }).waitFor();
  await page.waitForLoadState("networkidle");
  const words = ((await section.textContent()) ?? "").replace(/\s+/g, " ");
  const { numerator, denominator } = report.responsiveness.total;
  if (denominator === 0) {
    expect(words).toContain("No student scored below proficiency on an assessment given in this period.");
  } else {
    expect(words).toContain(`${numerator} of ${denominator} (`);
    expect(words).toContain("were responded to in time. A student below proficiency on two assessments counts twice");
    expect(words).toContain("on every target they scored below proficiency on, the student had an intervention plan");
    expect(words).toContain("already active on the day of the assessment or started within the assessment team's");
    expect(words).toContain(
      "A result scored on only some of a target's items is not counted as below proficiency, unless the assessment's team chose to count it in its settings.",
    );
  }

  // The team decides whether partly scored results count as needs more time; the analysis says which way.
  const community = await findCommunity(page.request, "Grade 3 team");
  const assessment = await firstAssessmentWithResults(page.request, community.id);
  await choosePartlyScoredAsNeed(page, community.id, true);
  await page.goto(`/assessments/${assessment.id}/analysis`);
  await settle(page, `Analysis: ${assessment.title}`);
  const definitions = page.getByRole("region", { name: "What these figures count" });
  expect(((await definitions.textContent()) ?? "").replace(/\s+/g, " ")).toContain(
    "The team chose to count them under needs more time when their level is below proficient.",
  );
  await choosePartlyScoredAsNeed(page, community.id, false);
  expect(errors).toEqual([]);
  await close();
});

/** Ticks or unticks the team's choice on its settings page and waits until it is saved. */
async function choosePartlyScoredAsNeed(page: Page, communityId: string, isChosen: boolean) {
  await page.goto(`/communities/${communityId}/settings`);
  await settle(page, "Settings");
  const choice = page.getByRole("region", { name: "Partly scored results" });
  await choice.getByRole("checkbox", { name: "Count partly scored results as needs more time" }).setChecked(isChosen);
  await choice.getByRole("button", { name: "Save choice" }).click();
  await choice.getByRole("status").filter({ hasText: "Choice saved." }).waitFor();
  await expectAccessible(page, "community settings");
}

it("a family member sees only their own child, in plain words, and no other student", async () => {
  const teacher = await openPage(browser);
  await signIn(teacher.page, TEACHER.email, TEACHER.password);
  const classmates = await getJson<StudentPage>(teacher.page.request, "/api/v1/students?pageSize=200");
  await teacher.close();

  const { page, errors, close } = await openPage(browser);
  await signIn(page, PARENT.email, PARENT.password);
  await page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Mis hijos" }).click();
  // Ana Torres prefers Spanish, so the family page speaks Spanish.
  await settle(page, "Mis hijos");
  const children = page.locator("section.panel h2");
  expect(await children.allInnerTexts()).toEqual(["Mateo Torres"]);
  await expect
    .poll(() =>
      page.getByText(/Mateo (está trabajando para alcanzar esta meta|ha demostrado que puede hacerlo)/).count(),
    )
    .toBeGreaterThan(0);
  await expectAccessible(page, "family view");

  const classmate = classmates.items.find((s) => s.name !== "Mateo Torres");
  if (!classmate) throw new Error("Mateo has no classmates in the demo");
  const guessed = await page.request.get(`/api/v1/students/${classmate.id}`);
  expect(guessed.status()).toBe(404);
  await page.goto(`/students/${classmate.id}`);
  // Ana reads Spanish: the page says so in her language.
  await page.getByRole("heading", { level: 1, name: /not found|no encontrad/i }).waitFor();
  expect(await page.content()).not.toContain(classmate.familyName);
  expect(errors).toEqual([]);
  await close();
});
