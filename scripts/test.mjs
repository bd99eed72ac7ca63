// `npm test`: lint, typecheck, unit and integration tests on PGlite, the integration tests again on
// PostgreSQL when DATABASE_URL is set, the end-to-end journeys in Chromium, and the clock guard. With CI=true a
// missing PostgreSQL, browser or libfaketime is a failure, never a silent skip.
//
// The clock guard (scripts/clock-guard.mjs) moves the system clock to fixed moments of the school year and
// the day: the PGlite phase runs at the first, the journeys at the second, and the date-sensitive tests and
// journeys again at the others. The PostgreSQL phase keeps the real time (the server's clock is its own).
//
// Two lanes run side by side, because the journeys leave most of a core idle (they wait on the browser and the
// server): the browser lane (build, the journeys in two halves side by side, the guard's journeys) and the test
// lane (checks, PGlite). Whichever lane is done first takes the PostgreSQL phase and the guard's tests. The test
// phases run at a lower CPU priority so the journeys keep their pace. Each phase's output is printed whole when
// it ends, so phases never interleave in the log.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { ensureFakeTime, fakeClockEnv, guardMoments } from "./clock-guard.mjs";
import { ensureChromium } from "./ensure-chromium.mjs";

const isCi = process.env.CI === "true";
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const failedTests = [];
const timings = [];
const suiteStarted = Date.now();
mkdirSync(".tmp/logs", { recursive: true });

const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);

/** Runs one phase with its output kept aside (and in .tmp/logs/), then prints it whole. */
function run(title, command, args, { env = {}, background = false } = {}) {
  const started = Date.now();
  console.log(`--- started: ${title} (at ${seconds(suiteStarted)} s)`);
  // `nice` lowers the test lane's priority; its workers inherit it.
  const [program, programArgs] = background ? ["nice", ["-n", "10", command, ...args]] : [command, args];
  return new Promise((resolve) => {
    const child = spawn(program, programArgs, {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? "1", ...env },
    });
    const chunks = [];
    child.stdout.on("data", (chunk) => chunks.push(chunk));
    child.stderr.on("data", (chunk) => chunks.push(chunk));
    child.on("error", (error) => chunks.push(Buffer.from(String(error))));
    child.on("close", (code) => {
      const output = Buffer.concat(chunks);
      writeFileSync(`.tmp/logs/${title.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.log`, output);
      const ok = code === 0;
      console.log(`\n=== ${title} ===`);
      process.stdout.write(output);
      console.log(`=== ${title}: ${ok ? "ok" : "FAILED"} in ${seconds(started)} s ===`);
      timings.push(`${title}: ${seconds(started)} s`);
      if (!ok) failures.push(title);
      resolve(ok);
    });
  });
}

