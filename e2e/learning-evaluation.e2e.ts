import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { demoLogins } from "../server/demo/demo-district";
import { expectAccessible, openPage, sharedBrowser, signIn } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

it("a district leader evaluates the district's professional learning and downloads the board report", async () => {
  const leader = demoLogins().find((login) => login.role === "district_leader");
  if (!leader) throw new Error("no district leader login");
  const { page, errors, close } = await openPage(browser);
  await signIn(page, leader.email, leader.password);
  await page.goto("/goals");
  await page.getByRole("link", { name: "Evaluation of professional learning" }).click();
  await page.getByRole("heading", { level: 1, name: "Evaluation of professional learning" }).waitFor();
  const participation = page.getByRole("table", { name: "1. Participation and reactions, by team" });
  await participation.waitFor();
  const firstTeam = ((await participation.getByRole("rowheader").first().textContent()) ?? "").trim();
  await expect.poll(() => participation.getByRole("rowheader", { name: "All teams" }).count()).toBe(1);
  await expectAccessible(page, "evaluation of professional learning");

  // The board report: the same scope as the page, as a PDF that names the same teams.
  const href = await page.getByRole("link", { name: "Board report (PDF)" }).getAttribute("href");
  expect(href).toMatch(/^\/api\/v1\/reports\/learning\.pdf/);
  const pdf = await page.request.get(href as string);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const dir = mkdtempSync(path.join(os.tmpdir(), "collective-e2e-pdf-"));
  try {
    writeFileSync(path.join(dir, "report.pdf"), await pdf.body());
    const text = execFileSync("pdftotext", [path.join(dir, "report.pdf"), "-"], { encoding: "utf8" });
    expect(text).toContain(firstTeam);
    expect(text).toContain("1. Participation");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // A team's meetings figure leads to that team's meetings.
  await participation.getByRole("row").nth(1).getByRole("link").nth(1).click();
  await page.getByRole("heading", { level: 1, name: "Meetings" }).waitFor();
  expect(errors).toEqual([]);
  await close();
});
