import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";

export type Cell = string | number | null;
/** One section of a report as a table: a CSV block, a worksheet, or a table in the PDF. */
export type ReportSection = { name: string; note?: string; rows: Cell[][] };

/** Text a spreadsheet would run as a formula (=, +, -, @ …) is kept as text (OWASP CSV injection). */
export function safe(value: Cell): Cell {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A title row, then the sections one after another, each under its name after a blank line; UTF-8 with a BOM. */
export function sectionsCsv(title: Cell[], sections: readonly ReportSection[]): string {
  const rows = [title, ...sections.flatMap((section) => [[], [section.name], ...section.rows])];
  return `\uFEFF${stringify(rows.map((row) => row.map(safe)))}`;
}

/** One worksheet per section, its first row in bold. */
export async function sectionsXlsx(sections: readonly ReportSection[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Collective";
  for (const section of sections) {
    const sheet = workbook.addWorksheet(section.name.slice(0, 31));
    for (const row of section.rows) sheet.addRow(row.map(safe));
    sheet.getRow(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
