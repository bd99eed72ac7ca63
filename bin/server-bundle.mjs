// The server's TypeScript as one ES module, rebuilt by esbuild (well under a second) whenever a source file is
// newer than it. Node loads one file far faster than it compiles some 600 TypeScript files one by one as they
// are imported (tsx), so every start of the CLI and server is quicker. Packages stay outside the bundle.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Inside the project (not in node_modules, which worktrees may share), so the bundle finds the project around it.
const OUT = path.join(ROOT, ".tmp", "server", "collective.mjs");
const SOURCES = ["server", "contract"];
const INPUTS = ["package.json", "package-lock.json"];

/** The newest modification time among the server's sources (tests excluded) and the package files. */
function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== "migrations") visit(file);
      } else if (/\.(ts|mjs|json)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        newest = Math.max(newest, statSync(file).mtimeMs);
      }
    }
  };
  for (const folder of SOURCES) visit(path.join(ROOT, folder));
  for (const file of INPUTS)
    newest = Math.max(newest, statSync(path.join(ROOT, file), { throwIfNoEntry: false })?.mtimeMs ?? 0);
  return newest;
}

/** The bundle's path, built first if it is missing or older than a source; null when esbuild cannot build it. */
export async function serverBundle() {
  const built = statSync(OUT, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built > newestSource()) return OUT;
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    return null;
  }
  mkdirSync(path.dirname(OUT), { recursive: true });
  // Written aside and renamed into place: a second process starting at the same moment never reads half a file.
  const temporary = `${OUT}.${process.pid}.tmp`;
  try {
    await esbuild.build({
      entryPoints: [path.join(ROOT, "server", "main.ts")],
      outfile: temporary,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      sourcemap: "inline",
      logLevel: "silent",
    });
    renameSync(temporary, OUT);
    return OUT;
  } catch {
    rmSync(temporary, { force: true });
    return null;
  }
}
