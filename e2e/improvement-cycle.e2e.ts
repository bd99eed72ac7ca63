import type { Browser } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import type { CycleList } from "../contract/cycles";
import { expectAccessible, openPage, sharedBrowser, signIn } from "./support/browser";

const TEACHER = { email: "emily.chen@riverside.example", password: "collective-demo" };

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

it("a team member follows the team's cycles: where each stands, what it gained, and the district's record", async () => {
  const { page, errors, close } = await openPage(browser);
  await signIn(page, TEACHER.email, TEACHER.password);
  const response = await page.request.get("/api/v1/cycles");
  expect(response.status()).toBe(200);
  const cycles = (await response.json()) as CycleList;
  const finished = cycles.items.find((c) => c.status === "finished");
  const stalled = cycles.items.find((c) => c.status === "active" && c.overdueStages > 0);
  if (!finished || !stalled) throw new Error("the demo's Grade 3 team has no finished or stalled cycle");

  await page.goto(`/communities/${finished.communityId}/cycles`);
  await page.getByRole("heading", { level: 1, name: "Improvement cycles" }).waitFor();
  await page.getByRole("link", { name: finished.title }).click();
  await page.getByRole("heading", { level: 1, name: finished.title }).waitFor();
  await page.getByRole("table", { name: "Pre/post by class" }).waitFor();
  await page.waitForLoadState("networkidle");
  await expectAccessible(page, "finished cycle");

  await page.goto(`/communities/${stalled.communityId}/cycles/${stalled.id}`);
  await page.getByRole("heading", { level: 1, name: stalled.title }).waitFor();
  await expect
    .poll(async () => page.getByRole("navigation", { name: "Cycle stages" }).textContent())
    .toContain("overdue");
  await page.getByLabel("A learning need").fill("Modelling a retell with a story map (journey)");
  await page.getByRole("button", { name: "Add the need" }).click();
  await page.getByText("Modelling a retell with a story map (journey)").waitFor();

  await page.goto("/cycles/record");
  await page.getByRole("heading", { level: 1, name: "Finished cycles" }).waitFor();
  await page.getByLabel("Search finished cycles").fill("partner talk");
  await page.getByRole("heading", { level: 2, name: finished.title }).waitFor();
  await page.waitForLoadState("networkidle");
  await expectAccessible(page, "finished cycles record");
  expect(errors).toEqual([]);
  await close();
}, 120_000);
