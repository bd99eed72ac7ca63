import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, type BrowserServer, chromium, type Page } from "playwright-core";
import { expect, inject } from "vitest";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const baseUrl = () => inject("baseUrl");

let browser: Promise<Browser> | undefined;

/**
 * The run's Chromium (started once by the global setup, e2e/support/global-setup.ts), connected once per
 * process and shared by every journey file, which run one after another in one process (vitest.e2e.config.ts);
 * each journey works in its own browser context.
 */
export function sharedBrowser(): Promise<Browser> {
  browser ??= chromium.connect(inject("browserWsEndpoint"));
  return browser;
}

/** Debian's Chromium (or CHROMIUM_PATH), as a server the journeys connect to; a missing browser fails loudly. */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    // Chromium does not start under libfaketime; under the clock guard its pages get the moment from
    // Playwright's clock instead (openPage).
    env: browserEnv(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

function browserEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== "LD_PRELOAD" && !key.startsWith("FAKETIME")) env[key] = value;
  }
  return env;
}

/** A page that records console errors and CSP violations, so a journey fails if the app breaks quietly. */
export async function openPage(browser: Browser, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, baseURL: baseUrl() });
  // Under the clock guard this process's clock is moved (libfaketime): the page's clock starts from the same
  // moment and runs on from there.
  if (process.env.COLLECTIVE_CLOCK_MOMENT) await context.clock.install({ time: Date.now() });
  // A violation the page's code catches (an eval probe) logs nothing by itself; report every one as an error.
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && !/status of 40[134]/.test(message.text())) errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors, close: () => context.close() };
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The main navigation, named in the person's language (Ana Torres reads Spanish).
  await page.getByRole("navigation", { name: /^(Main|Principal)$/ }).waitFor();
}

type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };

/** The widest viewport counted as a phone: there the page must also reflow (expectNoSidewaysScroll). */
const PHONE_WIDTH = 480;

/** Runs axe-core on the page; serious and critical violations fail the journey. At a phone's width, checks reflow. */
export async function expectAccessible(page: Page, label: string) {
  if ((page.viewportSize()?.width ?? PHONE_WIDTH + 1) <= PHONE_WIDTH) await expectNoSidewaysScroll(page, label);
  // Once per document: a journey that moves within the app keeps the engine loaded.
  if (!(await page.evaluate("typeof axe === 'object'"))) await page.evaluate(axeSource);
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ["violations"] })`)) as AxeResult;
  const serious = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `accessibility of ${label}`).toEqual([]);
}

/**
 * WCAG 1.4.10 (reflow): at a phone's width the page scrolls only up and down; wide tables scroll inside their own
 * frame (TableScroll) rather than widening the page.
 */
export async function expectNoSidewaysScroll(page: Page, label: string) {
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scrollWidth, `width of ${label}`).toBeLessThanOrEqual(width);
}
