import type { Browser, Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { expectAccessible, openPage, sharedBrowser, signIn } from "./support/browser";

const PASSWORD = "collective-demo";
const TEACHER = "emily.chen@riverside.example";
const COACH = "priya.natarajan@riverside.example";
const SCHOOL_LEADER = "james.okafor@riverside.example";
const COMMUNITY = "K–12 math vertical team";

/** The smallest PDF a sniffer recognises: the header, one empty object and the end marker. */
const MINIMAL_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
  "latin1",
);

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

/** A word made of letters only, so full-text search keeps it whole. */
function uniqueWord(): string {
  return `zq${Date.now()
    .toString()
    .split("")
    .map((digit) => String.fromCharCode(97 + Number(digit)))
    .join("")}`;
}

async function settle(page: Page, heading: string | RegExp) {
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await page.waitForLoadState("networkidle");
}

async function openCommunityDiscussions(page: Page) {
  await page.goto("/communities?mine=true");
  await page.getByRole("link", { name: COMMUNITY }).click();
  await page.getByRole("navigation", { name: "Community" }).getByRole("link", { name: "Discussions" }).click();
  await settle(page, "Discussions");
}

async function postThread(page: Page, title: string, message: string) {
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Message").fill(message);
  await page.getByRole("button", { name: "Post thread" }).click();
  await settle(page, title);
}

