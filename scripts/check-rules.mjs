#!/usr/bin/env node
// House rules the compiler cannot see, checked on every `npm run check` and `npm test` (ARCHITECTURE.md, "Rules").
// Each rule names the files it covers and a pattern that must not occur; a finding prints file:line and the rule.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// The tree to check: the repository, or the folder given as the first argument (the rules' own test uses one).
const ROOT = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, ".."));

function filesUnder(dir, test) {
  const found = [];
  if (!existsSync(path.join(ROOT, dir))) return found;
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })) {
    const file = path.relative(ROOT, path.join(entry.parentPath, entry.name));
    if (entry.isFile() && test(file)) found.push(file);
  }
  return found;
}

const isTest = (file) => /\.test\.tsx?$/.test(file) || file.startsWith("server/test/") || file.includes("/faults/");

const RULES = [
  {
    rule: "a routes file does only HTTP: queries and commands live in their own files (no SQL, no Drizzle, no app.db calls)",
    files: () => filesUnder("server", (f) => f.endsWith(".routes.ts")),
    patterns: [/\bsql`/, /from "drizzle-orm/, /\/db\/schema"/, /\bapp\.db\.\w+\(/],
  },
  {
    rule: "the signed-in actor comes from requireActor(request), never a cast",
    files: () => filesUnder("server", (f) => f.endsWith(".ts")),
    patterns: [/\bas Actor\b/],
  },
  {
    rule: "production code never imports test support (server/test/)",
    files: () => filesUnder("server", (f) => f.endsWith(".ts") && !isTest(f)),
    patterns: [/from "(\.\.?\/)+(server\/)?test\//, /from "\.\.?\/.*\/test\/[\w-]+"/],
  },
  {
    rule: "the web app runs in a browser: no Node built-ins",
    files: () => filesUnder("web/src", (f) => /\.tsx?$/.test(f) && !isTest(f)),
    patterns: [/from "node:/, /require\("node:/],
  },
];

let findings = 0;
for (const { rule, files, patterns } of RULES) {
  for (const file of files()) {
    readFileSync(path.join(ROOT, file), "utf8")
      .split("\n")
      .forEach((line, index) => {
        if (!patterns.some((pattern) => pattern.test(line))) return;
        findings++;
        console.log(`${file}:${index + 1}: ${rule}\n    ${line.trim()}`);
      });
  }
}
if (findings > 0) {
  console.log(`\n${findings} finding(s).`);
  process.exit(1);
}
console.log(`rules: ${RULES.length} rules hold`);
