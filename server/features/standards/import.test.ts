import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, learningTargets, standardFrameworks, standards } from "../../db/schema";
import { casePackage, casePackageFile } from "../../test/case-fixtures";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { multipartForm } from "../../test/multipart";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;

const as = (person: TestPerson) => sessionHeaders(t.db, person);

async function leaderOfNewDistrict(): Promise<{ district: TestDistrict; leader: TestPerson }> {
  const district = await buildDistrict(t.db);
  return { district, leader: await buildPerson(t.db, district, "district_leader") };
}

async function upload(person: TestPerson, name: string) {
  const form = multipartForm({}, [
    { name: `${name}.json`, contentType: "application/json", content: casePackageFile(name) },
  ]);
  return app.inject({
    method: "POST",
    url: "/api/v1/standards/frameworks",
    headers: { ...(await as(person)), ...form.headers },
    payload: form.payload,
  });
}

async function importInline(person: TestPerson, pkg: unknown, options: { allowRemovals?: boolean } = {}) {
  return app.inject({
    method: "POST",
    url: "/api/v1/standards/frameworks",
    headers: await as(person),
    payload: { package: pkg, ...options },
  });
}

async function tree(person: TestPerson, frameworkId: string) {
  const response = await app.inject({
    url: `/api/v1/standards/frameworks/${frameworkId}/tree`,
    headers: await as(person),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as {
    id: string;
    code: string | null;
    statement: string;
    parentId: string | null;
    depth: number;
    itemType: string | null;
  }[];
}

async function standardCount(districtId: string): Promise<number> {
  const [row] = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(standards)
    .where(eq(standards.districtId, districtId));
  return row?.n ?? 0;
}

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
});
afterAll(async () => t?.close());

describe("importing OpenSALT's CASE packages", () => {
  it("Ordering.json: 28 items under their parents, siblings in order", async () => {
    const { leader } = await leaderOfNewDistrict();
    const response = await upload(leader, "Ordering");
    expect(response.statusCode, response.body).toBe(201);
    const report = response.json();
    expect(report).toMatchObject({
      created: true,
      counts: { items: 28, associations: 28, hierarchyAssociations: 28, inserted: 28, updated: 0, deleted: 0 },
      kept: [],
      warnings: [],
      framework: {
        title: "ACT Holistic Framework, Math",
        creator: "ACT, Inc.",
        caseIdentifier: "a33fc64e-5c40-11e7-82c4-3d54268aa9ee",
        standardCount: 28,
        sourceUrl: null,
      },
    });
    const nodes = await tree(leader, report.framework.id);
    expect(nodes).toHaveLength(28);
    const l10 = nodes.find((n) => n.code === "H.A.MATH.GM.PF.2DFP.L1.10");
    const parent = nodes.find((n) => n.id === l10?.parentId);
    expect(l10).toMatchObject({ statement: "Differentiate between open and closed figures", depth: 4 });
    expect(parent).toMatchObject({
      code: "H.A.MATH.GM.PF.2DFP.L1",
      statement: "Recognize attributes of and name basic 2-D figures",
    });
    expect(nodes.slice(0, 4).map((n) => [n.code, n.depth])).toEqual([
      ["H.A.MATH.GM", 0],
      ["H.A.MATH.GM.PF", 1],
      ["H.A.MATH.GM.PF.2DFP", 2],
      ["H.A.MATH.GM.PF.2DFP.L1", 3],
    ]);
    // No sequenceNumber in this package: siblings follow their codes in natural order, L1.2 before L1.10.
    expect(nodes.slice(4).map((n) => n.code)).toEqual(
      Array.from({ length: 24 }, (_, i) => `H.A.MATH.GM.PF.2DFP.L1.${i + 1}`),
    );
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, report.framework.id));
    expect(audit).toMatchObject({ action: "standard_framework.imported", actorId: leader.id });
  });

  it("SequenceNumberFramework.json: sequenceNumber orders siblings", async () => {
    const { leader } = await leaderOfNewDistrict();
    const response = await upload(leader, "SequenceNumberFramework");
    expect(response.statusCode, response.body).toBe(201);
    const nodes = await tree(leader, response.json().framework.id);
    expect(nodes.map((n) => [n.code, n.statement])).toEqual([
      ["SNT.2", "Second added item, but should be first"],
      ["SNT.1", "First Added Item"],
    ]);
  });

  it("MarkdownFramework.json: statements are stored exactly as given", async () => {
    const { leader } = await leaderOfNewDistrict();
    const response = await upload(leader, "MarkdownFramework");
    expect(response.statusCode, response.body).toBe(201);
    const nodes = await tree(leader, response.json().framework.id);
    const given = casePackage("MarkdownFramework").CFItems.find((i) => i.humanCodingScheme === "MD.Table");
    expect(nodes.map((n) => n.code)).toEqual(["MD.Math", "MD.Table"]);
    expect(nodes[1]?.statement).toBe(given?.fullStatement);
    expect(nodes[1]?.statement).toContain("| Column 1 | Column 2 |\r\n| --- | --- |");
    expect(nodes[0]?.statement).toBe("This contains math markdown: $x^2$");
  });

  it("ItemTypeTestFramework.json: item types by name", async () => {
    const { leader } = await leaderOfNewDistrict();
    const json = casePackage("ItemTypeTestFramework");
    delete json.CFItems[0]?.CFItemType;
    const response = await importInline(leader, json);
    expect(response.statusCode, response.body).toBe(201);
    const nodes = await tree(leader, response.json().framework.id);
    expect(nodes).toEqual([expect.objectContaining({ statement: "Item 1", itemType: "Standard", code: null })]);
    expect(response.json().framework.adoptionStatus).toBe("Draft");
  });

  it("EmptyExternalFramework.json: an empty framework", async () => {
    const { leader } = await leaderOfNewDistrict();
    const response = await upload(leader, "EmptyExternalFramework");
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      framework: { title: "Test Framework External Empty", standardCount: 0, grades: [] },
      counts: { items: 0, associations: 0, inserted: 0 },
    });
    expect(await tree(leader, response.json().framework.id)).toEqual([]);
  });
});

