import type { APIRequestContext, Browser, Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { SUPPRESSION_THRESHOLD } from "../contract/analysis";
import type { Person } from "../contract/people";
import { AGREEMENT_LEVELS } from "../server/features/surveys/instruments/built-in";
import { learningCommunities } from "../server/features/surveys/instruments/learning-communities";
import { expectAccessible, openPage, sharedBrowser, signIn } from "./support/browser";

const PRINCIPAL = "james.okafor@riverside.example";
const PASSWORD = "collective-demo";
const items = learningCommunities.items;

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

async function send<T>(request: APIRequestContext, method: "get" | "post", url: string, data?: unknown) {
  const response = await request[method](`/api/v1${url}`, data === undefined ? {} : { data });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

/** Respondent n's level for item i: a spread the test can count by hand. */
const levelOf = (n: number, i: number) => 1 + ((n * 3 + i) % 4);

/** Answers the round in the browser, item by item, with the keyboard-usable radio groups. */
async function answerInBrowser(email: string, roundPath: string, n: number) {
  const { page, errors, close } = await openPage(browser);
  await signIn(page, email, PASSWORD);
  await page.goto(roundPath);
  const form = page.getByRole("form", { name: /Your answers/ });
  await form.waitFor();
  if (n === 0) await expectAccessible(page, "the self-assessment answer form");
  for (const [i, item] of items.entries()) {
    const label = AGREEMENT_LEVELS[levelOf(n, i) - 1]?.label as string;
    await form.getByRole("group", { name: item.prompt }).getByRole("radio", { name: label, exact: true }).check();
  }
  await form.getByRole("button", { name: "Submit answers" }).click();
  await page.getByText("You have answered this round.").waitFor();
  expect(errors).toEqual([]);
  await close();
}

/** What the results say below the threshold: counts of who answered and of answers still needed, nothing else. */
async function expectNothingShown(page: Page, answered: number) {
  await page.reload();
  const results = page.getByRole("region", { name: "Results" });
  const needed = SUPPRESSION_THRESHOLD - answered;
  await expect
    .poll(() => results.textContent())
    .toContain(`${needed} more ${needed === 1 ? "answer is" : "answers are"} needed`);
  expect(await results.getByRole("table").count()).toBe(0);
  expect(await results.getByRole("button", { name: "Show table" }).count()).toBe(0);
}

it("a team's self-assessment round: members answer anonymously, nothing shows below the threshold, then exactly their answers", async () => {
  const { page, errors, close } = await openPage(browser);
  await signIn(page, PRINCIPAL, PASSWORD);
  const request = page.request;

  // A new team at the principal's school, with ten of its teachers: the principal facilitates it.
  const schools = await send<{ items: { id: string; name: string }[] }>(request, "get", "/schools");
  const school = schools.items.find((s) => s.name === "Maple Grove Elementary School");
  if (!school) throw new Error("no elementary school in the demo");
  const teamName = `Self-assessment team ${Date.now()}`;
  const team = await send<{ id: string }>(request, "post", "/communities", {
    name: teamName,
    kind: "grade_level",
    schoolIds: [school.id],
  });
  const teachers = await send<{ items: Person[] }>(
    request,
    "get",
    `/people?role=teacher&schoolId=${school.id}&status=active&pageSize=50`,
  );
  const respondents = teachers.items.slice(0, SUPPRESSION_THRESHOLD);
  expect(respondents).toHaveLength(SUPPRESSION_THRESHOLD);
  for (const person of respondents) {
    await send(request, "post", `/communities/${team.id}/members`, { personId: person.id });
  }

  // The principal opens the round from the Self-assessment area.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Self-assessment" }).click();
  await page.getByRole("heading", { level: 1, name: "Self-assessment" }).waitFor();
  const open = page.getByRole("region", { name: "Open a round" });
  await open.getByLabel("Instrument").selectOption({ label: learningCommunities.title });
  await open.getByLabel("Who answers").selectOption({ label: teamName });
  await open.getByLabel("Term").fill("Fall term");
  await open.getByLabel("Closes on").fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
  await open.getByRole("button", { name: "Open round" }).click();
  await page.getByRole("heading", { level: 1, name: `${learningCommunities.title}: ${teamName}` }).waitFor();
  const roundPath = new URL(page.url()).pathname;
  const roundId = roundPath.split("/").pop() as string;
  await expectNothingShown(page, 0);

  // Three members answer in the browser: still below the threshold, nothing is shown.
  for (let n = 0; n < 3; n++) await answerInBrowser(respondents[n]?.email as string, roundPath, n);
  await expectNothingShown(page, 3);

  // The others answer (through the API, as the browser would), up to one short of the threshold: still nothing.
  for (let n = 3; n < SUPPRESSION_THRESHOLD; n++) {
    const member = await openPage(browser);
    await signIn(member.page, respondents[n]?.email as string, PASSWORD);
    await send(member.page.request, "post", `/surveys/rounds/${roundId}/answers`, {
      answers: items.map((item, i) => ({ itemKey: item.key, level: levelOf(n, i) })),
    });
    await member.close();
    if (n === SUPPRESSION_THRESHOLD - 2) await expectNothingShown(page, SUPPRESSION_THRESHOLD - 1);
  }

  // At the threshold the distribution is exactly the answers this test gave.
  await page.reload();
  const results = page.getByRole("region", { name: "Results" });
  await results.getByRole("button", { name: "Show table" }).click();
  for (const [i, item] of items.entries()) {
    const row = results.locator(`tr[data-item="${item.key}"]`);
    const cells = await row.locator("td").allInnerTexts();
    const expected = [1, 2, 3, 4].map(
      (level) =>
        Array.from({ length: SUPPRESSION_THRESHOLD }, (_, n) => levelOf(n, i)).filter((l) => l === level).length,
    );
    expect(cells.slice(0, 4).map(Number), item.prompt).toEqual(expected);
  }
  await expectAccessible(page, "a self-assessment round's results");

  // Leaders write instruments of their own, which can then be run like the built-in ones.
  await page.goto("/surveys");
  const write = page.getByRole("region", { name: "Write an instrument" });
  const title = `Our collaboration pulse ${Date.now()}`;
  await write.getByLabel("Title").fill(title);
  await write.getByLabel("Item 1: section").fill("Collaboration");
  await write.getByLabel("Item 1: statement").fill("How we settle disagreements");
  await write.getByLabel("Item 1: scale").selectOption("rubric");
  await write.getByRole("button", { name: "Save instrument" }).click();
  await expect.poll(() => write.getByRole("alert").first().textContent()).toContain("Give from 2 to 6 levels");
  await write.getByLabel("Item 1: levels").fill("Avoided: we steer around them\nAired: we talk them through");
  await write.getByRole("button", { name: "Save instrument" }).click();
  await write.getByText(`"${title}" can now be run as a round.`).waitFor();
  const offered = page.getByRole("region", { name: "Open a round" }).getByLabel("Instrument");
  await expect.poll(() => offered.locator("option").allInnerTexts()).toContain(title);
  expect(errors).toEqual([]);
  await close();
});
