import { describe, expect, it } from "vitest";
import { casePackage } from "../../test/case-fixtures";
import { readCasePackage } from "./case-package";
import { planFramework } from "./case-tree";

function plan(json: unknown) {
  const read = readCasePackage(json);
  if ("problems" in read) throw new Error(JSON.stringify(read.problems));
  return planFramework(read.pkg);
}

function problemsOf(json: unknown) {
  const read = readCasePackage(json);
  if ("problems" in read) return read.problems;
  const planned = planFramework(read.pkg);
  return "problems" in planned ? planned.problems : [];
}

function codes(json: unknown): (string | undefined)[] {
  const planned = plan(json);
  if ("problems" in planned) throw new Error("problems");
  return planned.plan.nodes.map((n) => n.item.humanCodingScheme);
}

describe("reading a CFPackage", () => {
  it("orders siblings by sequenceNumber before their codes", () => {
    expect(codes(casePackage("SequenceNumberFramework"))).toEqual(["SNT.2", "SNT.1"]);
  });

  it("orders unnumbered siblings by code in natural order, and walks the tree parents first", () => {
    const planned = plan(casePackage("Ordering"));
    if ("problems" in planned) throw new Error("problems");
    const { nodes } = planned.plan;
    expect(nodes.slice(0, 6).map((n) => [n.item.humanCodingScheme, n.depth, n.position])).toEqual([
      ["H.A.MATH.GM", 0, 0],
      ["H.A.MATH.GM.PF", 1, 0],
      ["H.A.MATH.GM.PF.2DFP", 2, 0],
      ["H.A.MATH.GM.PF.2DFP.L1", 3, 0],
      ["H.A.MATH.GM.PF.2DFP.L1.1", 4, 0],
      ["H.A.MATH.GM.PF.2DFP.L1.2", 4, 1],
    ]);
    expect(nodes.slice(4).map((n) => n.item.humanCodingScheme)).toEqual(
      Array.from({ length: 24 }, (_, i) => `H.A.MATH.GM.PF.2DFP.L1.${i + 1}`),
    );
    expect(planned.plan.warnings).toEqual([]);
  });

  it("names an item's type from its CFItemTypeURI when CFItemType is absent", () => {
    const json = casePackage("ItemTypeTestFramework");
    delete json.CFItems[0]?.CFItemType;
    const planned = plan(json);
    if ("problems" in planned) throw new Error("problems");
    expect(planned.plan.nodes[0]?.itemType).toBe("Standard");
  });

  it("ignores properties it does not know (CASE 1.1 extensions) and accepts nulls for absent fields", () => {
    const json = casePackage("SequenceNumberFramework");
    json.CFDocument.extensions = { frameworkType: "state" };
    json.CFDocument.publisher = null;
    Object.assign(json.CFItems[0] ?? {}, { extensions: { x: 1 }, educationLevel: "KG, 01", notes: null });
    expect(problemsOf(json)).toEqual([]);
    const planned = plan(json);
    if ("problems" in planned) throw new Error("problems");
    expect(planned.plan.nodes.find((n) => n.item.humanCodingScheme === "SNT.1")?.item.educationLevel).toEqual([
      "KG",
      "01",
    ]);
  });

  it("places an item with no isChildOf at the top, with a warning", () => {
    const json = casePackage("SequenceNumberFramework");
    json.CFAssociations = json.CFAssociations.slice(1);
    const planned = plan(json);
    if ("problems" in planned) throw new Error("problems");
    expect(planned.plan.nodes).toHaveLength(2);
    expect(planned.plan.warnings).toEqual([{ pointer: "/CFItems/0", detail: expect.stringContaining("SNT.1") }]);
  });
});

describe("a broken CFPackage names what is wrong", () => {
  it("a missing CFDocument", () => {
    const { CFDocument: _gone, ...json } = casePackage("MarkdownFramework");
    expect(problemsOf(json)).toEqual([{ pointer: "/CFDocument", detail: "This is required." }]);
  });

  it("an item without an identifier", () => {
    const json = casePackage("MarkdownFramework");
    delete json.CFItems[1]?.identifier;
    expect(problemsOf(json)).toEqual([{ pointer: "/CFItems/1/identifier", detail: "This is required." }]);
  });

  it("something that is not a package at all", () => {
    expect(problemsOf([1, 2])).toEqual([{ pointer: "/", detail: expect.stringContaining("CFDocument") }]);
  });

  it("an association to an unknown node", () => {
    const json = casePackage("Ordering");
    const association = json.CFAssociations[3] as { destinationNodeURI: { identifier: string } };
    association.destinationNodeURI.identifier = "99999999-0000-0000-0000-000000000000";
    expect(problemsOf(json)).toEqual([
      {
        pointer: "/CFAssociations/3/destinationNodeURI/identifier",
        detail: expect.stringContaining("99999999-0000-0000-0000-000000000000"),
      },
    ]);
  });

  it("two items with one identifier", () => {
    const json = casePackage("MarkdownFramework");
    (json.CFItems[1] as { identifier: string }).identifier = json.CFItems[0]?.identifier as string;
    // The associations that named the renamed item's identifier are reported after it.
    expect(problemsOf(json)[0]).toEqual({
      pointer: "/CFItems/1/identifier",
      detail: expect.stringContaining("/CFItems/0"),
    });
  });

  it("every problem at once: a repeated identifier and an association to an unknown node", () => {
    const json = casePackage("Ordering");
    (json.CFItems[1] as { identifier: string }).identifier = json.CFItems[0]?.identifier as string;
    const association = json.CFAssociations[3] as { destinationNodeURI: { identifier: string } };
    association.destinationNodeURI.identifier = "99999999-0000-0000-0000-000000000000";
    expect(problemsOf(json).map((p) => p.pointer)).toEqual(
      expect.arrayContaining(["/CFItems/1/identifier", "/CFAssociations/3/destinationNodeURI/identifier"]),
    );
  });

  it("a cycle, without hanging", () => {
    const json = casePackage("Ordering");
    // H.A.MATH.GM (the top) becomes a child of H.A.MATH.GM.PF.2DFP.L1, three levels below it.
    const top = json.CFAssociations[0] as { destinationNodeURI: { identifier: string } };
    top.destinationNodeURI.identifier = "43bf51d6-3d92-4170-9531-df56731a1b6d";
    const problems = problemsOf(json);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.pointer).toMatch(/^\/CFAssociations\/\d+$/);
    expect(problems[0]?.detail).toContain("cycle");
    expect(problems[0]?.detail).toContain("H.A.MATH.GM.PF.2DFP.L1");
  });

  it("an item that is its own parent", () => {
    const json = casePackage("MarkdownFramework");
    const association = json.CFAssociations[0] as {
      originNodeURI: { identifier: string };
      destinationNodeURI: { identifier: string };
    };
    association.destinationNodeURI.identifier = association.originNodeURI.identifier;
    expect(problemsOf(json)).toEqual([
      { pointer: "/CFAssociations/0", detail: expect.stringContaining("MD.Math → MD.Math") },
    ]);
  });

  it("reports at most 50 problems for a package that repeats one mistake", () => {
    const json = casePackage("MarkdownFramework");
    json.CFItems = Array.from({ length: 500 }, () => ({ fullStatement: "x" }));
    expect(problemsOf(json)).toHaveLength(50);
  });
});
