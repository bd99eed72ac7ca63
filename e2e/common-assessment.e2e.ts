import { readFileSync } from "node:fs";
import { type Browser, type Page, request } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { expectProficiencyTable } from "./support/analysis";
import { baseUrl, expectAccessible, openPage, sharedBrowser, signIn } from "./support/browser";

const TEACHER = { email: "emily.chen@riverside.example", password: "collective-demo" };
const LEADER = { email: "maria.alvarez@riverside.example", password: "collective-demo" };
const FRAMEWORK = new URL("../server/demo/standards/ccss-ela.case.json", import.meta.url);

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

/** The demo's ELA framework, imported by the district leader when the district has none yet. */
async function ensureStandards() {
  const api = await request.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { origin: baseUrl() } });
  await api.post("/api/v1/auth/sign-in", { data: LEADER });
  const found = await (await api.get("/api/v1/standards/search?q=RL.3.2")).json();
  if (!found.items?.length) {
    const uploaded = await api.post("/api/v1/standards/frameworks", {
      multipart: {
        file: { name: "ccss-ela.case.json", mimeType: "application/json", buffer: readFileSync(FRAMEWORK) },
      },
    });
    expect(uploaded.status(), await uploaded.text()).toBeLessThan(300);
  }
  await api.dispose();
}

async function settle(page: Page, heading: string | RegExp) {
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await page.waitForLoadState("networkidle");
}

/** A paste as a spreadsheet makes it: tab-separated cells, one line per row, into the focused cell. */
async function pasteBlock(page: Page, text: string) {
  await page.evaluate((block) => {
    const data = new DataTransfer();
    data.setData("text/plain", block);
    const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
    document.activeElement?.dispatchEvent(event);
  }, text);
}

it("a team picks an essential standard, unpacks it, builds an assessment, and enters results by keyboard and paste", async () => {
  await ensureStandards();
  const { page, errors, close } = await openPage(browser);
  await signIn(page, TEACHER.email, TEACHER.password);
  const unit = `Unit ${Date.now()}: Stories`;

  await page.goto("/communities");
  await page.getByRole("link", { name: "Grade 3 team" }).first().click();
  const communityNav = page.getByRole("navigation", { name: "Community" });
  await communityNav.getByRole("link", { name: "Essential standards" }).click();
  await settle(page, "Essential standards");
  await page.getByLabel("Search the district's standards").fill("RL.3.2");
  await page.getByRole("radio", { name: /RL\.3\.2/ }).check();
  await page.getByRole("form", { name: "Add an essential standard" }).getByLabel("Unit", { exact: true }).fill(unit);
  await page.getByRole("button", { name: "Add essential standard" }).click();
  const card = page.getByRole("region", { name: unit }).getByRole("article");
  await card.waitFor();
  for (const [index, statement] of ["I can retell a story in order.", "I can state the central message."].entries()) {
    await card.getByLabel("New learning target").fill(statement);
    await card.getByRole("button", { name: "Add target" }).click();
    await card.getByLabel(`Learning target ${index + 1}`).waitFor();
  }
  await card.getByLabel("What level 3 looks like").fill("Retells in order and states the message with key details.");
  await card.getByRole("button", { name: "Save scale" }).click();
  await card.getByText("Scale saved.").waitFor();
  await expectAccessible(page, "essential standards");

  await communityNav.getByRole("link", { name: "Overview" }).click();
  const learn = page.getByRole("region", { name: "What we want each student to learn" });
  await learn.getByText("I can state the central message.").first().waitFor();

  await communityNav.getByRole("link", { name: "Assessments" }).click();
  await settle(page, "Assessments");
  const title = `Stories check ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create and build" }).click();
  await settle(page, title);
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Add item" }).click();
  const alignTo = (item: number, target: string) =>
    page
      .getByRole("group", { name: `Learning targets of item ${item}` })
      .getByRole("checkbox", { name: target })
      .last();
  await alignTo(1, "I can retell a story in order.").check();
  await page.getByLabel("Points of item 1").fill("2");
  await alignTo(2, "I can state the central message.").check();
  await page.getByLabel("Points of item 2").fill("2");
  await alignTo(3, "I can state the central message.").check();
  await page.getByLabel("Correct response of item 3").fill("C");
  await page.getByRole("button", { name: "Save items" }).click();
  await page.getByText("Items saved.").waitFor();
  const cuts = page.getByRole("group", { name: /I can retell a story in order/ });
  await cuts.getByLabel(/^2 /).fill("1");
  await cuts.getByLabel(/^3 /).fill("1.5");
  await page.getByRole("button", { name: "Save cut scores" }).click();
  await page.getByText(/Cut scores saved/).waitFor();
  await expectAccessible(page, "assessment builder");

  await page.getByRole("link", { name: "Enter results" }).click();
  await settle(page, `Results: ${title}`);
  const firstCell = page.getByRole("textbox", { name: /^Item 1, / }).first();
  const firstStudent = (await firstCell.getAttribute("aria-label"))?.replace(/^Item 1, /, "") as string;
  await firstCell.click();
  await page.keyboard.type("2");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.type("1");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.type("B");
  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await pasteBlock(page, "1\t2\tC\r\n0\t0\tA\r\n");
  await page.getByText("Pasted 6 cells. Review them, then save.").waitFor();
  await page.getByRole("button", { name: "Save results" }).click();
  await page.getByText("Saved results for 3 students.").waitFor();
  expect(await page.getByLabel(`Item 3, ${firstStudent}`).inputValue()).toBe("B");
  await expectAccessible(page, "results grid");

  const grid = await page.evaluate(async (url) => (await fetch(url)).json(), `/api/v1${new URL(page.url()).pathname}`);
  type Row = { scores: Record<string, number> };
  const rows: Row[] = grid.classes.flatMap((c: { students: Row[] }) => c.students).slice(0, 3);
  const itemIds: string[] = grid.items.map((item: { id: string }) => item.id);
  expect(rows.map((row) => itemIds.map((id) => row.scores[id]))).toEqual([
    [2, 1, 0],
    [1, 2, 1],
    [0, 0, 0],
  ]);

  // The team's analysis of what it just entered, checked against numbers worked out here from the grid.
  const assessmentPath = new URL(page.url()).pathname.replace(/\/results$/, "");
  const detail = await page.evaluate(async (url) => (await fetch(url)).json(), `/api/v1${assessmentPath}`);
  await page.goto(assessmentPath);
  await page.getByRole("link", { name: "See the analysis" }).click();
  await settle(page, `Analysis: ${title}`);
  await expectProficiencyTable(page, detail, grid);
  await expectAccessible(page, "analysis of the new assessment");

  // Closed, its results page says so and offers the analysis and reopening at the top; reopening unlocks the grid.
  const closed = await page.evaluate(
    async (url) =>
      (
        await fetch(url, {
          method: "PATCH",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ status: "closed" }),
        })
      ).status,
    `/api/v1${assessmentPath}`,
  );
  expect(closed).toBe(200);
  await page.goto(`${assessmentPath}/results`);
  await settle(page, `Results: ${title}`);
  await page.getByText("This assessment is closed, so its results are locked. Reopen it to change them.").waitFor();
  await page.getByRole("link", { name: "See the analysis" }).waitFor();
  expect(await page.getByRole("button", { name: "Save results" }).count()).toBe(0);
  await page.getByRole("button", { name: "Reopen to enter results" }).click();
  await page.getByRole("button", { name: "Save results" }).waitFor();
  expect(await page.getByRole("button", { name: "Reopen to enter results" }).count()).toBe(0);
  expect(errors).toEqual([]);
  await close();
});
