import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

type Cell = string | number | null;

const require = createRequire(import.meta.url);
/**
 * DejaVu Sans (the dejavu-fonts-ttf package), embedded and subset by pdfkit: Latin, Greek, Cyrillic,
 * Armenian, Georgian, Hebrew and more, where PDF's built-in Helvetica has Latin only and drops other names.
 */
const FONTS = {
  body: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
};
/** The names every PDF of Collective writes with: `doc.font(BODY)`, `doc.font(BOLD)`. */
export const BODY = "Body";
export const BOLD = "Bold";

/** A new letter-sized PDF with the fonts registered and the body font selected. */
export function newPdfDocument(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: "LETTER", ...options });
  doc.registerFont(BODY, FONTS.body);
  doc.registerFont(BOLD, FONTS.bold);
  return doc.font(BODY);
}

/** One bar of a chart: its label and its values, one per series. */
export type ChartBar = { label: string; values: number[] };
export type BarChart = {
  /** Read aloud nowhere, but printed above the chart. */
  title: string;
  series: { name: string; color: string }[];
  bars: ChartBar[];
  /** How a value is written at the end of its bar. */
  format?: (value: number) => string;
};

/** A letter-sized PDF being written, with the few things the reports draw: headings, text and tables. */
export type PdfWriter = {
  doc: PDFKit.PDFDocument;
  /** The document's title, large, at the top of the first page. */
  title: (text: string) => void;
  heading: (text: string) => void;
  text: (text: string) => void;
  /** The first row is the header unless `header` is false. */
  table: (rows: Cell[][], widths?: number[], options?: { header?: boolean }) => void;
  /** Horizontal bars, one group per label, one bar per series, with a legend. */
  barChart: (chart: BarChart) => void;
  finish: () => Promise<Buffer>;
};

const FONT_SIZE = 9;

export function createPdf(documentTitle: string): PdfWriter {
  const doc = newPdfDocument({ margin: 48, info: { Title: documentTitle, Creator: "Collective" } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const left = doc.page.margins.left;
  const usable = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  const title = (value: string) => {
    doc.font(BOLD).fontSize(16).fillColor("#000000").text(value, left, undefined, { width: usable });
    doc.font(BODY).fontSize(FONT_SIZE);
  };
  const heading = (text: string) => {
    doc.moveDown(0.6).font(BOLD).fontSize(12).fillColor("#000000").text(text, left);
    doc.font(BODY).fontSize(FONT_SIZE);
  };
  const text = (value: string) => {
    doc.font(BODY).fontSize(FONT_SIZE).fillColor("#333333").text(value, left, undefined, { width: usable });
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
      doc.font(bold ? BOLD : BODY).fontSize(FONT_SIZE);
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
  const barChart = (chart: BarChart) => {
    const format = chart.format ?? ((value: number) => String(value));
    const labelWidth = usable * 0.3;
    const valueWidth = 40;
    const plotWidth = usable - labelWidth - valueWidth;
    const barHeight = 9;
    const groupHeight = chart.series.length * barHeight + 6;
    const max = Math.max(1, ...chart.bars.flatMap((bar) => bar.values));
    const needed = 40 + chart.bars.length * groupHeight;
    if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
    doc.moveDown(0.3).font(BOLD).fontSize(FONT_SIZE).fillColor("#000000").text(chart.title, left);
    // The legend: a swatch and the series' name, side by side.
    let x = left;
    const legendY = doc.y + 2;
    for (const series of chart.series) {
      doc.rect(x, legendY, 8, 8).fill(series.color);
      doc
        .font(BODY)
        .fillColor("#000000")
        .text(series.name, x + 12, legendY, { lineBreak: false });
      x += 12 + doc.widthOfString(series.name) + 16;
    }
    let y = legendY + 16;
    for (const bar of chart.bars) {
      doc.font(BODY).fontSize(FONT_SIZE).fillColor("#000000");
      doc.text(bar.label, left, y, { width: labelWidth - 6, height: groupHeight, ellipsis: true });
      for (const [i, value] of bar.values.entries()) {
        const series = chart.series[i];
        if (!series) continue;
        const barY = y + i * barHeight;
        const width = (plotWidth * Math.max(0, value)) / max;
        if (width > 0) doc.rect(left + labelWidth, barY, width, barHeight - 2).fill(series.color);
        doc
          .fillColor("#000000")
          .text(format(value), left + labelWidth + width + 4, barY, { lineBreak: false, width: valueWidth });
      }
      y += groupHeight;
    }
    doc
      .moveTo(left + labelWidth, legendY + 14)
      .lineTo(left + labelWidth, y)
      .lineWidth(0.5)
      .strokeColor("#555555")
      .stroke();
    doc.x = left;
    doc.y = y + 4;
  };
  return {
    doc,
    title,
    heading,
    text,
    table,
    barChart,
    finish: () => {
      doc.end();
      return done;
    },
  };
}
