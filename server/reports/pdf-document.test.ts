import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createPdf, familyRuns } from "./pdf-document";

// Names a district's roster holds: every one must come out of the PDF as it went in (a letter the font lacks
// is drawn as an empty box and lost to text extraction).
const NAMES = [
  "王小明",
  "さくら 田中",
  "김민지",
  "مريم",
  "Оксана Шевченко",
  "Ἀλέξανδρος",
  "Nguyễn Thị Hà",
  "Zoë O’Brien",
];

describe("PDF text in every script", () => {
  it("cuts a text only where its letters need another family", () => {
    expect(familyRuns("王小明 and 김민지 (Grade 5)")).toEqual([
      { suffix: " SC", text: "王小明 and " },
      { suffix: " KR", text: "김민지 (Grade 5)" },
    ]);
    expect(familyRuns("Grade 5: Оксана")).toEqual([{ suffix: "", text: "Grade 5: Оксана" }]);
  });

  it("writes Chinese, Japanese, Korean, Arabic, Cyrillic, Greek and Vietnamese names, alone and in one line", async () => {
    const pdf = createPdf("Names");
    pdf.title("Names · 名前 · 이름");
    pdf.text(`In one line: ${NAMES.join(", ")}`);
    pdf.table([["Name", "Students"], ...NAMES.map((name, i) => [name, i + 1])]);
    pdf.barChart({
      title: "Students",
      series: [{ name: "Students", color: "#1f4e9c" }],
      bars: NAMES.map((label, i) => ({ label, values: [i + 1] })),
    });
    const dir = mkdtempSync(path.join(os.tmpdir(), "collective-pdf-names-"));
    try {
      const file = path.join(dir, "names.pdf");
      writeFileSync(file, await pdf.finish());
      const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).normalize("NFC");
      for (const name of NAMES) {
        // Arabic comes out in visual order with direction marks; its letters must all be there.
        const letters = /\p{Script=Arabic}/u.test(name) ? [...name].reverse().join("") : name;
        expect(text.replace(/[\u202a-\u202e]/g, ""), name).toMatch(new RegExp(`${letters}|${name}`));
      }
      expect(text).toContain("Names · 名前 · 이름");
      const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" });
      for (const font of ["DejaVuSans", "NotoSansSC", "NotoSansKR"]) expect(fonts).toContain(font);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
