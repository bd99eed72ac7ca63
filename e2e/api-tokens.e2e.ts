import type { Browser } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { demoLogins } from "../server/demo/demo-district";
import { baseUrl, expectAccessible, openPage, sharedBrowser, signIn } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

it("a teacher makes an API token on the profile page, a script reads rosters with it, and revoking it stops it", async () => {
  const teacher = demoLogins().find((l) => l.role === "teacher");
  if (!teacher) throw new Error("no teacher login");
  const { page, errors, close } = await openPage(browser);
  await signIn(page, teacher.email, teacher.password);
  await page.goto("/profile");
  const section = page.getByRole("region", { name: "API tokens" });
  await section.getByRole("button", { name: "Make token" }).click();
  // Nothing chosen: the form names the missing name and scopes.
  await section.getByText("Give the token a name.").waitFor();
  await section.getByText("Choose at least one scope.").waitFor();
  await section.getByLabel("Name").fill("Gradebook sync");
  await section.getByLabel(/Read rosters/).check();
  await section.getByLabel("Expires after").selectOption("30");
  await section.getByRole("button", { name: "Make token" }).click();
  const secret = section.getByLabel("The new token");
  await secret.waitFor();
  const token = await secret.inputValue();
  expect(token).toMatch(/^clv_/);
  await expectAccessible(page, "profile with API tokens");

  const read = await fetch(`${baseUrl()}/api/v1/students`, { headers: { authorization: `Bearer ${token}` } });
  expect(read.status).toBe(200);
  const write = await fetch(`${baseUrl()}/api/v1/me/api-tokens`, { headers: { authorization: `Bearer ${token}` } });
  expect(write.status).toBe(403);

  // After a reload the secret is gone for good; the token is listed by name.
  await page.reload();
  await section.getByText("Gradebook sync").first().waitFor();
  expect(await page.getByLabel("The new token").count()).toBe(0);
  await section
    .getByRole("listitem")
    .filter({ hasText: "Gradebook sync" })
    .first()
    .getByRole("button", { name: "Revoke" })
    .click();
  const dialog = page.getByRole("dialog", { name: "Revoke this token?" });
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await section.getByText("The token is revoked.").waitFor();
  const after = await fetch(`${baseUrl()}/api/v1/students`, { headers: { authorization: `Bearer ${token}` } });
  expect(after.status).toBe(401);
  expect(errors).toEqual([]);
  await close();
});
