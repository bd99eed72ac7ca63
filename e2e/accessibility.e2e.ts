import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { demoLogins } from "../server/demo/demo-district";
import { expectAccessible, launchBrowser, openPage, signIn } from "./support/browser";

const SIGNED_OUT_PAGES = ["/sign-in", "/forgot-password"];
const MAIN_PAGES = [
  "/",
  "/communities",
  "/students",
  "/interventions",
  "/goals",
  "/library",
  "/admin/people",
  "/admin/schools",
  "/admin/audit",
  "/admin/outbox",
  "/profile",
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe("accessibility sweep (axe-core: no serious or critical violations)", () => {
  it("signed-out pages", async () => {
    const { page, close } = await openPage(browser);
    for (const path of SIGNED_OUT_PAGES) {
      await page.goto(path);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await expectAccessible(page, path);
    }
    await close();
  });

  for (const viewport of [
    { name: "desktop", width: 1280, height: 900 },
    { name: "phone", width: 375, height: 740 },
  ]) {
    it(`every main page on ${viewport.name}`, async () => {
      const leader = demoLogins().find((l) => l.role === "district_leader");
      if (!leader) throw new Error("no district leader login");
      const { page, close } = await openPage(browser, viewport);
      await signIn(page, leader.email, leader.password);
      for (const path of MAIN_PAGES) {
        await page.goto(path);
        await page.getByRole("heading", { level: 1 }).waitFor();
        await page.waitForLoadState("networkidle");
        await expectAccessible(page, `${path} (${viewport.name})`);
      }
      // A person's page and an email, reached by following links as a person would.
      await page.goto("/admin/people");
      await page.getByRole("link", { name: "Emily Chen" }).first().click();
      await page.getByRole("heading", { level: 1, name: /Emily Chen/ }).waitFor();
      await expectAccessible(page, `person page (${viewport.name})`);
      await close();
    });
  }
});
