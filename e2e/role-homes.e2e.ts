import type { Browser, Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import type { EducatorHome, SchoolHome } from "../contract/home";
import { expectAccessible, openPage, sharedBrowser, signIn } from "./support/browser";

const TEACHER = { email: "emily.chen@riverside.example", password: "collective-demo" };
const PRINCIPAL = { email: "james.okafor@riverside.example", password: "collective-demo" };
const PARENT = { email: "ana.torres@riverside.example", password: "collective-demo" };

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

async function getJson<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(`/api/v1${url}`);
  expect(response.status(), `${url}: ${await response.text()}`).toBe(200);
  return (await response.json()) as T;
}

/** Opens the home and waits for a section to be drawn from its data. */
async function openHome(page: Page, sectionHeading: string) {
  await page.goto("/");
  await page.getByRole("heading", { level: 2, name: sectionHeading }).waitFor();
  await page.waitForLoadState("networkidle");
}

it("a teacher's home shows an overdue action item, results to enter and a flagged student, each leading to its record", async () => {
  const { page, errors, close } = await openPage(browser);
  await signIn(page, TEACHER.email, TEACHER.password);
  const home = await getJson<EducatorHome>(page, "/home/educator");
  const overdue = home.actionItems.find((item) => item.isOverdue);
  const toEnter = home.resultsToEnter[0];
  const flagged = home.flaggedPlans[0];
  if (!overdue || !toEnter || !flagged)
    throw new Error("the demo teacher has no overdue item, results to enter or flagged plan");

  await openHome(page, "Today and this week");
  await expectAccessible(page, "teacher home");

  // The overdue item is listed first, marked overdue, and opens the meeting (or team) it came from.
  const items = page.getByRole("region", { name: /My open action items/ });
  const firstItem = items.getByRole("listitem").first();
  await expect.poll(() => firstItem.textContent()).toContain("Overdue");
  await expect.poll(() => firstItem.textContent()).toContain(overdue.title);
  await firstItem.getByRole("link", { name: overdue.title }).click();
  if (overdue.meetingId) await page.waitForURL(`**/meetings/${overdue.meetingId}`);
  else await page.waitForURL(`**/communities/${overdue.community.id}`);
  await page.getByRole("heading", { level: 1 }).waitFor();

  // Results to enter: the count is of students, and the link opens the assessment's results grid.
  await openHome(page, "Today and this week");
  const results = page.getByRole("region", { name: /Results to enter/ });
  await expect
    .poll(() => results.textContent())
    .toContain(`${toEnter.studentsMissing} student${toEnter.studentsMissing === 1 ? "" : "s"} without results`);
  await results.getByRole("link", { name: toEnter.assessment.title }).click();
  await page.waitForURL(`**/assessments/${toEnter.assessment.id}/results`);
  await page.getByRole("heading", { level: 1, name: `Results: ${toEnter.assessment.title}` }).waitFor();

  // A student flagged by the decision rule opens their plan.
  await openHome(page, "Today and this week");
  const flaggedList = page.getByRole("list", { name: "Flagged by a decision rule" });
  await flaggedList.getByRole("link", { name: flagged.student.name }).first().click();
  await page.waitForURL(/\/interventions\/plans\//);
  await page.getByRole("heading", { level: 1 }).waitFor();
  expect(page.url()).toMatch(/\/interventions\/plans\/[0-9a-f-]+$/);

  expect(errors).toEqual([]);
  await close();
}, 120_000);

it("a school leader's home raises the stalled cycle as an alert, and the team's row leads to that cycle", async () => {
  const { page, errors, close } = await openPage(browser);
  await signIn(page, PRINCIPAL.email, PRINCIPAL.password);
  const me = await getJson<{ homeSchools: { id: string; name: string }[] }>(page, "/me");
  const school = me.homeSchools[0];
  if (!school) throw new Error("the demo school leader leads no school");
  const home = await getJson<SchoolHome>(page, `/home/school?schoolId=${school.id}`);
  const stalled = home.teams.find((team) => team.cycle?.isStalled);
  if (!stalled?.cycle) throw new Error("no team of the demo school has a stalled cycle");

  await openHome(page, `${school.name}: every team`);
  await expectAccessible(page, "school leader home");
  const alerts = page.getByRole("region", { name: "Alerts" });
  const alert = alerts
    .getByRole("listitem")
    .filter({ hasText: stalled.community.name })
    .filter({ hasText: "has stalled" });
  await expect.poll(() => alert.textContent()).toContain(`Cycle “${stalled.cycle.title}” has stalled`);

  const row = page
    .getByRole("table", { name: `Teams of ${school.name}` })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: stalled.community.name }) });
  // The team's goals drill down to its own goals; the stalled cycle to the cycle.
  const goalsLink = row.getByRole("link", { name: /goals?|at risk/ });
  expect(await goalsLink.getAttribute("href")).toBe(`/goals?communityId=${stalled.community.id}`);
  await row.getByRole("link", { name: /stalled/ }).click();
  await page.waitForURL(`**/communities/${stalled.community.id}/cycles/${stalled.cycle.id}`);
  await page.getByRole("heading", { level: 1, name: stalled.cycle.title }).waitFor();

  expect(errors).toEqual([]);
  await close();
}, 120_000);

it("a family member lands on their own pages, in their language, with nothing addressed to teachers", async () => {
  const { page, errors, close } = await openPage(browser);
  await signIn(page, PARENT.email, PARENT.password);
  await page.goto("/");
  // Ana Torres reads Spanish: her home is the family view, in Spanish.
  await page.getByRole("heading", { level: 1, name: "Mis hijos" }).waitFor();
  await page.waitForLoadState("networkidle");
  const text = (await page.getByRole("main").textContent()) ?? "";
  for (const staffOnly of ["Today and this week", "Results to enter", "every team", "Schools at a glance"]) {
    expect(text).not.toContain(staffOnly);
  }
  expect((await page.request.get("/api/v1/home/educator")).status()).toBe(403);
  expect(errors).toEqual([]);
  await close();
}, 60_000);
