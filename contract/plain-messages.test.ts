import { describe, expect, it } from "vitest";
import { z } from "zod";
import { plainMessages } from "./plain-messages";

const messageOf = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value, { error: plainMessages }).error?.issues[0]?.message;

describe("refusals in plain words", () => {
  it("names what a date, a time, an email or a choice should be, never the format's code", () => {
    expect(messageOf(z.iso.date(), "2026-13-45")).toBe("Enter a date, as year-month-day.");
    expect(messageOf(z.iso.date(), "next Tuesday")).not.toMatch(/ISO|Invalid/);
    expect(messageOf(z.iso.time(), "noonish")).toBe("Enter a time, as hours:minutes.");
    expect(messageOf(z.email(), "ana@")).toBe("Enter an email address, like name@school.org.");
    expect(messageOf(z.uuid(), "x")).toBe("Choose one of the items offered.");
  });

  it("says what is missing or how long or large a value may be", () => {
    expect(messageOf(z.string().min(1), "")).toBe("This is required.");
    expect(messageOf(z.object({ title: z.string() }), {})).toBe("This is required.");
    expect(messageOf(z.string().min(8), "short")).toBe("Use at least 8 characters.");
    expect(messageOf(z.string().max(1), "ab")).toBe("Use at most 1 character.");
    expect(messageOf(z.number().int().min(1), 0)).toBe("Enter 1 or more.");
    expect(messageOf(z.number().max(600), 601)).toBe("Enter 600 or less.");
    expect(messageOf(z.number(), "ten")).toBe("Enter a number.");
    expect(messageOf(z.array(z.string()).min(1), [])).toBe("Choose at least 1.");
  });

  it("asks for an empty date rather than calling it malformed", () => {
    expect(messageOf(z.iso.date(), "")).toBe("This is required.");
  });

  it("is what the server's validation and the web app's zod use, without being passed", async () => {
    await import("../server/http/validation");
    expect(z.iso.date().safeParse("2026-02-30").error?.issues[0]?.message).toBe("Enter a date, as year-month-day.");
    await import("../web/src/zod-jitless");
    expect(z.string().min(1).safeParse("").error?.issues[0]?.message).toBe("This is required.");
  });

  it("keeps a schema's own message", () => {
    expect(messageOf(z.string().min(1, "Give the goal a title."), "")).toBe("Give the goal a title.");
  });
});
