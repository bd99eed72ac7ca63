import type { Browser } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { expectAccessible, openPage, sharedBrowser, signIn } from "./support/browser";

// Ana Torres reads in Spanish in the demo; this journey ends by choosing Spanish again.
const PARENT = { email: "ana.torres@riverside.example", password: "collective-demo" };

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

it("a family member's choice of language follows them to another device, and the profile can change it back", async () => {
  const laptop = await openPage(browser);
  await signIn(laptop.page, PARENT.email, PARENT.password);
  await laptop.page.goto("/family");
  await laptop.page.getByRole("heading", { level: 1, name: "Mis hijos" }).waitFor();
  await laptop.page.getByLabel("Idioma").selectOption("en");
  await laptop.page.getByRole("heading", { level: 1, name: "My children" }).waitFor();
  await laptop.page.waitForLoadState("networkidle");
  expect(laptop.errors).toEqual([]);
  await laptop.close();

  const phone = await openPage(browser, { width: 390, height: 844 });
  await signIn(phone.page, PARENT.email, PARENT.password);
  await phone.page.goto("/family");
  await phone.page.getByRole("heading", { level: 1, name: "My children" }).waitFor();
  expect(await phone.page.locator("[lang=en] h1").count()).toBe(1);

  await phone.page.goto("/profile");
  await phone.page.getByRole("heading", { level: 1, name: "Profile" }).waitFor();
  expect(await phone.page.getByLabel("Preferred language").inputValue()).toBe("en");
  await phone.page.getByLabel("Preferred language").selectOption("es");
  await phone.page.getByText("Language saved.").waitFor();
  await expectAccessible(phone.page, "profile with the language setting");
  await phone.page.goto("/family");
  await phone.page.getByRole("heading", { level: 1, name: "Mis hijos" }).waitFor();
  expect(phone.errors).toEqual([]);
  await phone.close();
}, 120_000);
