import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeSet, writeZip } from "../../test/roster-test-support";
import { isIsoDate, parseCell } from "./columns";
import { type CLASSES, ENROLLMENTS, USERS } from "./file-specs";
import { planFiles, readManifest } from "./manifest";
import { parseRosterFile } from "./parse-rows";
import { PROBLEM_LIMIT, ProblemList } from "./problems";
import { openRosterSource, RosterSourceError } from "./read-files";

const tmp = mkdtempSync(path.join(os.tmpdir(), "collective-roster-parse-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const folder = () => path.join(tmp, `set-${++n}`);

async function parse(
  spec: typeof USERS | typeof ENROLLMENTS | typeof CLASSES,
  content: string,
  mode: "bulk" | "delta" = "bulk",
) {
  const dir = writeSet(folder(), { [`${spec.name}.csv`]: content });
  const problems = new ProblemList();
  const source = await openRosterSource(dir, problems);
  const file = source.files[0];
  if (!file) throw new Error("no file");
  const parsed = await parseRosterFile(file, spec, { version: "1.1", mode, problems });
  return { ...parsed, problems: problems.list() };
}

const USERS_HEADER =
  "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password";

describe("reading CSV by header name", () => {
  it("strips a BOM, reads CRLF, quoted commas, quotes and newlines, and counts physical lines", async () => {
    const content =
      "\uFEFFsourcedId,classSourcedId,schoolSourcedId,userSourcedId,role,status,dateLastModified,primary,extra\r\n" +
      'e1,"c,1",s1,u1,student,active,2024-01-01T00:00:00Z,,"a\r\nmultiline\r\nnote"\r\n' +
      "\r\n" +
      'e2,c2,s1,"u ""2""",TEACHER,,,TRUE,x\r\n';
    const { rows, problems } = await parse(ENROLLMENTS, content);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ line: 2, sourcedId: "e1", classSourcedId: "c,1", role: "student", primary: null });
    // Line 2 holds two newlines inside quotes and line 5 is blank, so the second row starts on line 6.
    expect(rows[1]).toMatchObject({ line: 6, userSourcedId: 'u "2"', role: "teacher", primary: true, status: null });
    expect(rows[0]?.beginDate).toBeNull();
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: "enrollments.csv",
        line: 1,
        severity: "warning",
        message: "Unknown columns ignored: extra.",
      }),
    );
  });

  it("names each missing required column and reads no rows of that file", async () => {
    const { rows, problems } = await parse(ENROLLMENTS, "sourcedId,classSourcedId,userSourcedId\ne1,c1,u1\n");
    expect(rows).toEqual([]);
    const errors = problems.filter((p) => p.severity === "error");
    expect(errors.map((p) => [p.line, p.column])).toEqual([
      [1, "schoolSourcedId"],
      [1, "role"],
    ]);
  });

  it("requires status and dateLastModified in delta files", async () => {
    const { problems } = await parse(
      ENROLLMENTS,
      "sourcedId,classSourcedId,schoolSourcedId,userSourcedId,role\n",
      "delta",
    );
    expect(problems.filter((p) => p.severity === "error").map((p) => p.column)).toEqual(["status", "dateLastModified"]);
  });

  it("refuses a value longer than its column's limit, naming file, line, column and the limit", async () => {
    // Past the reader's bound (IMPORT_MAX_FIELD_CHARS) the field is cut and refused as it is read; under it,
    // the column's own limit names the length.
    const name = "A".repeat(100_000);
    const content = [
      USERS_HEADER,
      `u1,active,,true,o1,teacher,u1,,${name},Lee,,,,,,,,`,
      "u2,active,,true,o1,teacher,u2,,Bo,Lee,,,,,,,,",
    ];
    const { rows, refused, problems } = await parse(USERS, content.join("\n"));
    expect(problems).toEqual([
      {
        file: "users.csv",
        line: 2,
        column: "givenName",
        severity: "error",
        message: "This value is longer than 10,000 characters, the most one field may hold (IMPORT_MAX_FIELD_CHARS).",
      },
    ]);
    expect(rows.map((r) => r.sourcedId)).toEqual(["u2"]);
    expect([...refused]).toEqual(["u1"]);
    const under = await parse(
      USERS,
      [USERS_HEADER, `u1,active,,true,o1,teacher,u1,,${"A".repeat(5_000)},Lee,,,,,,,,`].join("\n"),
    );
    expect(under.problems).toEqual([
      {
        file: "users.csv",
        line: 2,
        column: "givenName",
        severity: "error",
        message: "givenName is 5,000 characters long; the limit is 1,000.",
      },
    ]);
  });

  it("reports bad enums, dates, booleans, blanks and duplicate ids with line and column", async () => {
    const content = [
      "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate",
      "e1,active,2024-01-01,c1,s1,u1,pupil,,,",
      "e2,active,yesterday,c1,s1,u1,student,maybe,2024-02-30,",
      "e3,inactive,,c1,,u1,student,,,",
      "e1,active,,c1,s1,u1,student,,,",
    ].join("\n");
    const { rows, refused, problems } = await parse(ENROLLMENTS, content);
    const found = problems.map((p) => [p.severity, p.line, p.column]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["error", 2, "role"],
        ["error", 3, "dateLastModified"],
        ["error", 3, "primary"],
        ["error", 3, "beginDate"],
        ["warning", 4, "status"],
        ["error", 4, "schoolSourcedId"],
        ["error", 5, "sourcedId"],
      ]),
    );
    expect(problems.find((p) => p.line === 2)?.message).toContain('"pupil" is not one of');
    expect(rows).toEqual([]);
    expect([...refused].sort()).toEqual(["e1", "e2", "e3"]);
  });

  it("matches header names ignoring case, with a warning, and splits quoted lists", async () => {
    const content = `${USERS_HEADER.replace("givenName", "GivenName")}\nu1,,,true,"o1, o2",Student,ann,,Ann,Lee,,,,,,,"09,10",\n`;
    const { rows, problems } = await parse(USERS, content);
    expect(rows[0]).toMatchObject({
      givenName: "Ann",
      orgSourcedIds: ["o1", "o2"],
      role: "student",
      grades: ["09", "10"],
    });
    expect(problems).toContainEqual(expect.objectContaining({ column: "GivenName", severity: "warning" }));
  });

  it("refuses a row with more fields than the header, and an unclosed quote, by line", async () => {
    const content = `${USERS_HEADER}\nu1,,,true,o1,student,a,,A,B,,,,,,,,,surplus\nu2,,,true,o1,student,"b,,B,C\n`;
    const { problems } = await parse(USERS, content);
    expect(problems.filter((p) => p.severity === "error").map((p) => p.line)).toEqual([2, 3]);
  });
});