describe("importing again", () => {
  it("updates in place: same rows, same ids, nothing duplicated", async () => {
    const { district, leader } = await leaderOfNewDistrict();
    const first = (await upload(leader, "Ordering")).json();
    const before = await tree(leader, first.framework.id);
    const json = casePackage("Ordering");
    (json.CFItems[1] as { fullStatement: string }).fullStatement = "Plane figures, restated";
    const again = await importInline(leader, json);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({
      created: false,
      counts: { inserted: 0, updated: 1, deleted: 0 },
      titleChanged: null,
    });
    const unchanged = await importInline(leader, json);
    expect(unchanged.json()).toMatchObject({ counts: { inserted: 0, updated: 0, deleted: 0 }, titleChanged: null });
    expect(again.json().framework.id).toBe(first.framework.id);
    const after = await tree(leader, first.framework.id);
    expect(after.map((n) => n.id)).toEqual(before.map((n) => n.id));
    expect(after.find((n) => n.code === "H.A.MATH.GM.PF")?.statement).toBe("Plane figures, restated");
    expect(await standardCount(district.id)).toBe(28);
    const frameworks = await t.db
      .select()
      .from(standardFrameworks)
      .where(eq(standardFrameworks.districtId, district.id));
    expect(frameworks).toHaveLength(1);
  });

  it("deletes standards gone from the package, but keeps and reports those a learning target uses", async () => {
    const { district, leader } = await leaderOfNewDistrict();
    const first = (await upload(leader, "Ordering")).json();
    const nodes = await tree(leader, first.framework.id);
    const used = nodes.find((n) => n.code === "H.A.MATH.GM.PF.2DFP.L1.23");
    await t.db
      .insert(learningTargets)
      .values({ districtId: district.id, standardId: used?.id, statement: "I can name shapes." });
    const json = casePackage("Ordering");
    const gone = new Set(["H.A.MATH.GM.PF.2DFP.L1.23", "H.A.MATH.GM.PF.2DFP.L1.24"]);
    const goneIds = new Set(
      json.CFItems.filter((i) => gone.has(i.humanCodingScheme as string)).map((i) => i.identifier),
    );
    json.CFItems = json.CFItems.filter((i) => !goneIds.has(i.identifier));
    json.CFAssociations = json.CFAssociations.filter(
      (a) => !goneIds.has((a.originNodeURI as { identifier: string }).identifier),
    );
    const asked = await importInline(leader, json);
    expect(asked.statusCode, asked.body).toBe(409);
    expect(asked.json().detail).toContain('would remove 2 of the 28 standards of "ACT Holistic Framework, Math"');
    expect(asked.json().errors).toEqual([{ pointer: "/body/allowRemovals", detail: asked.json().detail }]);
    // The web's confirmation reads the same facts from the problem's `removals` member.
    expect(asked.json().removals).toEqual({
      title: "ACT Holistic Framework, Math",
      removing: 2,
      standards: 28,
      codes: expect.arrayContaining([...gone]),
    });
    expect(await standardCount(district.id)).toBe(28);
    const response = await importInline(leader, json, { allowRemovals: true });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      counts: { items: 26, updated: 0, deleted: 1 },
      kept: [{ code: "H.A.MATH.GM.PF.2DFP.L1.23", references: 1 }],
    });
    const after = await tree(leader, first.framework.id);
    expect(after.map((n) => n.code)).toContain("H.A.MATH.GM.PF.2DFP.L1.23");
    expect(after.map((n) => n.code)).not.toContain("H.A.MATH.GM.PF.2DFP.L1.24");
  });
});

