import { describe, expect, it } from "vitest";
import { decodeCsvFile } from "./decode-csv-file";

const text = "Student ID,Name,Q1\n1001,José García,3\n";

describe("reading a results file", () => {
  it("reads UTF-8, with or without a byte order mark", () => {
    const plain = new TextEncoder().encode(text);
    expect(decodeCsvFile(plain)).toEqual({ text, encoding: "utf-8" });
    expect(decodeCsvFile(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]))).toEqual({ text, encoding: "utf-8" });
  });

  it("reads UTF-16 with a byte order mark, and without one by its zero bytes", () => {
    const le = Buffer.from(text, "utf16le");
    expect(decodeCsvFile(new Uint8Array([0xff, 0xfe, ...le]))).toEqual({ text, encoding: "utf-16le" });
    expect(decodeCsvFile(new Uint8Array(le))).toEqual({ text, encoding: "utf-16le" });
    const be = Buffer.from(le).swap16();
    expect(decodeCsvFile(new Uint8Array([0xfe, 0xff, ...be]))).toEqual({ text, encoding: "utf-16be" });
  });

  it("reads a Windows-1252 file (Excel's CSV on Windows) as such, never as mojibake", () => {
    const bytes = Buffer.from(text, "latin1");
    expect(decodeCsvFile(new Uint8Array(bytes))).toEqual({ text, encoding: "windows-1252" });
    // Browsers read 0x80–0x9F as Windows-1252 (€ “ ” ’); Node's TextDecoder, which runs this test, as Latin-1.
  });
});
