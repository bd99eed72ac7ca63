// `npm test`: lint, typecheck, unit and integration tests on PGlite, the integration tests again on
// PostgreSQL when DATABASE_URL is set, and the end-to-end journeys in Chromium. With CI=true a missing
// PostgreSQL or browser is a failure, never a silent skip.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { ensureChromium } from "./ensure-chromium.mjs";

const isCi = process.env.CI === "true";
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
mkdirSync(".tmp", { recursive: true });

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  console.log(
    `=== ${title}: ${result.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`,
  );
  if (result.status !== 0) failures.push(title);
  return result.status === 0;
}

function vitest(title, args, report, env = {}) {
  const ok = run(
    title,
    "npx",
    ["vitest", "run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    env,
  );
  if (existsSync(report)) {
    const summary = JSON.parse(readFileSync(report, "utf8"));
    totals.passed += summary.numPassedTests ?? 0;
    totals.failed += summary.numFailedTests ?? 0;
    totals.skipped += (summary.numPendingTests ?? 0) + (summary.numTodoTests ?? 0);
  } else if (!ok) {
    totals.failed += 1;
  }
}

run("lint", "npx", ["biome", "check", "."]);
run("typecheck", "npx", ["tsc", "-p", "tsconfig.json", "--noEmit"]);
vitest("unit and integration tests (PGlite)", [], ".tmp/vitest-pglite.json", { COLLECTIVE_TEST_DB: "pglite" });

if (process.env.DATABASE_URL) {
  vitest("integration tests (PostgreSQL)", ["server"], ".tmp/vitest-postgres.json", { COLLECTIVE_TEST_DB: "postgres" });
} else if (isCi) {
  console.error("CI=true but DATABASE_URL is not set: the PostgreSQL suite cannot run.");
  failures.push("PostgreSQL suite (no DATABASE_URL)");
  totals.failed += 1;
} else {
  console.log("\nDATABASE_URL is not set: the PostgreSQL run is left out (set it to run the suite on PostgreSQL too).");
}

const chromium = await ensureChromium();
run("build web app", "npx", ["vite", "build", "--logLevel", "warn"]);
vitest("end-to-end tests (Chromium)", ["--config", "vitest.e2e.config.ts"], ".tmp/vitest-e2e.json", {
  CHROMIUM_PATH: chromium,
});

console.log("");
if (failures.length) console.log(`Failed: ${failures.join(", ")}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
