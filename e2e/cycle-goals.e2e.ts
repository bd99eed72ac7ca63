import type { APIRequestContext, Browser } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import type { AssessmentAnalysis } from "../contract/analysis";
import type { Assessment, AssessmentDetail, ResultsGrid } from "../contract/assessments";
import type { CommunityHome } from "../contract/communities";
import type { Cycle } from "../contract/cycles";
import type { GoalSummary, GoalTree, GoalTreeNode } from "../contract/goals";
import { STATUS_LABELS } from "../web/src/features/goals/goal-format";
import { expectAccessible, openPage, sharedBrowser, signIn } from "./support/browser";

const TEACHER = { email: "emily.chen@riverside.example", password: "collective-demo" };
const SCHOOL_GOAL = "70% of our third graders proficient on the main idea";

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

async function send<T>(request: APIRequestContext, method: "get" | "post" | "put", url: string, data?: unknown) {
  const response = await request[method](`/api/v1${url}`, data === undefined ? {} : { data });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

const flatten = (nodes: GoalTreeNode[]): GoalSummary[] => nodes.flatMap((n) => [n.goal, ...flatten(n.children)]);

/** A level back to the points that reach it on the follow-up's cuts (level 1 from 0, then 2, 3, 4 points). */
const pointsFor = (level: number) => (level === 1 ? 0 : level);

it("a team sets a cycle's goal under a school goal, learns, applies, measures again and closes the cycle", async () => {
  // The Grade 3 team's facilitator sets the team's goals; find them as a member of the team.
  const first = await openPage(browser);
  await signIn(first.page, TEACHER.email, TEACHER.password);
  const communities = await send<{ items: { id: string; name: string }[] }>(
    first.page.request,
    "get",
    "/communities?q=Grade%203%20team",
  );
  const team = communities.items.find((c) => c.name === "Grade 3 team");
  if (!team) throw new Error("no Grade 3 team in the demo");
  const home = await send<CommunityHome>(first.page.request, "get", `/communities/${team.id}`);
  const facilitator = home.members.find((m) => m.teamRole === "facilitator");
  if (!facilitator) throw new Error("the Grade 3 team has no facilitator");
  await first.close();

  const { page, errors, close } = await openPage(browser);
  await signIn(page, facilitator.email, "collective-demo");
  const request = page.request;

  // The baseline: an assessment of the team with results, as its analysis shows them to this reader.
  const assessments = await send<{ items: Assessment[] }>(request, "get", `/communities/${team.id}/assessments`);
  const baseline = assessments.items.find((a) => a.sittingCount > 0 && a.targetCount > 0 && a.can.analyze);
  if (!baseline) throw new Error("the Grade 3 team has no analysed assessment");
  const analysis = await send<AssessmentAnalysis>(request, "get", `/assessments/${baseline.id}/analysis`);
  await page.goto(`/assessments/${baseline.id}/analysis`);
  await page.getByRole("heading", { level: 1 }).waitFor();

  // Start the cycle from that assessment.
  const title = `Main idea cycle ${Date.now()}`;
  await page.goto(`/communities/${team.id}/cycles`);
  await page.getByRole("heading", { level: 1, name: "Improvement cycles" }).waitFor();
  await page.getByLabel("Title").fill(title);
  await page
    .getByRole("checkbox", { name: new RegExp(`^${baseline.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) })
    .check();
  await page.getByRole("button", { name: "Start the cycle" }).click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  const cycleId = page.url().split("/").pop() as string;

  // Stage 2: a team goal on the first baseline target, its baseline from the snapshot, serving the school goal.
  const goalTitle = `Main idea with evidence ${Date.now()}`;
  const form = page.getByRole("form", { name: "Set a goal" });
  await form.getByLabel("Goal", { exact: true }).fill(goalTitle);
  await expect.poll(async () => form.getByLabel("Baseline (optional)").inputValue()).not.toBe("");
  await form.getByLabel("Target", { exact: true }).fill("80");
  await form.getByLabel("Due on").fill(new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10));
  const served = form.getByLabel("Serves").locator("option", { hasText: SCHOOL_GOAL });
  await form.getByLabel("Serves").selectOption((await served.getAttribute("value")) as string);
  await form.getByRole("button", { name: "Set goal" }).click();
  await page.getByRole("link", { name: goalTitle }).waitFor();
  await page.waitForLoadState("networkidle");
  await expectAccessible(page, "a cycle's goals");

  // Stage 3: the learning log.
  await page.getByLabel("What you learned").fill("Read about text evidence for the main idea (journey)");
  await page.getByLabel("Minutes").fill("45");
  await page.getByRole("button", { name: "Log learning" }).click();
  await page.getByText("Read about text evidence for the main idea (journey)").waitFor();

  // Stage 4 and 5: choose a strategy, then log applying it in a class.
  await page
    .getByRole("button", { name: /^Choose / })
    .first()
    .click();
  await page
    .getByRole("button", { name: /^Chosen / })
    .first()
    .waitFor();
  const implementation = page.getByRole("region", { name: "Implementation" });
  await expect.poll(async () => implementation.getByLabel("Strategy").locator("option").count()).toBeGreaterThan(1);
  await implementation.getByLabel("Strategy").selectOption({ index: 1 });
  await implementation.getByLabel("Class").selectOption({ index: 1 });
  await implementation.getByLabel("Note", { exact: true }).fill("Went well with the anchor chart (journey)");
  await implementation.getByRole("button", { name: "Log application" }).click();
  await implementation.getByText("By strategy").waitFor();

  // New results on the same targets: a follow-up assessment entered with the browser's session.
  const followup = await send<AssessmentDetail>(request, "post", `/communities/${team.id}/assessments`, {
    title: `Follow-up ${title}`,
    givenOn: new Date().toISOString().slice(0, 10),
  });
  const targets = analysis.targets.map((t) => t.targetId);
  const withItems = await send<AssessmentDetail>(request, "put", `/assessments/${followup.id}/items`, {
    items: targets.map((targetId, i) => ({ label: `Q${i + 1}`, maxPoints: 4, targetIds: [targetId] })),
  });
  await send(request, "put", `/assessments/${followup.id}/targets`, {
    targets: targets.map((targetId) => ({
      targetId,
      cutScores: [1, 2, 3, 4].map((level) => ({ level, minPoints: pointsFor(level) })),
    })),
  });
  const grid = await send<ResultsGrid>(request, "get", `/assessments/${followup.id}/results`);
  const gridStudents = new Set(grid.classes.flatMap((c) => c.students.map((s) => s.id)));
  // Each student with a full baseline level moves by (i mod 3) - 1 levels, kept within 1..4.
  const pairs: { before: number; after: number }[] = [];
  const rows = analysis.students.flatMap((student, i) => {
    if (!gridStudents.has(student.id)) return [];
    const scores: Record<string, number> = {};
    analysis.targets.forEach((target, t) => {
      const before = target.studentLevels[i];
      const item = withItems.items.find((it) => it.targetIds.includes(target.targetId));
      if (before === null || before === undefined || target.partlyScored.includes(student.id) || !item) return;
      const after = Math.min(4, Math.max(1, before + ((i + t) % 3) - 1));
      scores[item.id] = pointsFor(after);
      pairs.push({ before, after });
    });
    return Object.keys(scores).length > 0 ? [{ studentId: student.id, status: "completed", scores }] : [];
  });
  expect(pairs.length).toBeGreaterThan(0);
  await send(request, "put", `/assessments/${followup.id}/results`, { rows });
  const up = pairs.filter((p) => p.after > p.before).length;
  const share = Math.round((1000 * up) / pairs.length) / 10;

  await page.reload();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  const offered = page.getByLabel("Follow-up assessment").locator("option", { hasText: `Follow-up ${title}` });
  await page.getByLabel("Follow-up assessment").selectOption((await offered.getAttribute("value")) as string);
  await page.getByRole("button", { name: "Add as follow-up" }).click();
  await page.getByText(`Of ${pairs.length} matched results, ${share}% moved up at least one level.`).first().waitFor();

  await page.getByRole("button", { name: "Close the cycle as finished" }).click();
  await expect.poll(async () => (await send<Cycle>(request, "get", `/cycles/${cycleId}`)).status).toBe("finished");
  await page.getByText(`Of ${pairs.length} matched results, ${share}% moved up at least one level.`).first().waitFor();

  // The alignment tree: the new goal under the school goal, with its computed status.
  await page.goto("/goals");
  const schoolNode = page
    .getByRole("link", { name: SCHOOL_GOAL, exact: true })
    .first()
    .locator("xpath=ancestor::li[1]");
  await schoolNode.waitFor();
  const teamLink = schoolNode.getByRole("link", { name: goalTitle, exact: true });
  await teamLink.waitFor();
  const tree = await send<GoalTree>(request, "get", "/goals/tree");
  const status = tree.unaligned.concat(flatten(tree.roots)).find((g) => g.title === goalTitle)?.progress.status;
  if (!status) throw new Error("the new goal is not in the tree");
  const teamNode = teamLink.locator("xpath=ancestor::li[1]");
  expect(await teamNode.locator(".badge").first().textContent()).toBe(STATUS_LABELS[status]);
  expect(errors).toEqual([]);
  await close();
}, 240_000);
