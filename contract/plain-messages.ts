import type { z } from "zod";

const FORMATS: Record<string, string> = {
  date: "Enter a date, as year-month-day.",
  datetime: "Enter a date and a time.",
  time: "Enter a time, as hours:minutes.",
  email: "Enter an email address, like name@school.org.",
  url: "Enter a web address, like https://example.org.",
  uuid: "Choose one of the items offered.",
  guid: "Choose one of the items offered.",
};

/** What a refused field that was left out (or empty) says. */
export const REQUIRED = "This is required.";

const plural = (count: number | bigint, one: string, many: string) => (Number(count) === 1 ? one : many);

/**
 * The words a person reads when a field is refused, in place of zod's own ("Invalid ISO date", "Too small: expected
 * string to have >=1 characters"). A schema's own message still comes first; what is not listed here keeps zod's.
 * The web app and the server both install it (z.config({ customError })).
 */
export const plainMessages: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_format":
      return issue.input === "" ? REQUIRED : FORMATS[issue.format];
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return REQUIRED;
      if (issue.expected === "number" || issue.expected === "int") return "Enter a number.";
      return undefined;
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1
          ? REQUIRED
          : `Use at least ${issue.minimum} ${plural(issue.minimum, "character", "characters")}.`;
      if (issue.origin === "number" || issue.origin === "int") return `Enter ${issue.minimum} or more.`;
      if (issue.origin === "array" || issue.origin === "set") return `Choose at least ${issue.minimum}.`;
      return undefined;
    case "too_big":
      if (issue.origin === "string")
        return `Use at most ${issue.maximum} ${plural(issue.maximum, "character", "characters")}.`;
      if (issue.origin === "number" || issue.origin === "int") return `Enter ${issue.maximum} or less.`;
      if (issue.origin === "array" || issue.origin === "set") return `Choose at most ${issue.maximum}.`;
      return undefined;
    default:
      return undefined;
  }
};
