import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { CsvFormatError, type CsvRecord, readCsvRecords } from "./parse-csv";

/** Reads `text` split into chunks of `size` bytes (1 = every byte on its own, across UTF-8 sequences too). */
async function read(text: string, size = 1 << 16): Promise<CsvRecord[]> {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  const records: CsvRecord[] = [];
  for await (const batch of readCsvRecords(Readable.from(chunks))) records.push(...batch);
  return records;
}

const CASES: [string, string, CsvRecord[]][] = [
  [
    "plain LF, no final newline",
    "a,b\n1,2",
    [
      { fields: ["a", "b"], line: 1 },
      { fields: ["1", "2"], line: 2 },
    ],
  ],
  [
    "BOM and CRLF",
    "\uFEFFa,b\r\n1,2\r\n",
    [
      { fields: ["a", "b"], line: 1 },
      { fields: ["1", "2"], line: 2 },
    ],
  ],
  [
    "quoted commas, doubled quotes, CRLF inside quotes",
    'a,b\r\n"x, y","say ""hi""\r\nthere"\r\nz,\r\n',
    [
      { fields: ["a", "b"], line: 1 },
      { fields: ["x, y", 'say "hi"\r\nthere'], line: 2 },
      { fields: ["z", ""], line: 4 },
    ],
  ],
  [
    "blank lines kept as one blank field",
    "a\n\n\nb\n",
    [
      { fields: ["a"], line: 1 },
      { fields: [""], line: 2 },
      { fields: [""], line: 3 },
      { fields: ["b"], line: 4 },
    ],
  ],
  ["a quote inside an unquoted field is text", 'a,5" tall,b\n', [{ fields: ["a", '5" tall', "b"], line: 1 }]],
  [
    "empty quoted fields and CR line ends",
    'a,""\r"",b\r',
    [
      { fields: ["a", ""], line: 1 },
      { fields: ["", "b"], line: 2 },
    ],
  ],
  [
    "multibyte text",
    "名前,é\nサム,ü\n",
    [
      { fields: ["名前", "é"], line: 1 },
      { fields: ["サム", "ü"], line: 2 },
    ],
  ],
];

describe("reading CSV records", () => {
  for (const [name, text, expected] of CASES) {
    it(`${name}, whole or byte by byte`, async () => {
      expect(await read(text)).toEqual(expected);
      expect(await read(text, 1)).toEqual(expected);
      expect(await read(text, 3)).toEqual(expected);
    });
  }

  it("refuses an unclosed quote and a stray quote after a field, naming the record's line", async () => {
    for (const size of [1, 1 << 16]) {
      await expect(read('a\nb\n"open,\nstill open', size)).rejects.toEqual(
        new CsvFormatError(3, "A quoted field opened here is never closed."),
      );
      const stray = await read('a\n"x"y,z\n', size).catch((error: unknown) => error);
      expect(stray).toBeInstanceOf(CsvFormatError);
      expect((stray as CsvFormatError).line).toBe(2);
    }
  });
});
