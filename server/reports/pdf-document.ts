import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

type Cell = string | number | null;

const require = createRequire(import.meta.url);
/**
 * The families every PDF writes with, each a regular and a bold face embedded and subset by pdfkit. DejaVu Sans
 * (dejavu-fonts-ttf) writes Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew, Arabic and more, where PDF's
 * built-in Helvetica has Latin only; it has no Chinese, Japanese or Korean, so a text with those letters is
 * written in Noto Sans SC (Han, kana, Bopomofo) or, when it has Hangul, Noto Sans KR (Hangul with Han and kana),
 * both from Google Fonts as packaged by @expo-google-fonts.
 */
const FAMILIES = [
  {
    suffix: "",
    regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
    bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
  },
  {
    suffix: " SC",
    regular: require.resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf"),
    bold: require.resolve("@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf"),
  },
  {
    suffix: " KR",
    regular: require.resolve("@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf"),
    bold: require.resolve("@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf"),
  },
] as const;
/** The names every PDF of Collective writes with: `doc.font(BODY)`, `doc.font(BOLD)`. */
export const BODY = "Body";
export const BOLD = "Bold";

type Suffix = (typeof FAMILIES)[number]["suffix"];
const HANGUL = /\p{Script=Hangul}/u;
const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]/u;
/** Letters only DejaVu has among the families (Greek, Cyrillic, Arabic, Hebrew…): Latin and signs go anywhere. */
const DEJAVU_ONLY =
  /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]/u;

function familyOfChar(char: string): Suffix | null {
  if (HANGUL.test(char)) return " KR";
  if (HAN_OR_KANA.test(char)) return " SC";
  if (DEJAVU_ONLY.test(char)) return "";
  return null;
}

/** The family (its suffix) that writes the letters of a text: Korean, then Chinese and Japanese, else DejaVu. */
export function familyFor(text: string): Suffix {
  if (HANGUL.test(text)) return " KR";
  if (HAN_OR_KANA.test(text)) return " SC";
  return "";
}

/**
 * A text cut where its letters need another family; Latin letters, digits, spaces and signs stay with the run
 * they are in (every family writes them), so "王小明 and 김민지" is two runs, not five.
 */
export function familyRuns(text: string): { suffix: Suffix; text: string }[] {
  const runs: { suffix: Suffix | null; text: string }[] = [];
  for (const char of text) {
    const family = familyOfChar(char);
    const last = runs.at(-1);
    if (last && (family === null || last.suffix === family || last.suffix === null)) {
      last.text += char;
      if (last.suffix === null) last.suffix = family;
    } else runs.push({ suffix: family, text: char });
  }
  return runs.map((run) => ({ suffix: run.suffix ?? "", text: run.text }));
}

/**
 * A new letter-sized PDF with the fonts registered and the body font selected. Every text drawn or measured is
 * written in the family that has its letters, in the weight last chosen with `doc.font(BODY | BOLD)`.
 */
export function newPdfDocument(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: "LETTER", ...options });
  for (const family of FAMILIES) {
    doc.registerFont(BODY + family.suffix, family.regular);
    doc.registerFont(BOLD + family.suffix, family.bold);
  }
  let weight = BODY;
  const font = doc.font.bind(doc);
  // pdfkit measures words through widthOfString while it writes a text: those calls keep the text's family.
  let inside = false;
  const withFamilyFor = <T>(value: unknown, run: () => T): T => {
    const suffix = familyFor(String(value ?? ""));
    if (inside || suffix === "") return run();
    inside = true;
    font(weight + suffix);
    try {
      return run();
    } finally {
      font(weight);
      inside = false;
    }
  };
  doc.font = ((src: PDFKit.Mixins.PDFFontSource, ...rest: unknown[]) => {
    if (src === BODY || src === BOLD) weight = src;
    return (font as (...args: unknown[]) => PDFKit.PDFDocument)(src, ...rest);
  }) as typeof doc.font;
  const text = doc.text.bind(doc) as (...args: unknown[]) => PDFKit.PDFDocument;
  // A text of several families is written run by run as one continued text, so it wraps as one.
  doc.text = ((value: unknown, ...rest: unknown[]) => {
    const runs = inside || typeof value !== "string" ? [] : familyRuns(value);
    if (runs.length < 2) return withFamilyFor(value, () => text(value, ...rest));
    const hasPosition = typeof rest[0] === "number";
    const position = hasPosition ? rest.slice(0, 2) : [];
    const options = ((hasPosition ? rest[2] : rest[0]) ?? {}) as PDFKit.Mixins.TextOptions;
    for (const [i, run] of runs.entries()) {
      const last = i === runs.length - 1;
      const runOptions = { ...options, continued: last ? options.continued : true };
      withFamilyFor(run.text, () => text(run.text, ...(i === 0 ? position : []), runOptions));
    }
    return doc;
  }) as typeof doc.text;
  const widthOf = doc.widthOfString.bind(doc);
  doc.widthOfString = (value, options) => withFamilyFor(value, () => widthOf(value, options));
  const heightOf = doc.heightOfString.bind(doc);
  doc.heightOfString = (value, options) => withFamilyFor(value, () => heightOf(value, options));
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
