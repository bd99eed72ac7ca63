import PDFDocument from "pdfkit";

type Cell = string | number | null;

/** A letter-sized PDF being written, with the few things the reports draw: headings, text and tables. */
export type PdfWriter = {
  doc: PDFKit.PDFDocument;
  heading: (text: string) => void;
  text: (text: string) => void;
  /** The first row is the header unless `header` is false. */
  table: (rows: Cell[][], widths?: number[], options?: { header?: boolean }) => void;
  finish: () => Promise<Buffer>;
};

const FONT_SIZE = 9;

export function createPdf(title: string): PdfWriter {
  const doc = new PDFDocument({ size: "LETTER", margin: 48, info: { Title: title, Creator: "Collective" } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const left = doc.page.margins.left;
  const usable = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  const heading = (text: string) => {
    doc.moveDown(0.6).font("Helvetica-Bold").fontSize(12).fillColor("#000000").text(text, left);
    doc.font("Helvetica").fontSize(FONT_SIZE);
  };
  const text = (value: string) => {
    doc.font("Helvetica").fontSize(FONT_SIZE).fillColor("#333333").text(value, left, undefined, { width: usable });
    doc.fillColor("#000000");
  };
  // The first row is the header; a row that would run off the page starts a new one, header repeated.
  const table = (rows: Cell[][], widths?: number[], options: { header?: boolean } = {}) => {
    const hasHeader = options.header !== false;
    const header = hasHeader ? rows[0] : undefined;
    const body = hasHeader ? rows.slice(1) : rows;
    const first = rows[0];
    if (!first) return;
    const share = widths ?? first.map(() => 1);
    const total = share.reduce((a, b) => a + b, 0);
    const columns = share.map((w) => (usable * w) / total);
    const drawRow = (row: Cell[], bold: boolean) => {
      doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(FONT_SIZE);
      const height =
        Math.max(...row.map((cell, i) => doc.heightOfString(String(cell ?? "—"), { width: (columns[i] ?? 40) - 4 }))) +
        4;
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
        doc.addPage();
        if (!bold && header) drawRow(header, true);
      }
      const y = doc.y;
      let x = left;
      for (const [i, cell] of row.entries()) {
        const width = columns[i] ?? 40;
        doc.text(String(cell ?? "—"), x + 2, y + 2, { width: width - 4 });
        x += width;
      }
      doc
        .moveTo(left, y + height)
        .lineTo(left + usable, y + height)
        .lineWidth(0.3)
        .strokeColor("#999999")
        .stroke();
      doc.y = y + height;
    };
    doc.moveDown(0.3);
    if (header) drawRow(header, true);
    for (const row of body) drawRow(row, false);
    doc.x = left;
  };
  return {
    doc,
    heading,
    text,
    table,
    finish: () => {
      doc.end();
      return done;
    },
  };
}
