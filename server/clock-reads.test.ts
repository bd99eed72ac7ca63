import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The wall clock is read in one module per side (server/clock.ts, web/src/clock.ts). SQL may use the
 * database's now() only as ARCHITECTURE.md ("Time") allows: to stamp when a row changed, and to compare
 * against times the database itself stamped (sessions, tokens, rate limits, the job queue, import runs).
 */

const ROOT = path.resolve(import.meta.dirname, "..");
const CLOCK_MODULES = new Set(["server/clock.ts", "web/src/clock.ts"]);
/** Files whose SQL compares against the database's own clock, each for a reason ARCHITECTURE.md gives. */
const DATABASE_CLOCK_COMPARISONS = new Set([
  "server/auth/sessions.ts",
  "server/auth/account-tokens.ts",
  "server/auth/rate-limit.ts",
  "server/auth/sign-in-limits.ts",
  "server/jobs/queue.ts",
  "server/jobs/recurring.ts",
  "server/features/rosters/interrupted-imports.ts",
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const relative = `${dir}/${name}`;
    if (statSync(path.join(ROOT, relative)).isDirectory()) return name === "migrations" ? [] : sourceFiles(relative);
    return /\.(ts|tsx|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [relative] : [];
  });
}

const files = ["server", "web/src", "contract"].flatMap(sourceFiles);
const JS_CLOCK = /new Date\(\)|Date\.now\(\)|DateTime\.(now|local|utc)\(\)/;
const SQL_CLOCK = /\b(now\(\)|current_date|current_timestamp|localtimestamp|clock_timestamp\(\))/gi;

/** The text of every template literal in a file (where all SQL is written), with `${…}` expressions blanked. */
function templateTexts(source: string): { text: string; line: number }[] {
  const found: { text: string; line: number }[] = [];
  let i = 0;
  const scan = (): string => {
    // At the character after an opening backquote; returns the literal's text, leaving i after its closing one.
    let text = "";
    while (i < source.length) {
      const c = source[i] as string;
      if (c === "\\") {
        text += source.slice(i, i + 2);
        i += 2;
      } else if (c === "`") {
        i += 1;
        return text;
      } else if (c === "$" && source[i + 1] === "{") {
        i += 2;
        skipExpression();
        text += " ? ";
      } else {
        text += c;
        i += 1;
      }
    }
    return text;
  };
  const skipExpression = () => {
    let depth = 1;
    while (i < source.length && depth > 0) {
      const c = source[i] as string;
      if (c === "`") {
        i += 1;
        scan();
        continue;
      }
      if (c === "{") depth += 1;
      if (c === "}") depth -= 1;
      i += 1;
    }
  };
  while (i < source.length) {
    if (source[i] === "`") {
      const line = source.slice(0, i).split("\n").length;
      i += 1;
      found.push({ text: scan(), line });
    } else {
      i += 1;
    }
  }
  return found;
}

/** Whether a clock read at `index` of SQL text stamps a row (set to it, or a value inserted) rather than compares. */
function isStamp(text: string, index: number): boolean {
  const before = text.slice(0, index).trimEnd();
  const after = text.slice(index).replace(SQL_CLOCK, "").trimStart();
  if (/^[-+]/.test(after)) return false;
  return before === "" || /(^|[^<>!])=$/.test(before) || /[,(]$/.test(before);
}

describe("reads of the wall clock", () => {
  it("happen in the clock modules only", () => {
    const offending = files.flatMap((file) =>
      CLOCK_MODULES.has(file)
        ? []
        : readFileSync(path.join(ROOT, file), "utf8")
            .split("\n")
            .flatMap((line, i) => (JS_CLOCK.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offending).toEqual([]);
  });

  it("in SQL only stamp rows, or compare with times the database stamped itself", () => {
    const offending = files.flatMap((file) => {
      if (DATABASE_CLOCK_COMPARISONS.has(file)) return [];
      return templateTexts(readFileSync(path.join(ROOT, file), "utf8")).flatMap(({ text, line }) =>
        [...text.matchAll(SQL_CLOCK)]
          .filter((match) => !isStamp(text, match.index))
          .map((match) => `${file}:${line}: …${text.slice(Math.max(0, match.index - 40), match.index + 20).trim()}`),
      );
    });
    expect(offending).toEqual([]);
  });

  it("finds a comparison with the database's clock, and lets a stamp pass", () => {
    const compare = templateTexts("sql`select 1 from meetings m where m.ends_at > now()`")[0]?.text ?? "";
    const stamp = templateTexts(["sql`update x set updated_at = now() where id = $", "{id}`"].join(""))[0]?.text ?? "";
    expect([...compare.matchAll(SQL_CLOCK)].map((m) => isStamp(compare, m.index))).toEqual([false]);
    expect([...stamp.matchAll(SQL_CLOCK)].map((m) => isStamp(stamp, m.index))).toEqual([true]);
  });
});
