import type { Browser } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { RoleName } from "../contract/people";
import { demoLogins } from "../server/demo/demo-district";
import { openPage, sharedBrowser, signIn } from "./support/browser";

const STAFF_AREAS = [
  "Home",
  "Communities",
  "Students & data",
  "Standards",
  "Interventions",
  "Goals & cycles",
  "Self-assessment",
  "Library",
];
const EXPECTED_NAVIGATION: Record<RoleName, string[]> = {
  district_leader: [...STAFF_AREAS, "Admin"],
  school_leader: [...STAFF_AREAS, "Admin"],
  coach: STAFF_AREAS,
  teacher: STAFF_AREAS,
  support_staff: STAFF_AREAS,
  // The demo's family member reads Spanish: the whole frame speaks it.
  family_member: ["Inicio", "Comunidades", "Mis hijos"],
  community_member: ["Home", "Communities", "Library"],
};

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

describe("signing in as each demo role", () => {
  for (const login of demoLogins()) {
    it(`${login.role} sees the navigation for their role`, async () => {
      const { page, errors, close } = await openPage(browser);
      await signIn(page, login.email, login.password);
      const navigation = page.getByRole("navigation", { name: /^(Main|Principal)$/ });
      const links = await navigation.getByRole("link").allInnerTexts();
      expect(links.map((l) => l.trim())).toEqual(EXPECTED_NAVIGATION[login.role]);
      await page
        .getByRole("button", { name: /account|menu|profile|cuenta/i })
        .first()
        .click()
        .catch(() => {});
      await page.getByRole("button", { name: /^(Sign out|Cerrar sesión)$/ }).click();
      await page.getByRole("button", { name: "Sign in" }).waitFor();
      expect(errors).toEqual([]);
      await close();
    });
  }

  it("shows a clear error for a wrong password", async () => {
    const { page, close } = await openPage(browser);
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("emily.chen@riverside.example");
    await page.getByLabel("Password", { exact: true }).fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("The email or password is incorrect.");
    await close();
  });
});
