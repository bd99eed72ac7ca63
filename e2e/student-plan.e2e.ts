import type { Browser } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import type { StudentPage } from "../contract/students";
import { expectAccessible, openPage, sharedBrowser, signIn } from "./support/browser";

const TEACHER = { email: "emily.chen@riverside.example", password: "collective-demo" };
const FOCUS = "Writes opinion pieces with reasons that support the opinion (single plan journey)";

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

it("a teacher writes one student's support plan from the student's page, after the form names what is missing", async () => {
  const { page, errors, close } = await openPage(browser);
  await signIn(page, TEACHER.email, TEACHER.password);
  const response = await page.request.get("/api/v1/students?sort=name&pageSize=50");
  expect(response.status()).toBe(200);
  const students = (await response.json()) as StudentPage;
  // Far down the alphabet, away from the students the interventions journey works with.
  const student = students.items.at(-1);
  if (!student) throw new Error("Emily Chen sees no students in the demo");
  const name = `${student.givenName} ${student.familyName}`;

  await page.goto(`/students/${student.id}`);
  await page.getByRole("heading", { level: 1, name }).waitFor();
  await page.getByRole("link", { name: "New support plan" }).click();
  await page.getByRole("heading", { level: 1, name: `New support plan for ${name}` }).waitFor();
  await page.waitForLoadState("networkidle");
  await expectAccessible(page, "new support plan");

  // Nothing is sent until the form is whole; each missing field says what it needs.
  await page.getByRole("button", { name: "Create plan" }).click();
  await page.getByText("Name the measure used for progress monitoring.").waitFor();
  await page.getByText("Give the baseline score.").waitFor();

  if ((await page.getByLabel("Team").inputValue()) === "") {
    await page.getByLabel("Team").selectOption({ label: "Grade 3 team" });
  }
  await page.getByLabel("Kind").selectOption("extension");
  expect(await page.getByLabel("Tier").inputValue()).toBe("1");
  await page.getByLabel("Focus: targets or skills").fill(FOCUS);
  await page.getByLabel("Strategy in your words").fill("Debate club prompts, then a written opinion piece");
  await page.getByLabel("Minutes per session").fill("20");
  await page.getByLabel("Days per week").fill("2");
  await page.getByLabel("Measure").fill("Opinion writing rubric (0–16)");
  await page.getByLabel("Baseline").fill("11");
  await page.getByLabel("Goal", { exact: true }).fill("15");
  await page.getByRole("button", { name: "Create plan" }).click();
  await page.getByRole("heading", { level: 1, name: `${name}: extension plan` }).waitFor();
  await page.waitForLoadState("networkidle");
  expect(await page.locator("main").textContent()).toContain(FOCUS);

  // The student's page lists the new plan beside any others, newest first.
  await page.goto(`/students/${student.id}`);
  await page.getByRole("heading", { level: 1, name }).waitFor();
  const plans = page.getByRole("region", { name: "Support plans" });
  await expect.poll(async () => plans.textContent()).toContain(FOCUS);
  expect(errors).toEqual([]);
  await close();
}, 120_000);
