#!/usr/bin/env node
// Type-checks each TypeScript project on its own, two at a time: the contract without Node or the DOM, the
// server without the DOM (it cannot reference `window`), the web app without Node (it cannot import `node:`),
// and the tests and build configuration, which need both. tsconfig.json holds everything, for editors.
import { spawn } from "node:child_process";

const PROJECTS = ["tsconfig.server.json", "tsconfig.web.json", "tsconfig.tests.json", "tsconfig.contract.json"];

function check(project) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["node_modules/typescript/bin/tsc", "-p", project, "--noEmit", "--singleThreaded"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("close", (code) => resolve({ project, code, output }));
  });
}

const queue = [...PROJECTS];
const results = [];
async function worker() {
  for (let project = queue.shift(); project; project = queue.shift()) results.push(await check(project));
}
await Promise.all([worker(), worker()]);
const failed = results.filter((result) => result.code !== 0);
for (const result of failed) process.stdout.write(`${result.project}:\n${result.output}`);
if (failed.length > 0) process.exit(1);
console.log(`typecheck: ${PROJECTS.length} projects clean`);