describe("a re-import that would lose standards", () => {
  it("an empty package with an existing framework's identifier removes nothing without allowRemovals", async () => {
    const { district, leader } = await leaderOfNewDistrict();
    const first = (await upload(leader, "Ordering")).json();
    const empty = { ...casePackage("Ordering"), CFItems: [], CFAssociations: [] };
    const refused = await importInline(leader, empty);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().detail).toMatch(
      /would remove 28 of the 28 standards of "ACT Holistic Framework, Math" \(.*, and 23 more\)/,
    );
    expect(await standardCount(district.id)).toBe(28);
    expect((await tree(leader, first.framework.id)).length).toBe(28);
  });

  it("an uploaded file confirms removals with the allowRemovals field", async () => {
    const { district, leader } = await leaderOfNewDistrict();
    await upload(leader, "Ordering");
    const smaller = casePackage("Ordering");
    const leaves = new Set(smaller.CFItems.slice(27).map((i) => i.identifier));
    smaller.CFItems = smaller.CFItems.filter((i) => !leaves.has(i.identifier));
    smaller.CFAssociations = smaller.CFAssociations.filter(
      (a) => !leaves.has((a.originNodeURI as { identifier: string }).identifier),
    );
    const send = async (fields: Record<string, string>) => {
      const form = multipartForm(fields, [
        { name: "smaller.json", contentType: "application/json", content: JSON.stringify(smaller) },
      ]);
      return app.inject({
        method: "POST",
        url: "/api/v1/standards/frameworks",
        headers: { ...(await as(leader)), ...form.headers },
        payload: form.payload,
      });
    };
    expect((await send({})).statusCode).toBe(409);
    const confirmed = await send({ allowRemovals: "true" });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().counts).toMatchObject({ deleted: 1 });
    expect(await standardCount(district.id)).toBe(27);
  });

  it("another package under the same CFDocument identifier: the title change is reported", async () => {
    const { leader } = await leaderOfNewDistrict();
    await upload(leader, "Ordering");
    const other = casePackage("Ordering");
    other.CFDocument.title = "Some other framework";
    const response = await importInline(leader, other);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().titleChanged).toEqual({ from: "ACT Holistic Framework, Math", to: "Some other framework" });
    // A third package under that identifier, with fewer items: it replaces nothing until the removals are allowed.
    const third = casePackage("Ordering");
    third.CFDocument.title = "A third framework";
    const leaves = new Set(third.CFItems.slice(20).map((i) => i.identifier));
    third.CFItems = third.CFItems.filter((i) => !leaves.has(i.identifier));
    third.CFAssociations = third.CFAssociations.filter(
      (a) => !leaves.has((a.originNodeURI as { identifier: string }).identifier),
    );
    const refused = await importInline(leader, third);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().detail).toContain('would remove 8 of the 28 standards of "Some other framework"');
  });
});

