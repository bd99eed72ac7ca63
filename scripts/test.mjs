// `npm test`: lint, typecheck, unit and integration tests on PGlite, the integration tests again on
// PostgreSQL when DATABASE_URL is set, the end-to-end journeys in Chromium, and the clock guard. With CI=true a
// missing PostgreSQL, browser or libfaketime is a failure, never a silent skip.
//
// The clock guard (scripts/clock-guard.mjs) moves the system clock to fixed moments of the school year and
// the day: the PGlite phase runs at the first, the journeys at the second, and the date-sensitive tests and
// journeys again at the others. The PostgreSQL phase keeps the real time (the server's clock is its own).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { ensureFakeTime, fakeClockEnv, guardMoments } from "./clock-guard.mjs";
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

// The tests whose subject is dates: the demo, meetings, action items, norms, plans, reviews and reports.
const DATE_SENSITIVE = [
  "server/demo/demo-district.test.ts",
  "server/jobs",
  "server/features/communities",
  "server/features/meetings",
  "server/features/interventions",
  "server/features/student-review",
  "server/features/intervention-reports",
  "server/features/family-voice",
];
const DATE_SENSITIVE_JOURNEYS = [
  "e2e/collaboration.e2e.ts",
  "e2e/community-meeting.e2e.ts",
  "e2e/interventions.e2e.ts",
];

const fakeTime = ensureFakeTime();
const moments = guardMoments();
const clockAt = (index) => (fakeTime && moments[index] ? fakeClockEnv(fakeTime, moments[index].at) : {});
const clockLabel = (index) => (fakeTime && moments[index] ? `, clock at ${moments[index].label}` : "");
if (!fakeTime) {
  const message = "libfaketime is not installed (Debian: apt-get install faketime): the clock guard cannot run.";
  if (isCi) {
    console.error(`CI=true but ${message}`);
    failures.push("clock guard (no libfaketime)");
    totals.failed += 1;
  } else {
    console.log(`\n${message} Every phase runs at the real time.`);
  }
}

run("lint", "npx", ["biome", "check", "."]);
run("house rules", "node", ["scripts/check-rules.mjs"]);
run("dead code (knip)", "npx", ["knip", "--no-progress"]);
run("typecheck", "node", ["scripts/typecheck.mjs"]);
vitest(`unit and integration tests (PGlite${clockLabel(0)})`, [], ".tmp/vitest-pglite.json", {
  COLLECTIVE_TEST_DB: "pglite",
  ...clockAt(0),
});

if (process.env.DATABASE_URL) {
  // The demo's calendar at the guard's moments does not depend on the database: PGlite checks it.
  vitest(
    "integration tests (PostgreSQL)",
    ["server", "--exclude", "server/demo/demo-liveness.test.ts"],
    ".tmp/vitest-postgres.json",
    { COLLECTIVE_TEST_DB: "postgres" },
  );
} else if (isCi) {
  console.error("CI=true but DATABASE_URL is not set: the PostgreSQL suite cannot run.");
  failures.push("PostgreSQL suite (no DATABASE_URL)");
  totals.failed += 1;
} else {
  console.log("\nDATABASE_URL is not set: the PostgreSQL run is left out (set it to run the suite on PostgreSQL too).");
}

const chromium = await ensureChromium();
run("build web app", "npx", ["vite", "build", "--logLevel", "warn"]);
vitest(`end-to-end tests (Chromium${clockLabel(1)})`, ["--config", "vitest.e2e.config.ts"], ".tmp/vitest-e2e.json", {
  CHROMIUM_PATH: chromium,
  ...clockAt(1),
});

if (fakeTime) {
  for (const index of moments.keys()) {
    if (index < 2) continue;
    vitest(
      `clock guard: date-sensitive tests (PGlite${clockLabel(index)})`,
      DATE_SENSITIVE,
      `.tmp/vitest-guard-${index}.json`,
      {
        COLLECTIVE_TEST_DB: "pglite",
        ...clockAt(index),
      },
    );
    vitest(
      `clock guard: date-sensitive journeys (Chromium${clockLabel(index)})`,
      ["--config", "vitest.e2e.config.ts", ...DATE_SENSITIVE_JOURNEYS],
      `.tmp/vitest-guard-e2e-${index}.json`,
      { CHROMIUM_PATH: chromium, ...clockAt(index) },
    );
  }
}

console.log("");
if (failures.length) console.log(`Failed: ${failures.join(", ")}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