it("colleagues discuss, get notified, share resources and visit each other's classrooms", async () => {
  const teacher = await openPage(browser);
  const page = teacher.page;
  let dialogs = 0;
  page.on("dialog", async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  await signIn(page, TEACHER, PASSWORD);
  const stamp = uniqueWord();

  // A thread mentioning the coach.
  await openCommunityDiscussions(page);
  await expectAccessible(page, "community discussions");
  const title = `Fraction strips ${stamp}`;
  await postThread(page, title, `Has anyone tried ${stamp} fraction strips? @priya.natarajan what do you think?`);
  await expectAccessible(page, "thread page");

  // A small handout attached to the opening message, then downloaded with the session's cookies.
  const handout = `Fraction strips: cut each strip into halves, thirds and quarters. ${stamp}\n`;
  const opening = page.getByRole("article", { name: "Opening message" });
  await opening
    .getByLabel("Attach a file")
    .setInputFiles({ name: "strips.txt", mimeType: "text/plain", buffer: Buffer.from(handout, "utf8") });
  await opening.getByRole("button", { name: "Upload" }).click();
  const attachmentLink = opening.getByRole("link", { name: /^Download strips\.txt \(\d+ KB\)$/ });
  await attachmentLink.waitFor();
  const attachmentHref = await attachmentLink.getAttribute("href");
  expect(attachmentHref).toMatch(/^\/api\/v1\/files\/[\w-]+$/);
  const attachment = await page.request.get(attachmentHref as string);
  expect(attachment.status()).toBe(200);
  expect(await attachment.text()).toBe(handout);

  // Posted markup is shown as text or dropped, never run.
  await openCommunityDiscussions(page);
  await postThread(
    page,
    `Markup test ${stamp}`,
    "Hello <script>alert(1)</script> and <img src=x onerror=alert(1)> and [x](javascript:alert(1))",
  );
  const prose = page.locator(".prose").first();
  await prose.waitFor();
  expect(await prose.locator("script").count()).toBe(0);
  expect(await prose.locator("img").count()).toBe(0);
  expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  expect(dialogs).toBe(0);

  // The coach sees the mention on the bell, follows it and replies.
  const coach = await openPage(browser);
  await signIn(coach.page, COACH, PASSWORD);
  const bell = coach.page.getByRole("button", { name: /^Notifications, \d+ unread$/ });
  // The bell is drawn (an SVG), never an emoji that shows as an empty box without an emoji font.
  await bell.waitFor();
  expect(await bell.locator("svg").count()).toBe(1);
  expect(await bell.textContent()).not.toMatch(/\p{Extended_Pictographic}/u);
  await bell.click();
  await coach.page.getByRole("link", { name: new RegExp(`mentioned you in "${title}"`) }).click();
  await settle(coach.page, title);
  const coachOpening = coach.page.getByRole("article", { name: "Opening message" });
  await coachOpening.getByRole("link", { name: /^Download strips\.txt / }).waitFor();
  expect(await coachOpening.getByLabel("Attach a file").count()).toBe(0);
  await coach.page.getByRole("textbox", { name: "Reply" }).fill("Yes! They work well with number lines.");
  await coach.page.getByRole("button", { name: "Post reply" }).click();
  await coach.page.getByRole("article", { name: "Reply by Priya Natarajan" }).waitFor();

  // The forum and the search page.
  await page.goto("/discussions");
  await settle(page, "District forum");
  await expectAccessible(page, "district forum");
  await page.goto(`/discussions/search?q=${stamp}`);
  await settle(page, "Search discussions");
  await page.getByRole("link", { name: title }).waitFor();
  await expect.poll(() => page.getByRole("main").locator("mark").count()).toBeGreaterThan(0);
  await expectAccessible(page, "discussion search");

  // A link and a PDF shared with the community, found by a word of their descriptions.
  await page.goto("/library");
  await settle(page, "Library");
  await expectAccessible(page, "library");
  await addResource(
    page,
    { kind: "Link", title: `Number line applet ${stamp}`, url: "https://example.org/lines" },
    stamp,
  );
  await page.goto("/library");
  await addResource(page, { kind: "File", title: `Fraction strips handout ${stamp}` }, stamp);
  await page.goto("/library");
  await settle(page, "Library");
  await page.getByLabel("Search the library").fill(stamp);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: `Number line applet ${stamp}` }).waitFor();
  await page.getByRole("link", { name: `Fraction strips handout ${stamp}` }).click();
  await settle(page, `Fraction strips handout ${stamp}`);
  await expectAccessible(page, "resource page");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /^Download / }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);

  // "I used it in my classroom".
  await page.getByLabel("Reflection").fill("Students compared halves and quarters with ease.");
  await page.getByRole("button", { name: "Record use" }).click();
  await page.getByRole("status").getByText("Your use is recorded.").waitFor();
  await page.getByText("Students compared halves and quarters with ease.").waitFor();

  // A classroom visit: invite the coach, who gives feedback.
  await page.goto("/visits");
  await settle(page, "Classroom visits");
  await expectAccessible(page, "visits");
  await page.getByLabel("Focus").fill(`Using fraction strips in small groups ${stamp}`);
  await page.getByLabel("Find colleagues").fill("Priya");
  await page.getByRole("group", { name: "Visitors" }).getByRole("checkbox", { name: "Priya Natarajan" }).check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  // "Classroom visit" also names the list page's heading ("Classroom visits"): wait for the visit's own address.
  await page.waitForURL(/\/visits\/[0-9a-f-]{36}$/);
  await settle(page, /^Classroom visit$/);
  await expectAccessible(page, "visit page (host)");
  const visitPath = new URL(page.url()).pathname;

  await coach.page.goto(visitPath);
  await settle(coach.page, /^Classroom visit$/);
  await coach.page.getByText(/non-evaluative/).waitFor();
  await expectAccessible(coach.page, "visit page (visitor)");
  await coach.page.getByLabel("Observations").fill("Groups used strips to compare 2/3 and 3/4.");
  await coach.page.getByRole("button", { name: "Send feedback" }).click();
  await coach.page.getByRole("article", { name: "Feedback from Priya Natarajan" }).waitFor();

  await page.reload();
  await page.getByRole("article", { name: "Feedback from Priya Natarajan" }).waitFor();

  // The school leader may not open the visit, but sees how many there are.
  const leader = await openPage(browser);
  await signIn(leader.page, SCHOOL_LEADER, PASSWORD);
  await leader.page.goto(visitPath);
  await settle(leader.page, "Page not found");
  await leader.page.goto("/visits");
  await settle(leader.page, "Classroom visits");
  await leader.page.getByRole("table", { name: "Visits at a glance" }).waitFor();

  expect(teacher.errors).toEqual([]);
  expect(coach.errors).toEqual([]);
  expect(leader.errors).toEqual([]);
  await Promise.all([teacher.close(), coach.close(), leader.close()]);
}, 180_000);

async function addResource(page: Page, resource: { kind: string; title: string; url?: string }, word: string) {
  await page.getByRole("button", { name: "Add resource" }).click();
  const dialog = page.getByRole("dialog", { name: "Add resource" });
  await dialog.getByLabel("Kind").selectOption({ label: resource.kind });
  await dialog.getByLabel("Title").fill(resource.title);
  await dialog.getByLabel("Description").fill(`A ${word} resource for comparing fractions.`);
  if (resource.url) await dialog.getByLabel("URL").fill(resource.url);
  else
    await dialog
      .getByLabel("File", { exact: true })
      .setInputFiles({ name: "strips.pdf", mimeType: "application/pdf", buffer: MINIMAL_PDF });
  await dialog.getByLabel("Tags").fill("fractions, manipulatives");
  await dialog.getByLabel("Grade levels").fill("3, 4");
  await dialog.getByLabel("Share with").selectOption({ label: "My community" });
  await dialog.getByLabel("Community").selectOption({ label: COMMUNITY });
  await dialog.getByRole("button", { name: "Add resource" }).click();
  await settle(page, resource.title);
}