async function vitest(title, args, report, options = {}) {
  const ok = await run(
    title,
    "npx",
    ["vitest", "run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    options,
  );
  if (existsSync(report)) {
    const summary = JSON.parse(readFileSync(report, "utf8"));
    totals.passed += summary.numPassedTests ?? 0;
    totals.failed += summary.numFailedTests ?? 0;
    totals.skipped += (summary.numPendingTests ?? 0) + (summary.numTodoTests ?? 0);
    for (const file of summary.testResults ?? []) {
      for (const test of file.assertionResults ?? []) {
        if (test.status !== "failed") continue;
        const reason = String(test.failureMessages?.[0] ?? "")
          .split("\n")[0]
          .slice(0, 300);
        failedTests.push(`${title} | ${file.name.replace(`${process.cwd()}/`, "")} > ${test.fullName}: ${reason}`);
      }
      if (file.status === "failed" && !(file.assertionResults ?? []).some((test) => test.status === "failed")) {
        failedTests.push(
          `${title} | ${file.name.replace(`${process.cwd()}/`, "")}: ${String(file.message ?? "")
            .split("\n")[0]
            .slice(0, 300)}`,
        );
      }
    }
  } else if (!ok) {
    totals.failed += 1;
  }
}

// The tests whose subject is dates: the demo, goals and cycles, meetings, action items, norms, plans, reviews and reports.
const DATE_SENSITIVE = [
  "server/features/goals",
  "server/features/cycles",
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

/*
 * Phases either lane may run: each lane takes the next one when its own are done, so the lane that finishes
 * first (usually the browser's, which waits on Chromium more than it computes) picks up the rest.
 */
const shared = [];
async function drainShared() {
  for (let phase = shared.shift(); phase; phase = shared.shift()) await phase();
}

/** The checks and the PGlite phase, then shared phases. */
async function testLane() {
  const background = true;
  await run("lint", "npx", ["biome", "check", "."], { background });
  await run("house rules", "node", ["scripts/check-rules.mjs"], { background });
  await run("dead code (knip)", "npx", ["knip", "--no-progress"], { background });
  await run("typecheck", "node", ["scripts/typecheck.mjs"], { background });
  await vitest(`unit and integration tests (PGlite${clockLabel(0)})`, [], ".tmp/vitest-pglite.json", {
    env: { COLLECTIVE_TEST_DB: "pglite", ...clockAt(0) },
    background,
  });
  await drainShared();
}

/** The PostgreSQL phase and the guard's date-sensitive tests, for whichever lane is free. */
function queueSharedPhases() {
  const background = true;
  if (process.env.DATABASE_URL) {
    // What does not depend on the database runs once, in the PGlite phase: the demo's calendar at the guard's
    // moments, and the embedded database's own lock.
    shared.push(() =>
      vitest(
        "integration tests (PostgreSQL)",
        [
          "server",
          ...["server/demo/demo-liveness.test.ts", "server/db/faults/embedded-lock.test.ts"].flatMap((file) => [
            "--exclude",
            file,
          ]),
        ],
        ".tmp/vitest-postgres.json",
        { env: { COLLECTIVE_TEST_DB: "postgres" }, background },
      ),
    );
  } else if (isCi) {
    console.error("CI=true but DATABASE_URL is not set: the PostgreSQL suite cannot run.");
    failures.push("PostgreSQL suite (no DATABASE_URL)");
    totals.failed += 1;
  } else {
    console.log(
      "\nDATABASE_URL is not set: the PostgreSQL run is left out (set it to run the suite on PostgreSQL too).",
    );
  }
  for (const index of guardIndexes) {
    shared.push(() =>
      vitest(
        `clock guard: date-sensitive tests (PGlite${clockLabel(index)})`,
        DATE_SENSITIVE,
        `.tmp/vitest-guard-${index}.json`,
        { env: { COLLECTIVE_TEST_DB: "pglite", ...clockAt(index) }, background },
      ),
    );
  }
}

// Rough seconds per journey file (as measured in a full run, where they run beside other phases), to split the journeys into two halves of about equal length (a file not
// listed counts as 8 s). Only the balance depends on these, never what runs.
const JOURNEY_SECONDS = {
  "accessibility.e2e.ts": 100,
  "self-assessment.e2e.ts": 33,
  "collaboration.e2e.ts": 26,
  "team-analysis.e2e.ts": 23,
  "interventions.e2e.ts": 22,
  "role-homes.e2e.ts": 17,
  "community-meeting.e2e.ts": 15,
  "common-assessment.e2e.ts": 14,
  "sign-in-per-role.e2e.ts": 12,
  "cycle-goals.e2e.ts": 12,
  "learning-evaluation.e2e.ts": 6,
};

/** The journey files in two halves of about equal length (longest first, each to the shorter half). */
function journeyHalves() {
  const files = readdirSync("e2e")
    .filter((name) => name.endsWith(".e2e.ts"))
    .map((name) => ({ file: `e2e/${name}`, seconds: JOURNEY_SECONDS[name] ?? 8 }))
    .sort((a, b) => b.seconds - a.seconds || a.file.localeCompare(b.file));
  const halves = [
    { files: [], seconds: 0 },
    { files: [], seconds: 0 },
  ];
  for (const { file, seconds } of files) {
    const shorter = halves[0].seconds <= halves[1].seconds ? halves[0] : halves[1];
    shorter.files.push(file);
    shorter.seconds += seconds;
  }
  return halves.map((half) => half.files).filter((half) => half.length > 0);
}

/**
 * The web app's build, then the journeys in Chromium in two halves side by side (each half its own server on
 * its own data), then the guard's date-sensitive journeys at each moment side by side, then shared phases.
 */
async function browserLane(chromium) {
  if (!(await run("build web app", "npx", ["vite", "build", "--logLevel", "warn"]))) return;
  const halves = journeyHalves();
  await Promise.all(
    halves.map((files, index) =>
      vitest(
        `end-to-end tests, part ${index + 1} of ${halves.length} (Chromium${clockLabel(1)})`,
        ["--config", "vitest.e2e.config.ts", ...files],
        `.tmp/vitest-e2e-${index + 1}.json`,
        { env: { CHROMIUM_PATH: chromium, ...clockAt(1) } },
      ),
    ),
  );
  await Promise.all(
    guardIndexes.map((index) =>
      vitest(
        `clock guard: date-sensitive journeys (Chromium${clockLabel(index)})`,
        ["--config", "vitest.e2e.config.ts", ...DATE_SENSITIVE_JOURNEYS],
        `.tmp/vitest-guard-e2e-${index}.json`,
        { env: { CHROMIUM_PATH: chromium, ...clockAt(index) } },
      ),
    ),
  );
  await drainShared();
}

const guardIndexes = fakeTime ? [...moments.keys()].filter((index) => index >= 2) : [];
queueSharedPhases();
const chromium = await ensureChromium();
await Promise.all([testLane(), browserLane(chromium)]);

console.log("");
console.log(`phases: ${timings.join("; ")}`);
console.log(`total: ${seconds(suiteStarted)} s`);
if (failures.length) console.log(`Failed: ${failures.join(", ")}`);
// The failing tests again, last, so the tail of a long log names them.
for (const line of failedTests) console.log(`failed test: ${line}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
