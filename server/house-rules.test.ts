import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/*
 * `npm run check` must fail on what the renovation ruled out: SQL in a routes file, a cast to Actor, production
 * code importing test support, Node in the web app, and the DOM in the server. Each case writes one offending
 * file into a scratch tree inside the repository (so node_modules resolves) and runs the real checker on it.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
mkdirSync(path.join(ROOT, ".tmp"), { recursive: true });
const scratch = mkdtempSync(path.join(ROOT, ".tmp", "house-rules-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function treeWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(scratch, "tree-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

function checkRules(dir: string) {
  const result = spawnSync(process.execPath, [path.join(ROOT, "scripts/check-rules.mjs"), dir], { encoding: "utf8" });
  return { status: result.status, output: result.stdout };
}

/** Type-checks one file as a project of the given kind (server or web), with the repository's settings. */
function typecheck(kind: "server" | "web", file: string, text: string) {
  const dir = treeWith({ [file]: text });
  const config = path.join(dir, "tsconfig.json");
  const own = JSON.parse(
    JSON.stringify(
      kind === "server"
        ? { compilerOptions: { lib: ["ES2023"], types: ["node"] } }
        : { compilerOptions: { lib: ["ES2023", "DOM"], types: ["vite/client"] } },
    ),
  );
  writeFileSync(
    config,
    JSON.stringify({ extends: path.join(ROOT, "tsconfig.base.json"), ...own, include: [path.join(dir, file)] }),
  );
  const tsc = path.join(ROOT, "node_modules/typescript/bin/tsc");
  return spawnSync(process.execPath, [tsc, "-p", config, "--noEmit"], { encoding: "utf8", cwd: ROOT });
}

describe("house rules", () => {
  it("hold on the repository", () => {
    expect(checkRules(ROOT)).toMatchObject({ status: 0 });
  });

  it.each([
    ["SQL in a routes file", "server/features/x/x.routes.ts", 'import { sql } from "drizzle-orm";\n'],
    ["a database call in a routes file", "server/features/x/x.routes.ts", "await app.db.select().from(t);\n"],
    // Spelled in two pieces, or this file would break the rule it tests.
    ["a cast to Actor", "server/features/x/x.ts", `const actor = request.actor ${"as"} Actor;\n`],
    ["production code importing test support", "server/features/x/x.ts", 'import { f } from "../../test/factories";\n'],
    ["Node in the web app", "web/src/features/x/X.tsx", 'import { readFileSync } from "node:fs";\n'],
  ])("fail on %s", (_, file, text) => {
    const result = checkRules(treeWith({ [file]: text }));
    expect(result.status).toBe(1);
    expect(result.output).toContain(file);
  });

  it("keep the DOM out of the server and Node out of the web app", () => {
    const server = typecheck("server", "server/uses-dom.ts", "export const width = window.innerWidth;\n");
    expect(server.status, server.stdout).not.toBe(0);
    expect(server.stdout).toContain("Cannot find name 'window'");
    const web = typecheck("web", "web/src/uses-node.ts", 'import { readFileSync } from "node:fs";\nreadFileSync;\n');
    expect(web.status, web.stdout).not.toBe(0);
    expect(web.stdout).toContain("node:fs");
  });
});
