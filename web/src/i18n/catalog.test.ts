import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import es from "./es.json";

const catalogs: Record<string, Record<string, string>> = { en, es };

describe("the message catalog", () => {
  it("has every key in every language", () => {
    const keys = Object.keys(en).sort();
    for (const [language, catalog] of Object.entries(catalogs)) {
      expect(Object.keys(catalog).sort(), language).toEqual(keys);
    }
  });

  it("holds messages that parse as ICU MessageFormat, with the same arguments in each language", () => {
    type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }> };
    const namesIn = (elements: Element[]): string[] =>
      elements.flatMap((element) => [
        // Literals (0) and "#" (7) and tags (8) name nothing; every other element is an argument.
        ...(![0, 7, 8].includes(element.type) && typeof element.value === "string" ? [element.value] : []),
        ...Object.values(element.options ?? {}).flatMap((option) => namesIn(option.value)),
      ]);
    const argumentsOf = (message: string) =>
      [...new Set(namesIn(new IntlMessageFormat(message, "en").getAst() as Element[]))].sort();
    for (const [language, catalog] of Object.entries(catalogs)) {
      for (const [key, message] of Object.entries(catalog)) {
        expect(() => new IntlMessageFormat(message, language), `${language} ${key}`).not.toThrow();
        expect(argumentsOf(message), `${language} ${key}`).toEqual(
          argumentsOf((en as Record<string, string>)[key] ?? ""),
        );
      }
    }
  });
});
