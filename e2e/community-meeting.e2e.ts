import ICAL from "ical.js";
import type { Browser, Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, expect, it } from "vitest";
import { expectAccessible, openPage, sharedBrowser, signIn } from "./support/browser";
import { dayFromToday } from "./support/days";

const COACH = { email: "priya.natarajan@riverside.example", password: "collective-demo" };
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

async function addMember(page: Page, school: string, search: string | null): Promise<string> {
  await page.getByRole("button", { name: "Add member" }).click();
  const dialog = page.getByRole("dialog", { name: "Add member" });
  await dialog.getByLabel("School").selectOption({ label: school });
  if (search) await dialog.getByLabel("Search people").fill(search);
  const people = dialog.getByRole("group", { name: "Person" });
  const choice = search
    ? people.getByRole("radio", { name: search, exact: true })
    : people.getByRole("radio", { disabled: false }).first();
  await choice.waitFor();
  const name = search ?? (await choice.evaluate((input: HTMLInputElement) => input.labels?.[0]?.textContent ?? ""));
  await choice.check();
  await dialog.getByLabel("Team role").selectOption("member");
  await dialog.getByRole("button", { name: "Add member" }).click();
  await page.getByRole("status").getByText(`Added ${name}.`).waitFor();
  return name;
}

it("a coach starts a cross-school community, runs a meeting on a protocol, and shares its summary", async () => {
  const { page, errors, close } = await openPage(browser);
  await signIn(page, COACH.email, COACH.password);
  const communityName = `Fractions across schools ${Date.now()}`;

  // A community spanning the elementary and the high school.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Communities" }).click();
  await page.getByRole("heading", { level: 1, name: "Communities" }).waitFor();
  await page.getByRole("button", { name: "New community" }).click();
  const newCommunity = page.getByRole("dialog", { name: "New community" });
  await newCommunity.getByLabel("Name").fill(communityName);
  await newCommunity.getByLabel("Kind").selectOption({ label: "Cross-school team" });
  await newCommunity.getByLabel("Purpose").fill("Teach fractions coherently from grade 3 to algebra.");
  await newCommunity.getByLabel("Maple Grove Elementary School").check();
  await newCommunity.getByLabel("Riverside High School").check();
  await newCommunity.getByRole("button", { name: "Create community" }).click();
  await page.getByRole("heading", { level: 1, name: communityName }).waitFor();
  const communityUrl = page.url();

  // Its settings: a sharper purpose, shown on the home page.
  const communityNav = page.getByRole("navigation", { name: "Community" });
  await communityNav.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
  await page.getByRole("group", { name: "Schools" }).getByLabel("Riverside High School").waitFor();
  await page.waitForLoadState("networkidle");
  await expectAccessible(page, "community settings");
  const purpose = "Teach fractions coherently from grade 3 to algebra, with number lines throughout.";
  await page.getByLabel("Purpose").fill(purpose);
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.getByRole("status").getByText("Settings saved.").waitFor();
  await communityNav.getByRole("link", { name: "Overview" }).click();
  await page.getByRole("heading", { level: 1, name: communityName }).waitFor();
  await page.getByRole("region", { name: "About" }).getByText(purpose).waitFor();
  // A cross-school team shares no students unless a leader approves it; the page says so.
  await page
    .getByRole("region", { name: "Shared students" })
    .getByText(/does not share students/)
    .waitFor();

  // Two members, one from each school.
  await page.getByRole("link", { name: "Manage members" }).click();
  await page.getByRole("heading", { level: 1, name: "Members" }).waitFor();
  await addMember(page, "Maple Grove Elementary School", "Emily Chen");
  const highSchoolMember = await addMember(page, "Riverside High School", null);
  const members = page.getByRole("table", { name: "Members" });
  await members.getByRole("rowheader", { name: "Emily Chen" }).waitFor();
  await members.getByRole("rowheader", { name: highSchoolMember }).waitFor();
  await expect.poll(() => page.getByLabel(`Team role for ${highSchoolMember}`).inputValue()).toBe("member");

  // Three norms, saved as the first version and agreed to.
  await communityNav.getByRole("link", { name: "Norms" }).click();
  await page.getByRole("heading", { level: 1, name: "Norms" }).waitFor();
  const norms = ["We start and end on time.", "We assume positive intent.", "Decisions rest on student evidence."];
  await page.getByLabel("Norm 1", { exact: true }).fill(norms[0] as string);
  await page.getByRole("button", { name: "Add norm" }).click();
  await page.getByLabel("Norm 2", { exact: true }).fill(norms[1] as string);
  await page.getByRole("button", { name: "Add norm" }).click();
  await page.getByLabel("Norm 3", { exact: true }).fill(norms[2] as string);
  await page.getByLabel("Change note").fill("Our first norms");
  await page.getByRole("button", { name: "Save norms" }).click();
  await page.getByText("Saved as version 1.").waitFor();
  await page.getByRole("button", { name: "I agree to these norms" }).click();
  await page.getByText(/You agreed to these norms on/).waitFor();
  const current = page.getByRole("region", { name: /Current norms/ });
  expect(await current.getByRole("listitem").allInnerTexts()).toEqual(norms);

  // A weekly meeting on the data-driven dialogue protocol, four times.
  await communityNav.getByRole("link", { name: "Meetings" }).click();
  await page.getByRole("heading", { level: 1, name: "Meetings" }).waitFor();
  await page.getByRole("link", { name: "Schedule meeting" }).click();
  await page.getByRole("heading", { level: 1, name: "Schedule meeting" }).waitFor();
  await page.getByLabel("Title").fill("Fractions data review");
  await page.getByLabel("Date").fill(dayFromToday(2));
  await page.getByLabel("Start time").fill("15:30");
  await page.getByLabel("Duration in minutes").fill("60");
  await page.getByLabel("Location").fill("Maple Grove library");
  await page.getByLabel("Protocol").selectOption({ label: "Data-driven dialogue (40 min)" });
  await page.getByRole("button", { name: "Add agenda item" }).click();
  await page.getByLabel("Agenda item 1").fill("Celebrations");
  await page.getByLabel("Minutes for item 1").fill("5");
  await page.getByLabel("Repeat").selectOption({ label: "Weekly" });
  await page.getByLabel("Number of meetings", { exact: true }).fill("4");
  await page.getByRole("button", { name: "Schedule meeting" }).click();

  // The first meeting: start it and walk the protocol step by step.
  await page.getByRole("heading", { level: 1, name: "Fractions data review" }).waitFor();
  const firstMeetingUrl = page.url();
  // It is planned two days ahead: starting it now asks first (the tour), and Cancel leaves it scheduled.
  await page.getByRole("button", { name: "Start meeting" }).click();
  const early = page.getByRole("dialog", { name: "Start this meeting early?" });
  await early.getByRole("button", { name: "Cancel" }).click();
  await early.waitFor({ state: "hidden" });
  await page.getByRole("button", { name: "Start meeting" }).click();
  await early.getByRole("button", { name: "Start now" }).click();
  const steps = ["Predict", "Observe", "Infer and question", "Decide next steps"];
  for (const [index, title] of steps.entries()) {
    if (index > 0) await page.getByRole("button", { name: "Next step" }).click();
    await page.getByRole("heading", { level: 3, name: `Step ${index + 1} of 4: ${title}` }).waitFor();
    await expect.poll(() => page.locator('[aria-current="step"]').textContent()).toContain(title);
  }
  await page.getByRole("timer").waitFor();

  // What the meeting records: attendance, notes, a decision, an action item for Emily Chen.
  // One member is excused; one click marks everyone else present, keeping that choice.
  await page.getByRole("group", { name: highSchoolMember }).getByLabel("Excused").check();
  await page.getByRole("button", { name: "Mark everyone else present" }).click();
  for (const name of ["Priya Natarajan", "Emily Chen"]) {
    expect(await page.getByRole("group", { name }).getByLabel("Present").isChecked()).toBe(true);
  }
  expect(await page.getByRole("group", { name: highSchoolMember }).getByLabel("Excused").isChecked()).toBe(true);
  await page.getByRole("button", { name: "Save attendance" }).click();
  await page.getByText("Attendance saved.").waitFor();
  await page.getByLabel("Notes", { exact: true }).fill("Grade 3 results: most students place unit fractions well.");
  await page.getByRole("button", { name: "Save notes" }).click();
  await page.getByText(/Notes saved at/).waitFor();
  const decision = "Reteach comparing fractions with number lines";
  await page.getByLabel("Decision", { exact: true }).fill(decision);
  await page.getByRole("button", { name: "Add decision" }).click();
  await page.getByRole("region", { name: "Decisions" }).getByText(decision, { exact: true }).waitFor();
  const actionItem = "Bring exit tickets on comparing fractions";
  await page.getByLabel("Action item", { exact: true }).fill(actionItem);
  await page.getByLabel("Owner").selectOption({ label: "Emily Chen" });
  await page.getByLabel("Due date").fill(dayFromToday(8));
  await page.getByRole("button", { name: "Add action item" }).click();
  const items = page.getByRole("region", { name: "Action items" });
  await items.getByRole("listitem").filter({ hasText: actionItem }).getByText("Owner: Emily Chen").waitFor();
  await page.getByRole("button", { name: "Finish meeting" }).click();
  await page.getByText("The meeting is finished.", { exact: false }).waitFor();

  // The next meeting carries the open action item.
  await page.getByRole("link", { name: "Next meeting" }).click();
  await page.waitForURL((url) => url.href !== firstMeetingUrl);
  await page.getByRole("button", { name: "Start meeting" }).waitFor();
  await page
    .getByRole("region", { name: "Action items" })
    .getByRole("listitem")
    .filter({ hasText: actionItem })
    .getByText("Owner: Emily Chen")
    .waitFor();

  // The PDF summary of the first meeting, fetched with the session's cookies.
  await page.goto(firstMeetingUrl);
  const pdfLink = page.getByRole("link", { name: "Download PDF summary" });
  const href = await pdfLink.getAttribute("href");
  expect(href).toMatch(/^\/api\/v1\/meetings\/[\w-]+\/summary\.pdf$/);
  expect(await pdfLink.getAttribute("download")).not.toBeNull();
  const pdf = await page.request.get(href as string);
  expect(pdf.status()).toBe(200);
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  expect(text).toContain(decision);

  // The summary by email, then a private calendar feed that needs no session.
  await page.getByRole("button", { name: "Email summary to members" }).click();
  await page.getByText(`The summary was emailed to the members of ${communityName}.`).waitFor();
  await page.goto("/profile");
  await page.getByRole("button", { name: "Create calendar link" }).click();
  const feedUrl = await page.getByLabel("Calendar link").inputValue();
  expect(feedUrl).toMatch(/\/api\/v1\/calendar\/[\w-]+\.ics$/);
  const feed = await fetch(feedUrl);
  expect(feed.status).toBe(200);
  const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
  const ours = calendar
    .getAllSubcomponents("vevent")
    .map((event) => new ICAL.Event(event))
    .filter((event) => event.summary === `${communityName}: Fractions data review`);
  expect(ours).toHaveLength(4);
  const starts = ours.map((event) => event.startDate.toJSDate().getTime()).sort((a, b) => a - b);
  for (let i = 1; i < starts.length; i++) {
    // A week apart on the wall clock; a daylight-saving change may move the instant by an hour.
    expect(Math.abs((starts[i] as number) - (starts[i - 1] as number) - WEEK_MS)).toBeLessThanOrEqual(3_600_000);
  }

  // The work is done: the community is archived, after a confirmation.
  await page.goto(communityUrl);
  await page.getByRole("heading", { level: 1, name: communityName }).waitFor();
  await communityNav.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
  await page.getByRole("button", { name: "Archive community" }).click();
  const confirm = page.getByRole("dialog", { name: `Archive ${communityName}?` });
  await confirm.getByRole("button", { name: "Archive community" }).click();
  await confirm.waitFor({ state: "hidden" });
  await page.getByRole("button", { name: "Restore community" }).waitFor();
  await communityNav.getByRole("link", { name: "Overview" }).click();
  await page.getByRole("heading", { level: 1, name: communityName }).waitFor();
  await page.getByText("This community is archived.").waitFor();

  expect(errors).toEqual([]);
  await close();
});
