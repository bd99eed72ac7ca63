import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
const axe = readFileSync("/work/main/node_modules/axe-core/axe.min.js", "utf8");
const base = "http://127.0.0.1:5731";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: base });
const page = await context.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(e.message));
page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
await page.goto("/sign-in");
await page.getByLabel("Email").fill(process.argv[2] ?? "emily.chen@riverside.example");
await page.getByLabel("Password", { exact: true }).fill("collective-demo");
await page.getByRole("button", { name: "Sign in" }).click();
await page.getByRole("navigation", { name: "Main" }).waitFor();
const communities = await page.evaluate(async () => (await fetch("/api/v1/communities?pageSize=200&mine=true")).json());
const team = communities.items.find((c) => c.name === "Grade 3 team");
const list = await page.evaluate(async (id) => (await fetch(`/api/v1/communities/${id}/assessments`)).json(), team.id);
const assessmentId = list.items[0]?.id;
const pages = [
  ["home", `/communities/${team.id}`],
  ["essentials", `/communities/${team.id}/essentials`],
  ["assessments", `/communities/${team.id}/assessments`],
  ["builder", `/assessments/${assessmentId}`],
  ["results", `/assessments/${assessmentId}/results`],
];
for (const [name, url] of pages) {
  await page.goto(url);
  await page.getByRole("heading", { level: 1 }).waitFor();
  await page.waitForLoadState("networkidle");
  await page.evaluate(axe);
  const result = await page.evaluate(`axe.run(document, { resultTypes: ["violations"] })`);
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  console.log(name, bad.map((v) => `${v.id}: ${v.help} @ ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`));
  await page.screenshot({ path: `/tmp/mine-shots/axe-${name}.png`, fullPage: name !== "results" });
}
if (process.argv[3] === "csv") {
  await page.getByRole("button", { name: "Upload a CSV" }).click();
  const dialog = page.getByRole("dialog", { name: "Upload results from a CSV file" });
  const csv = "\uFEFFStudent ID,Name,1,2,3\r\nRV00006,\"Hegmann, Marcelle\",2,1,C\r\nRV00011,Norman Hills,ABS,,\r\n";
  await dialog.getByLabel("CSV file").setInputFiles({ name: "results.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await dialog.getByRole("button", { name: "Import results" }).waitFor();
  await page.evaluate(axe);
  const result = await page.evaluate(`axe.run(document, { resultTypes: ["violations"] })`);
  console.log("csv dialog", result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id));
  await page.screenshot({ path: "/tmp/mine-shots/csv.png" });
  await dialog.getByRole("button", { name: "Import results" }).click();
  await dialog.getByText(/Recorded results for 2 students/).waitFor();
  console.log("csv imported");
}
console.log("errors", errors);
await browser.close();