describe("a broken package lands nothing and names the problem", () => {
  const broken: [string, () => unknown, string][] = [
    ["no CFDocument", () => ({ ...casePackage("Ordering"), CFDocument: undefined }), "/CFDocument"],
    [
      "an item without an identifier",
      () => {
        const json = casePackage("Ordering");
        delete json.CFItems[5]?.identifier;
        return json;
      },
      "/CFItems/5/identifier",
    ],
    [
      "an association to an unknown node",
      () => {
        const json = casePackage("Ordering");
        (json.CFAssociations[2]?.destinationNodeURI as { identifier: string }).identifier = "not-in-this-package";
        return json;
      },
      "/CFAssociations/2/destinationNodeURI/identifier",
    ],
    [
      "a cycle",
      () => {
        const json = casePackage("Ordering");
        // The top item becomes the child of its own grandchild.
        (json.CFAssociations[0]?.destinationNodeURI as { identifier: string }).identifier =
          "8a1a1f29-6764-4227-bba3-809b4dac11d8";
        return json;
      },
      "/CFAssociations/",
    ],
  ];
  for (const [what, build, pointer] of broken) {
    it(what, async () => {
      const { district, leader } = await leaderOfNewDistrict();
      const response = await importInline(leader, build());
      expect(response.statusCode, response.body).toBe(422);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      const problem = response.json();
      expect(problem.detail).toContain("nothing was imported");
      expect(problem.errors[0].pointer.startsWith(pointer)).toBe(true);
      expect(response.body).not.toMatch(/\bat .+\.ts:\d+/);
      expect(await standardCount(district.id)).toBe(0);
      const frameworks = await t.db
        .select()
        .from(standardFrameworks)
        .where(eq(standardFrameworks.districtId, district.id));
      expect(frameworks).toEqual([]);
    });
  }

  it("a file that is not JSON", async () => {
    const { leader } = await leaderOfNewDistrict();
    const form = multipartForm({}, [
      { name: "standards.json", contentType: "application/json", content: "{ not json" },
    ]);
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/standards/frameworks",
      headers: { ...(await as(leader)), ...form.headers },
      payload: form.payload,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ pointer: "/body/file", detail: expect.stringContaining("not JSON") }]);
  });
});

describe("who may import and delete", () => {
  it("only district leaders import; others are refused before the file is read", async () => {
    const { district } = await leaderOfNewDistrict();
    for (const role of ["teacher", "school_leader", "family_member"] as const) {
      const response = await upload(await buildPerson(t.db, district, role), "SequenceNumberFramework");
      expect(response.statusCode, role).toBe(403);
    }
    expect(await standardCount(district.id)).toBe(0);
  });

  it("a framework is deleted by a district leader, unless a learning target uses it (409)", async () => {
    const { district, leader } = await leaderOfNewDistrict();
    const teacher = await buildPerson(t.db, district, "teacher");
    const id = (await upload(leader, "Ordering")).json().framework.id;
    const [standard] = await t.db
      .select()
      .from(standards)
      .where(and(eq(standards.frameworkId, id)));
    const [target] = await t.db
      .insert(learningTargets)
      .values({ districtId: district.id, standardId: standard?.id, statement: "I can sort shapes." })
      .returning();
    const remove = async (person: TestPerson) =>
      app.inject({ method: "DELETE", url: `/api/v1/standards/frameworks/${id}`, headers: await as(person) });
    expect((await remove(teacher)).statusCode).toBe(403);
    expect((await remove((await leaderOfNewDistrict()).leader)).statusCode).toBe(404);
    const refused = await remove(leader);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain("learning target");
    await t.db.delete(learningTargets).where(eq(learningTargets.id, target?.id as string));
    expect((await remove(leader)).statusCode).toBe(200);
    expect(await standardCount(district.id)).toBe(0);
  });
});
