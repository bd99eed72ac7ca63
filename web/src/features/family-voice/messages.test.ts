import { describe, expect, it } from "vitest";
import { SUPPORT_PROGRESS } from "../../../../contract/family-voice";
import { familyLanguageOf, familyMessages, formatFamilyDay } from "./messages";

/** Every key path of a catalogue, nested records included, with what each holds. */
function entries(value: unknown, prefix = ""): [string, unknown][] {
  if (typeof value !== "object" || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, inner]) => entries(inner, prefix ? `${prefix}.${key}` : key));
}

describe("family page messages", () => {
  const en = entries(familyMessages.en);
  const es = entries(familyMessages.es);

  it("has the same keys in English and Spanish", () => {
    expect(es.map(([key]) => key).sort()).toEqual(en.map(([key]) => key).sort());
  });

  it("has something to say for every key, and says it differently in Spanish", () => {
    for (const [, text] of [...en, ...es]) {
      if (typeof text === "function") expect(String(text("X", "Y", "Z")).length).toBeGreaterThan(0);
      else expect(String(text).length).toBeGreaterThan(0);
    }
    const spanish = new Map(es);
    const untranslated = en.filter(([key, text]) => typeof text === "string" && spanish.get(key) === text);
    expect(untranslated).toEqual([]);
  });

  it("covers every way a plan can be going", () => {
    for (const language of ["en", "es"] as const) {
      expect(Object.keys(familyMessages[language].progress).sort()).toEqual([...SUPPORT_PROGRESS].sort());
    }
    expect(familyMessages.en.progress.on_track("12 December 2026")).toBe(
      "On track to reach the goal by 12 December 2026.",
    );
  });

  it("picks the language and writes dates in it", () => {
    expect(familyLanguageOf("es")).toBe("es");
    expect(familyLanguageOf("es-MX")).toBe("es");
    expect(familyLanguageOf("fr")).toBe("en");
    expect(formatFamilyDay("2026-12-12", "en")).toBe("12 December 2026");
    expect(formatFamilyDay("2026-12-12", "es")).toBe("12 de diciembre de 2026");
  });
});