describe("cells", () => {
  it("accepts only real calendar dates and ISO-8601 date-times", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("1/05/2023")).toBe(false);
    expect(parseCell("datetime", "2023-05-01T18:25:43.511Z")).toEqual({ value: "2023-05-01T18:25:43.511Z" });
    expect(parseCell("datetime", "2017-05-06 08:01:05")).toEqual({ value: "2017-05-06 08:01:05" });
    expect(parseCell("datetime", "May 1st")).toHaveProperty("problem");
    expect(parseCell(["homeroom", "scheduled"], "Scheduled")).toEqual({ value: "scheduled" });
    expect(parseCell(["homeroom", "scheduled"], "ext:lab")).toEqual({ value: "ext:lab" });
  });

  it("keeps at most the limit of problems, errors first, and says how many more there were", () => {
    const problems = new ProblemList(3);
    for (let i = 0; i < 5; i += 1) problems.warn("a.csv", i, null, "w");
    for (let i = 0; i < 4; i += 1) problems.error("a.csv", i, null, "e");
    const list = problems.list();
    expect(list.map((p) => p.severity)).toEqual(["error", "error", "error", "error"]);
    expect(list.at(-1)?.message).toBe("… and 6 more problems not listed (1 more error, 5 more warnings).");
    expect(PROBLEM_LIMIT).toBe(500);
  });
});

describe("sets: folders, zips and the manifest", () => {
  it("reads only a zip's root files, warns about the rest, and matches names ignoring case", async () => {
    const zip = writeZip(path.join(tmp, "set.zip"), [
      {
        name: "Manifest.csv",
        content: "propertyName,value\noneroster.version,1.1\nfile.users,bulk\nfile.orgs,delta\n",
      },
      { name: "USERS.csv", content: `${USERS_HEADER}\n` },
      { name: "export/orgs.csv", content: "x" },
      { name: "__MACOSX/._users.csv", content: "x" },
      { name: "notes.txt", content: "hello" },
    ]);
    const problems = new ProblemList();
    const source = await openRosterSource(zip, problems);
    const manifest = await readManifest(source.files, problems);
    const planned = manifest ? planFiles(manifest, source.files, problems) : [];
    source.close();
    expect(manifest?.version).toBe("1.1");
    expect(planned.map((p) => [p.spec.name, p.mode])).toEqual([["users", "bulk"]]);
    const messages = problems.list().map((p) => `${p.file}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "export/orgs.csv: Only files at the root of the zip are read; this one is in a folder.",
        "Manifest.csv: Read as manifest.csv (file names are case-sensitive).",
        "USERS.csv: Read as users.csv (names are case-sensitive).",
        "orgs.csv: The manifest lists this file as delta, but it is not in the set.",
        "notes.txt: Not a OneRoster file; it is not read.",
      ]),
    );
    expect(messages.some((m) => m.startsWith("__MACOSX"))).toBe(false);
  });

  it("refuses a zip with a path that leaves the archive, and one that unpacks past the cap", async () => {
    const evil = writeZip(path.join(tmp, "evil.zip"), [{ name: "../../etc/users.csv", content: "x" }]);
    await expect(openRosterSource(evil, new ProblemList())).rejects.toBeInstanceOf(RosterSourceError);
    const big = writeZip(path.join(tmp, "big.zip"), [{ name: "users.csv", content: "x".repeat(5000) }]);
    await expect(openRosterSource(big, new ProblemList(), { maxTotalBytes: 1000 })).rejects.toThrow(
      /larger than 1000 bytes in all/,
    );
    await expect(openRosterSource(path.join(tmp, "nothing-here"), new ProblemList())).rejects.toThrow(
      /no file or folder/,
    );
    const notZip = writeSet(folder(), { "x.zip": "not a zip" });
    await expect(openRosterSource(path.join(notZip, "x.zip"), new ProblemList())).rejects.toThrow(/not a zip file/);
  });

  it("requires a manifest with a version Collective reads", async () => {
    for (const [files, expected] of [
      [{ "users.csv": "" }, "manifest.csv is missing"],
      [{ "manifest.csv": "propertyName,value\nfile.users,bulk\n" }, "does not say which OneRoster version"],
      [{ "manifest.csv": "propertyName,value\noneroster.version,1.0\n" }, "OneRoster 1.0 is not supported"],
    ] as const) {
      const problems = new ProblemList();
      const source = await openRosterSource(writeSet(folder(), files), problems);
      expect(await readManifest(source.files, problems)).toBeUndefined();
      expect(problems.list()[0]?.message).toContain(expected);
    }
  });
});
