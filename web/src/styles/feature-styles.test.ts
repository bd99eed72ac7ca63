import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const WEB_SRC = fileURLToPath(new URL("..", import.meta.url));
const FEATURES = path.join(WEB_SRC, "features");

/**
 * Imports of another feature's CSS allowed for now. Empty since every feature's rules sit in its own CSS Modules
 * (issue 15, item 6); the second test fails on a line that is no longer needed, so the list can only shrink.
 */
const NOT_YET_MOVED = new Set<string>([]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).map((name) => path.join(dir, name));
}

const TS_IMPORT = /^\s*import\s+(?:[\w{}\s,*]+\s+from\s+)?["']([^"']+\.css)["']/gm;
const CSS_IMPORT = /(?:@import\s+(?:url\()?|composes:[^;]*?from\s+)["']([^"']+\.css)["']/g;

/** The stylesheets a file imports: `import "./x.css"`, `import styles from "./x.module.css"`, CSS `@import` and `composes … from`. */
function cssImports(text: string, isStylesheet: boolean): string[] {
  return [...text.matchAll(isStylesheet ? CSS_IMPORT : TS_IMPORT)].flatMap((match) => (match[1] ? [match[1]] : []));
}

/** Every import of a stylesheet outside the importing file's own feature, as "importer -> stylesheet". */
function crossFeatureImports(): string[] {
  const found: string[] = [];
  for (const file of filesUnder(FEATURES).filter((f) => /\.(tsx?|css)$/.test(f))) {
    const importer = path.relative(FEATURES, file);
    const feature = importer.split(path.sep)[0];
    for (const specifier of cssImports(readFileSync(file, "utf8"), file.endsWith(".css"))) {
      const target = path.relative(FEATURES, path.resolve(path.dirname(file), specifier));
      if (target.split(path.sep)[0] !== feature) found.push(`${importer} -> ${target}`.split(path.sep).join("/"));
    }
  }
  return found.sort();
}

describe("feature styles", () => {
  it("a feature imports only its own stylesheets, never another feature's nor the global ones", () => {
    const unexpected = crossFeatureImports().filter((line) => !NOT_YET_MOVED.has(line));
    expect(unexpected).toEqual([]);
  });

  it("every import listed as not yet moved still exists (remove the line once it is gone)", () => {
    const present = new Set(crossFeatureImports());
    expect([...NOT_YET_MOVED].filter((line) => !present.has(line))).toEqual([]);
  });

  it("recognizes the ways a file can import a stylesheet", () => {
    const component = 'import styles from "../meetings/MeetingPage.module.css";\nimport "../../styles.css";\n';
    expect(cssImports(component, false)).toEqual(["../meetings/MeetingPage.module.css", "../../styles.css"]);
    const stylesheet = '@import "../norms/x.css";\n.a { composes: b from "../visits/y.module.css"; }\n';
    expect(cssImports(stylesheet, true)).toEqual(["../norms/x.css", "../visits/y.module.css"]);
  });
});
