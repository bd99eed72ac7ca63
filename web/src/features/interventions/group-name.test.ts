import { describe, expect, it } from "vitest";
import { defaultGroupName } from "./group-name";

describe("a new group's default name", () => {
  it("is the target's I-can statement, with the kind of support first", () => {
    expect(defaultGroupName("intervention", "I can compare two fractions with the same numerator.")).toBe(
      "Intervention: I can compare two fractions with the same numerator.",
    );
    expect(defaultGroupName("extension", "  I can   explain my\nthinking ")).toBe(
      "Extension: I can explain my thinking",
    );
  });

  it("fits the 120 characters a name may have, ending in an ellipsis when shortened", () => {
    const name = defaultGroupName("intervention", `I can ${"read closely and ".repeat(20)}cite evidence.`);
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name.endsWith("…")).toBe(true);
    expect(name.startsWith("Intervention: I can read closely")).toBe(true);
  });
});
