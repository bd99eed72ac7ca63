import type { Browser } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { demoLogins } from "../server/demo/demo-district";
import { openPage, sharedBrowser, signIn } from "./support/browser";
import { waitForMailTo } from "./support/mailbox";

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

it("a district leader invites a person, who accepts from the emailed link and signs in", async () => {
  const leader = demoLogins().find((l) => l.role === "district_leader");
  if (!leader) throw new Error("no district leader login");
  const email = `new.teacher.${Date.now()}@riverside.example`;

  const admin = await openPage(browser);
  await signIn(admin.page, leader.email, leader.password);
  await admin.page.goto("/admin/people");
  await admin.page.getByRole("button", { name: "Add person" }).click();
  const dialog = admin.page.getByRole("dialog");
  await dialog.getByLabel("Name", { exact: true }).fill("Jordan Newcomer");
  await dialog.getByLabel("Email", { exact: true }).fill(email);
  await dialog.getByLabel("Role").first().selectOption("teacher");
  await dialog.getByLabel("School").first().selectOption({ label: "Riverside High School" });
  await expect.poll(() => dialog.getByLabel("Send invitation email").isChecked()).toBe(true);
  await dialog.getByRole("button", { name: "Save" }).click();
  await admin.page.getByText("Jordan Newcomer").first().waitFor();

  // The outbox shows the leader that the invitation went out, never the link: that is the newcomer's alone.
  await admin.page.goto("/admin/outbox");
  await admin.page
    .getByRole("link", { name: /You are invited to Collective/ })
    .first()
    .click();
  await admin.page.getByRole("heading", { name: /You are invited to Collective/ }).waitFor();
  expect(await admin.page.getByRole("link", { name: /\/invite\// }).count()).toBe(0);
  expect(admin.errors).toEqual([]);
  await admin.close();

  const mail = await waitForMailTo(email);
  const href = mail.match(/https?:\/\/\S+\/invite\/[\w-]+/)?.[0];
  expect(href).toBeDefined();

  const newcomer = await openPage(browser);
  await newcomer.page.goto(new URL(href as string).pathname);
  await newcomer.page.getByText(email).first().waitFor();
  await newcomer.page.getByLabel("New password", { exact: true }).fill("my own good password");
  await newcomer.page.getByLabel("Confirm new password").fill("my own good password");
  await newcomer.page.getByRole("button", { name: "Set password and join" }).click();
  await newcomer.page.getByRole("navigation", { name: "Main" }).waitFor();
  await newcomer.page.getByText("Jordan Newcomer").first().waitFor();
  await newcomer.close();

  const again = await openPage(browser);
  await signIn(again.page, email, "my own good password");
  await again.page.getByText("Jordan Newcomer").first().waitFor();
  expect(again.errors).toEqual([]);
  await again.close();
});
