import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { expectAccessible, launchBrowser, openPage, signIn } from "./support/browser";

const TEACHER = { email: "emily.chen@riverside.example", password: "collective-demo" };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

it("a teacher finds a standard by its code, reads it in its framework, and writes a local learning target", async () => {
  const { page, errors, close } = await openPage(browser);
  await signIn(page, TEACHER.email, TEACHER.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Standards" }).click();
  await page.getByRole("heading", { level: 1, name: "Standards" }).waitFor();

  await page.getByLabel("Search by code or words").fill("RI.3.7");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page
    .getByRole("button", { name: /RI\.3\.7/ })
    .first()
    .click();
  const detail = page.getByRole("region", { name: /RI\.3\.7/ });
  await detail.getByText(/Use information gained from illustrations/).waitFor();
  await expectAccessible(page, "a standard in the standards browser");

  const statement = `I can use a map or photo to explain what a text says (${Date.now()}).`;
  const form = detail.getByRole("form", { name: "Add a learning target" });
  const team = form.getByLabel("Team");
  if (await team.count()) await team.selectOption({ label: "Grade 3 team" });
  await form.getByLabel("Learning target").fill(statement);
  await form.getByRole("button", { name: /Add/ }).click();
  await detail.getByRole("region", { name: "Learning targets" }).getByText(statement).waitFor();

  // The target is stored: a fresh load of the standard shows it.
  await page.reload();
  await page.getByText(statement).first().waitFor();
  expect(errors).toEqual([]);
  await close();
});
