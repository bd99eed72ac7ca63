import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { demoLogins } from "../server/demo/demo-district";
import { expectAccessible, openPage, sharedBrowser, signIn } from "./support/browser";

const FIXTURES = fileURLToPath(new URL("../server/test/fixtures/third-party/oneroster/", import.meta.url));

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

it("a district leader imports a OneRoster set, watches it run, and reads the report and the problems", async () => {
  const leader = demoLogins().find((l) => l.role === "district_leader");
  if (!leader) throw new Error("no district leader login");
  const { page, errors, close } = await openPage(browser);
  await signIn(page, leader.email, leader.password);
  await page.goto("/admin/people");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Roster import" }).click();
  await page.getByRole("heading", { level: 1, name: "Roster import" }).waitFor();
  await page.waitForLoadState("networkidle");
  await expectAccessible(page, "roster import page");

  const input = page.getByLabel("OneRoster files");
  await input.setInputFiles(path.join(FIXTURES, "moodle-enrol_oneroster/oneroster_test_data.zip"));
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByRole("heading", { name: "Import finished" }).waitFor();
  const counts = page.getByRole("table", { name: "What the import changed" });
  await expect.poll(() => counts.getByRole("row", { name: /Students/ }).textContent()).toContain("1");
  await page.getByRole("table", { name: "Past imports" }).getByText("oneroster_test_data.zip").waitFor();
  await expectAccessible(page, "roster import report");

  const broken = path.join(FIXTURES, "oneroster-import/OneRosterv1p1BaseCSV");
  const names = ["manifest.csv", "orgs.csv", "academicSessions.csv", "courses.csv", "classes.csv", "users.csv"];
  await input.setInputFiles(names.map((name) => path.join(broken, name)));
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByRole("heading", { name: "Nothing was imported" }).waitFor();
  const problems = page.getByRole("table", { name: "Problems found in the files" });
  await problems.getByRole("row", { name: /academicSessions\.csv.*schoolYear/ }).waitFor();
  await expectAccessible(page, "roster import problems");

  await page
    .getByRole("button", { name: /Show report of the import started/ })
    .last()
    .click();
  await page.getByRole("heading", { name: "Import finished" }).waitFor();
  expect(errors).toEqual([]);
  await close();
});
