import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { expectAccessible, openPage, sharedBrowser, signIn } from "./support/browser";

const TEACHER = { email: "emily.chen@riverside.example", password: "collective-demo" };
const LEADER = { email: "maria.alvarez@riverside.example", password: "collective-demo" };
const ORDERING = new URL("../server/test/fixtures/third-party/case/Ordering.json", import.meta.url);

type CasePackage = {
  CFDocument: { title: string };
  CFItems: { identifier: string; humanCodingScheme?: string }[];
  CFAssociations: { originNodeURI: { identifier: string } }[];
};

function packageFile(name: string, pkg: CasePackage) {
  return { name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(pkg), "utf8") };
}

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

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
  await detail.getByRole("region", { name: "Learning targets" }).getByText(statement, { exact: true }).waitFor();

  // The target is stored: a fresh load of the standard shows it.
  await page.reload();
  await page.getByText(statement).first().waitFor();
  expect(errors).toEqual([]);
  await close();
});

it("a district leader re-imports a framework: removals wait for a confirmation, and a new title is named", async () => {
  const { page, errors, close } = await openPage(browser);
  await signIn(page, LEADER.email, LEADER.password);
  await page.goto("/standards");
  await page.getByRole("heading", { level: 1, name: "Standards" }).waitFor();
  const original = JSON.parse(readFileSync(ORDERING, "utf8")) as CasePackage;

  async function importPackage(name: string, pkg: CasePackage) {
    await page.getByRole("button", { name: "Import standards" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Import standards" });
    await dialog.getByLabel("CASE package (.json)").setInputFiles(packageFile(name, pkg));
    await dialog.getByRole("button", { name: "Import", exact: true }).click();
    return dialog;
  }

  let dialog = await importPackage("ordering.json", original);
  await dialog
    .getByRole("status")
    .getByText(/Imported “ACT Holistic Framework, Math”: 28 standards/)
    .waitFor();
  await dialog.getByRole("button", { name: "Done" }).click();

  // The same framework without two of its leaves, under a new title.
  const gone = original.CFItems.slice(-2);
  const goneIds = new Set(gone.map((item) => item.identifier));
  const smaller: CasePackage = {
    ...original,
    CFDocument: { ...original.CFDocument, title: "ACT Math, revised" },
    CFItems: original.CFItems.filter((item) => !goneIds.has(item.identifier)),
    CFAssociations: original.CFAssociations.filter((a) => !goneIds.has(a.originNodeURI.identifier)),
  };
  dialog = await importPackage("revised.json", smaller);
  const warning = dialog.getByRole("alert");
  await warning.getByText(/This package would remove 2 standards of the 28/).waitFor();
  for (const item of gone) await warning.getByText(item.humanCodingScheme ?? item.identifier).waitFor();
  await expectAccessible(page, "a re-import that asks before removing standards");
  await dialog.getByRole("button", { name: "Remove them and import" }).click();
  const summary = dialog.getByRole("status");
  await summary.getByText(/Updated “ACT Math, revised”: 26 standards/).waitFor();
  await summary.getByText("2 removed").waitFor();
  await summary
    .getByText(/The framework's title changed from “ACT Holistic Framework, Math” to “ACT Math, revised”/)
    .waitFor();
  await dialog.getByRole("button", { name: "Done" }).click();

  // Leave the demo district's standards as the other journeys expect them.
  await page.getByRole("button", { name: "Delete framework" }).click();
  await page
    .getByRole("dialog", { name: "Delete framework" })
    .getByRole("button", { name: "Delete framework" })
    .click();
  await expect.poll(() => page.getByText("ACT Math, revised").count()).toBe(0);
  // The 409 that asked for the confirmation is the one failed request the browser may report.
  expect(errors.filter((message) => !/status of 409/.test(message))).toEqual([]);
  await close();
});
