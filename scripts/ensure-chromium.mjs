// Finds a Chromium for the end-to-end tests, installing one when it can: Debian's package where apt-get
// is available to root, otherwise Playwright's own download where the network allows it.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { aptInstall } from "./apt.mjs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The path of a usable Chromium, or undefined. */
export function findChromium() {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

async function tryPlaywrightDownload() {
  const result = spawnSync(process.execPath, ["node_modules/playwright-core/cli.js", "install", "chromium"], {
    stdio: "inherit",
  });
  if (result.status !== 0) return undefined;
  const { chromium } = await import("playwright-core");
  const path = chromium.executablePath();
  return existsSync(path) ? path : undefined;
}

/** Finds or installs Chromium; exits with a one-line instruction when neither works. */
export async function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (aptInstall(["chromium"], "for the browser tests")) {
    const installed = findChromium();
    if (installed) return installed;
  }
  const downloaded = await tryPlaywrightDownload();
  if (downloaded) return downloaded;
  console.error(
    "No Chromium for the browser tests: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.",
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = await ensureChromium();
  console.log(execFileSync(path, ["--version"]).toString().trim());
}
