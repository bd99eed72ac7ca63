import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDemoFramework } from "../../demo/standards/demo-framework";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";
import { importFramework } from "./import-framework";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let teacher: TestPerson;
let parent: TestPerson;
let outsider: TestPerson;
let frameworkId: string;

type Node = { id: string; code: string | null; statement: string; depth: number; educationLevels: string[] };

async function get(person: TestPerson, url: string) {
  return app.inject({ url: `/api/v1${url}`, headers: await sessionHeaders(t.db, person) });
}

async function getOk(person: TestPerson, url: string) {
  const response = await get(person, url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function search(
  query: string,
  person = teacher,
): Promise<{ items: (Node & { match: string })[]; total: number }> {
  return getOk(person, `/standards/search?${query}`);
}

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
  teacher = await buildPerson(t.db, district, "teacher");
  parent = await buildPerson(t.db, district, "family_member");
  const other = await buildDistrict(t.db, "Other District");
  outsider = await buildPerson(t.db, other, "district_leader");
  frameworkId = (await importDemoFramework(t.db, district.id)).frameworkId;
  await importDemoFramework(t.db, other.id);
});
afterAll(async () => t?.close());

describe("the demo framework", () => {
  it("imports Common Core ELA K–8 once, however often it is imported", async () => {
    const again = await importDemoFramework(t.db, district.id);
    expect(again).toMatchObject({ frameworkId, created: false, counts: { items: 740, inserted: 0, deleted: 0 } });
    const list = await getOk(teacher, "/standards/frameworks");
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      id: frameworkId,
      subjects: ["English Language Arts"],
      standardCount: 740,
      grades: ["KG", "01", "02", "03", "04", "05", "06", "07", "08"],
      can: { delete: false },
    });
    expect(list.can).toEqual({ import: false });
  });

  it("filters frameworks by subject", async () => {
    expect((await getOk(teacher, "/standards/frameworks?subject=english%20language%20arts")).items).toHaveLength(1);
    expect((await getOk(teacher, "/standards/frameworks?subject=Mathematics")).items).toHaveLength(0);
  });
});

describe("browsing the tree", () => {
  it("starts with the grades, in order, and opens one level at a time", async () => {
    const top = (await getOk(teacher, `/standards/frameworks/${frameworkId}/children`)).items as Node[];
    expect(top.map((n) => n.statement)).toEqual([
      "Kindergarten",
      ...Array.from({ length: 8 }, (_, i) => `Grade ${i + 1}`),
    ]);
    const grade3 = top[3] as Node & { childCount: number };
    expect(grade3.childCount).toBe(4);
    const strands = (await getOk(teacher, `/standards/frameworks/${frameworkId}/children?parentId=${grade3.id}`)).items;
    expect(strands.map((n: Node) => n.statement)).toEqual([
      "Reading Standards for Literature",
      "Reading Standards for Informational Text",
      "Writing Standards",
      "Language Standards",
    ]);
  });

  it("flattens the whole tree, filtered by grade, with each node's depth", async () => {
    const nodes = (await getOk(teacher, `/standards/frameworks/${frameworkId}/tree?grade=03`)).items as Node[];
    expect(nodes).toHaveLength(91);
    expect(nodes.every((n) => n.educationLevels.includes("03"))).toBe(true);
    expect(nodes[0]).toMatchObject({ statement: "Grade 3", depth: 0 });
    expect(nodes[1]).toMatchObject({ statement: "Reading Standards for Literature", depth: 1 });
    expect(nodes[2]).toMatchObject({ statement: "Key Ideas and Details", depth: 2 });
    expect(nodes[3]).toMatchObject({ code: "RL.3.1", depth: 3 });
    const rl3 = nodes.filter((n) => n.code?.startsWith("RL.3.")).map((n) => n.code);
    expect(rl3).toEqual(["RL.3.1", "RL.3.2", "RL.3.3", "RL.3.4", "RL.3.5", "RL.3.6", "RL.3.7", "RL.3.9", "RL.3.10"]);
    const whole = (await getOk(teacher, `/standards/frameworks/${frameworkId}/tree`)).items;
    expect(whole).toHaveLength(740);
  });

  it("shows one standard with its breadcrumb and children", async () => {
    const [hit] = (await search("q=L.3.1")).items;
    expect(hit?.code).toBe("L.3.1");
    const detail = await getOk(teacher, `/standards/${hit?.id}`);
    expect(detail).toMatchObject({
      code: "L.3.1",
      statement:
        "Demonstrate command of the conventions of standard English grammar and usage when writing or speaking.",
      itemType: "Standard",
      educationLevels: ["03"],
      framework: { id: frameworkId },
      learningTargets: [],
      targetCommunities: [],
    });
    expect(detail.ancestors.map((a: Node) => a.statement)).toEqual([
      "Grade 3",
      "Language Standards",
      "Conventions of Standard English",
    ]);
    expect(detail.children.map((c: Node) => c.code)).toEqual([
      "L.3.1a",
      "L.3.1b",
      "L.3.1c",
      "L.3.1d",
      "L.3.1e",
      "L.3.1f",
      "L.3.1g",
      "L.3.1h",
      "L.3.1i",
    ]);
  });
});

