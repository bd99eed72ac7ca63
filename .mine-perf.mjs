import { chromium } from "playwright-core";
const base = process.env.BASE ?? "http://127.0.0.1:5731";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: base });
const page = await context.newPage();
await page.goto("/sign-in");
await page.getByLabel("Email").fill("emily.chen@riverside.example");
await page.getByLabel("Password", { exact: true }).fill("collective-demo");
await page.getByRole("button", { name: "Sign in" }).click();
await page.getByRole("navigation", { name: "Main" }).waitFor();
const id = await page.evaluate(async () => {
  const communities = await (await fetch("/api/v1/communities?pageSize=200&mine=true")).json();
  const team = communities.items.find((c) => c.name === "Grade 3 team");
  const post = (url, method, body) => fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.json());
  const created = await post(`/api/v1/communities/${team.id}/assessments`, "POST", { title: `Perf ${Date.now()}` });
  const target = created.targetChoices[0].id;
  await post(`/api/v1/assessments/${created.id}/items`, "PUT", { items: Array.from({ length: 20 }, (_, i) => ({ label: String(i + 1), maxPoints: 4, targetIds: [target] })) });
  return created.id;
});
const t0 = Date.now();
await page.goto(`/assessments/${id}/results`);
await page.locator("input.results-cell").first().waitFor();
console.log("cells", await page.locator("input.results-cell").count(), "load ms", Date.now() - t0);
await page.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({ type: "longtask", buffered: false });
});
await page.locator("input.results-cell").first().click();
const start = Date.now();
for (let i = 0; i < 40; i++) {
  await page.keyboard.type(String(i % 5));
  await page.keyboard.press(i % 2 ? "Enter" : "ArrowRight");
}
const elapsed = Date.now() - start;
const timing = await page.evaluate(async () => {
  const input = document.activeElement;
  const times = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    setter.call(input, String(i % 4));
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const js = performance.now() - t;
    document.body.offsetHeight;
    const layout = performance.now() - t - js;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    times.push([Math.round(js), Math.round(layout), Math.round(performance.now() - t)]);
  }
  return JSON.stringify(times);
});
console.log("80 key presses ms", elapsed, "long tasks", await page.evaluate(() => window.__long), "input->frame ms", timing);
await browser.close();
