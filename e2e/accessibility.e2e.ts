import type { Browser, Page } from "playwright-core";
import { beforeAll, describe, it } from "vitest";
import { demoLogins } from "../server/demo/demo-district";
import { expectAccessible, openPage, sharedBrowser, signIn } from "./support/browser";
import { dayFromToday } from "./support/days";

const SIGNED_OUT_PAGES = ["/sign-in", "/forgot-password"];
const MAIN_PAGES = [
  "/",
  "/communities",
  "/students",
  "/standards",
  "/interventions",
  "/interventions/reports",
  "/goals",
  "/goals/evaluation",
  "/surveys",
  "/library",
  "/discussions",
  "/discussions/search?q=fractions",
  "/visits",
  "/admin/people",
  "/admin/schools",
  "/admin/audit",
  "/admin/outbox",
  "/admin/rosters",
  "/profile",
];

async function settle(page: Page, heading: string | RegExp) {
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await page.waitForLoadState("networkidle");
}

/**
 * A community's pages and a running meeting, reached by following links from /communities. A fresh demo
 * district may have no community yet; then the sweep starts one through the page, as a leader would.
 */
async function sweepCommunityPages(page: Page, viewport: string) {
  await page.goto("/communities");
  await settle(page, "Communities");
  const communities = page.getByRole("table", { name: "Communities" });
  await communities.or(page.getByRole("heading", { name: "No communities yet" })).waitFor();
  await page.getByRole("button", { name: "New community" }).click();
  const dialog = page.getByRole("dialog", { name: "New community" });
  await dialog.getByRole("group", { name: "Schools" }).getByRole("checkbox").first().waitFor();
  await expectAccessible(page, `new community dialog (${viewport})`);
  if (await communities.isVisible()) {
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await communities.getByRole("rowheader").getByRole("link").first().click();
  } else {
    await dialog.getByLabel("Name").fill("Accessibility sweep team");
    await dialog.getByRole("group", { name: "Schools" }).getByRole("checkbox").first().check();
    await dialog.getByRole("button", { name: "Create community" }).click();
  }
  await page.getByRole("navigation", { name: "Community" }).waitFor();
  await page.waitForLoadState("networkidle");
  await expectAccessible(page, `community home (${viewport})`);

  const sections = page.getByRole("navigation", { name: "Community" });
  for (const section of [
    "Members",
    "Norms",
    "Essential standards",
    "Assessments",
    "Interventions",
    "Student review",
    "Protocols",
    "Meetings",
  ]) {
    await sections.getByRole("link", { name: section }).click();
    await settle(page, section);
    await expectAccessible(page, `community ${section.toLowerCase()} (${viewport})`);
  }
  await page.getByRole("link", { name: "Schedule meeting" }).click();
  await settle(page, "Schedule meeting");
  await expectAccessible(page, `schedule meeting form (${viewport})`);

  await page.getByLabel("Title").fill(`Accessibility sweep (${viewport})`);
  await page.getByLabel("Date").fill(dayFromToday(1));
  await page.getByLabel("Start time").fill("10:00");
  await page.getByLabel("Protocol").selectOption({ label: "Data-driven dialogue (40 min)" });
  await page.getByRole("button", { name: "Schedule meeting" }).click();
  await settle(page, `Accessibility sweep (${viewport})`);
  await page.getByRole("button", { name: "Start meeting" }).click();
  // Tomorrow at 10:00 is more than a day away before 10:00 today: then starting asks first.
  const early = page.getByRole("dialog", { name: "Start this meeting early?" });
  await page.getByRole("timer").or(early).waitFor();
  if (await early.isVisible()) await early.getByRole("button", { name: "Start now" }).click();
  await page.getByRole("timer").waitFor();
  await page.waitForLoadState("networkidle");
  await expectAccessible(page, `running meeting (${viewport})`);
}

/** An intervention group of the demo district, its first student's plan (with the chart) and the new group form. */
async function sweepInterventionPages(page: Page, viewport: string) {
  const communities = (await (await page.request.get("/api/v1/communities?pageSize=100")).json()) as {
    items: { id: string }[];
  };
  for (const community of communities.items) {
    const response = await page.request.get(`/api/v1/communities/${community.id}/intervention-groups`);
    const group = ((await response.json()) as { items: { id: string; name: string }[] }).items[0];
    if (!group) continue;
    await page.goto(`/interventions/groups/${group.id}`);
    await settle(page, group.name);
    await expectAccessible(page, `intervention group (${viewport})`);
    await page
      .getByRole("table", { name: /students and how each/ })
      .getByRole("link")
      .first()
      .click();
    await settle(page, /plan$/);
    await expectAccessible(page, `intervention plan and its chart (${viewport})`);
    await page.goto(`/communities/${community.id}/interventions/new`);
    await settle(page, "New intervention group");
    await expectAccessible(page, `new intervention group (${viewport})`);
    return;
  }
  throw new Error("the demo district has no intervention group");
}

/** A self-assessment round's page (the results notice and the trend), from a round the leader opens for a school. */
async function sweepSurveyPages(page: Page, viewport: string) {
  const schools = (await (await page.request.get("/api/v1/schools")).json()) as { items: { id: string }[] };
  const response = await page.request.post("/api/v1/surveys/rounds", {
    data: {
      instrumentRef: "plc-continuum",
      audience: { kind: "school", schoolId: schools.items[0]?.id },
      termLabel: `Sweep (${viewport})`,
      opensOn: dayFromToday(0),
      closesOn: dayFromToday(14),
    },
  });
  const round = (await response.json()) as { id: string; title: string };
  await page.goto(`/surveys/rounds/${round.id}`);
  await settle(page, new RegExp(`^${round.title}`));
  await expectAccessible(page, `self-assessment round (${viewport})`);
}

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

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

  it("the family view, in the family member's language (Spanish)", async () => {
    const family = demoLogins().find((l) => l.role === "family_member");
    if (!family) throw new Error("no family member login");
    const { page, close } = await openPage(browser);
    await signIn(page, family.email, family.password);
    await page.goto("/family");
    await settle(page, "Mis hijos");
    await expectAccessible(page, "/family (es)");
    await close();
  });

  it("the homes of a teacher, a coach, a school leader, and a school's teams reached from the district's home", async () => {
    for (const role of ["teacher", "coach", "school_leader"] as const) {
      const login = demoLogins().find((l) => l.role === role);
      if (!login) throw new Error(`no ${role} login`);
      const { page, close } = await openPage(browser);
      await signIn(page, login.email, login.password);
      await page.goto("/");
      await page.getByRole("heading", { level: 2 }).first().waitFor();
      await page
        .getByRole("status")
        .filter({ hasText: /Loading/ })
        .first()
        .waitFor({ state: "detached" });
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, `home of the ${role}`);
      await close();
    }
    const leader = demoLogins().find((l) => l.role === "district_leader");
    if (!leader) throw new Error("no district leader login");
    const { page, close } = await openPage(browser);
    await signIn(page, leader.email, leader.password);
    await page.goto("/");
    await page
      .getByRole("table", { name: "Schools of the district" })
      .getByRole("rowheader")
      .getByRole("link")
      .first()
      .click();
    await page
      .getByRole("table", { name: /^Teams of / })
      .or(page.getByText("No team works at this school yet."))
      .waitFor();
    await page.waitForLoadState("networkidle");
    await expectAccessible(page, "a school's teams (district drill-down)");
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
      await sweepCommunityPages(page, viewport.name);
      await sweepInterventionPages(page, viewport.name);
      await sweepSurveyPages(page, viewport.name);
      await close();
    });
  }
});