describe("searching", () => {
  it("by code: a prefix of the human coding scheme, any case, shortest codes first", async () => {
    const result = await search("q=rl.3&pageSize=20");
    expect(result.total).toBe(9);
    expect(result.items.every((i) => i.match === "code")).toBe(true);
    expect(result.items.map((i) => i.code)).toEqual([
      "RL.3.1",
      "RL.3.2",
      "RL.3.3",
      "RL.3.4",
      "RL.3.5",
      "RL.3.6",
      "RL.3.7",
      "RL.3.9",
      "RL.3.10",
    ]);
    const exact = await search("q=RL.3.1");
    expect(exact.items.map((i) => i.code)).toEqual(["RL.3.1", "RL.3.10"]);
  });

  it("by words: full text on every word (stemmed), paged", async () => {
    const result = await search("q=figurative%20language&pageSize=50");
    expect(result.items.every((i) => i.match === "text")).toBe(true);
    expect(result.items.map((i) => i.code).sort()).toEqual([
      "L.4.5",
      "L.5.5",
      "L.5.5a",
      "L.6.5",
      "L.7.5",
      "L.8.5",
      "RL.5.4",
    ]);
    expect(result.total).toBe(7);
    const page2 = await search("q=figurative%20language&pageSize=3&page=2");
    expect(page2.total).toBe(7);
    expect(page2.items.map((i) => i.id)).toEqual(result.items.slice(3, 6).map((i) => i.id));
  });

  it("ranks a match in the code or keywords above one in the statement", async () => {
    const item = (identifier: string, fullStatement: string, conceptKeywords: string[] = []) => ({
      identifier,
      fullStatement,
      conceptKeywords,
    });
    const json = {
      CFDocument: { identifier: "rank-doc", title: "Ranking test" },
      CFItems: [
        item("rank-1", "Compare two fractions with different numerators."),
        item("rank-2", "Explain why two ways of writing a number are equal.", ["fractions"]),
      ],
      CFAssociations: ["rank-1", "rank-2"].map((id) => ({
        identifier: `a-${id}`,
        associationType: "isChildOf",
        originNodeURI: { identifier: id },
        destinationNodeURI: { identifier: "rank-doc" },
      })),
    };
    const imported = await importFramework(t.db, { districtId: district.id, json, sourceUrl: null });
    if (!("outcome" in imported)) throw new Error(JSON.stringify(imported));
    const result = await search(`q=fractions&frameworkId=${imported.outcome.frameworkId}`);
    expect(result.items.map((i) => i.statement)).toEqual([
      "Explain why two ways of writing a number are equal.",
      "Compare two fractions with different numerators.",
    ]);
  });

  it("by words within one grade", async () => {
    const result = await search("q=figurative%20language&grade=05");
    expect(result.items.map((i) => i.code).sort()).toEqual(["L.5.5", "L.5.5a", "RL.5.4"]);
  });

  it("finds words that look like neither, and nothing for nonsense", async () => {
    expect((await search("q=metaphors")).items.map((i) => i.code)).toContain("L.5.5a");
    expect((await search("q=zzyzx")).total).toBe(0);
  });
});

describe("who may read standards", () => {
  it("family members may not: 403 for lists, 404 for a standard", async () => {
    expect((await get(parent, "/standards/frameworks")).statusCode).toBe(403);
    expect((await get(parent, "/standards/search?q=RL.3")).statusCode).toBe(403);
    expect((await get(parent, `/standards/frameworks/${frameworkId}/tree`)).statusCode).toBe(404);
    const [hit] = (await search("q=RL.3.1")).items;
    expect((await get(parent, `/standards/${hit?.id}`)).statusCode).toBe(404);
  });

  it("another district sees nothing of this district's frameworks", async () => {
    const [hit] = (await search("q=RL.3.1")).items;
    expect((await get(outsider, `/standards/${hit?.id}`)).statusCode).toBe(404);
    expect((await get(outsider, `/standards/frameworks/${frameworkId}`)).statusCode).toBe(404);
    expect((await get(outsider, `/standards/frameworks/${frameworkId}/children`)).statusCode).toBe(404);
    const theirs = await search("q=RL.3.1", outsider);
    expect(theirs.items.map((i) => i.id)).not.toContain(hit?.id);
    expect(theirs.items).toHaveLength(2);
  });
});
