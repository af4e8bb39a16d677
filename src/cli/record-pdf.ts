import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import { formatMessage } from "../core/messages";
import type { RecordStatus, RecordText } from "../core/review";

// The review record as an A4 PDF for `chitieu review --out x.pdf`: the official header, the per-pillar table and the
// findings, with the table's header repeated on each page, rows never split, and "Trang x/y" at the foot of each page.
// The text is set in DejaVu Sans (vendored in assets/fonts, licence in docs/licences.md): PDF's standard fonts have
// no Vietnamese glyphs. Same layout as the printable page: explanation under the indicator, comment under the decision.

/** assets/fonts, two levels above both src/cli (run through tsx) and build/cli (the bundle). */
const FONTS = resolve(__dirname, "..", "..", "assets", "fonts");

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 36;
const CONTENT = A4.width - 2 * MARGIN;
const FOOTER = 22;
const PAD = 2.2;
const LINE = 1.22;
/** The tables' text size (points). */
const BODY = 7.2;
const BORDER = rgb(0.55, 0.55, 0.55);
const HEADER_FILL = rgb(0.851, 0.882, 0.949);
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);

const TONES: Record<RecordStatus, { fill: RGB; color: RGB }> = {
  met: { fill: rgb(0.776, 0.937, 0.808), color: rgb(0, 0.38, 0) },
  explained: { fill: rgb(1, 0.922, 0.612), color: rgb(0.5, 0.376, 0) },
  unexplained: { fill: rgb(1, 0.78, 0.808), color: rgb(0.612, 0, 0.024) },
  error: { fill: rgb(1, 0.6, 0.6), color: rgb(0.5, 0, 0) },
  missing: { fill: rgb(0.93, 0.93, 0.93), color: rgb(0.35, 0.35, 0.35) },
};

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

interface Measures {
  regular: Measure;
  bold: Measure;
}

/** One piece of a cell: a run of text in one font and colour, wrapped to the cell's width. */
interface Run {
  text: string;
  bold?: boolean;
  color?: RGB;
  size?: number;
}

interface Cell {
  runs: Run[];
  fill?: RGB;
  align?: "left" | "center";
}

/** A font's text widths from its glyphs' advances, cached per character: pdf-lib lays out the whole text on each call. */
export class Measure {
  private readonly cache = new Map<string, number>();
  constructor(readonly font: PDFFont) {}

  width(text: string, size: number): number {
    let w = 0;
    for (const ch of text) {
      let unit = this.cache.get(ch);
      if (unit === undefined) {
        unit = this.font.widthOfTextAtSize(ch, 1000);
        this.cache.set(ch, unit);
      }
      w += unit;
    }
    return (w * size) / 1000;
  }
}

/** Splits text into lines no wider than `width`: at spaces, and inside a word only when the word alone is too wide. */
export function wrapText(text: string, font: Measure, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = "";
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.width(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      let rest = word;
      while (font.width(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.width(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

class Layout {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  /** Distance from the page's top of the next thing drawn. */
  private y = 0;

  private readonly measures: Measures;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.measures = { regular: new Measure(fonts.regular), bold: new Measure(fonts.bold) };
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = MARGIN;
  }

  private get room(): number {
    return A4.height - MARGIN - FOOTER - this.y;
  }

  private font(run: Run): PDFFont {
    return run.bold ? this.fonts.bold : this.fonts.regular;
  }

  private measure(run: Run): Measure {
    return run.bold ? this.measures.bold : this.measures.regular;
  }

  private lines(run: Run, width: number): string[] {
    return wrapText(run.text.normalize("NFC"), this.measure(run), run.size ?? BODY, width);
  }

  /** A paragraph across the content width, centred or not; moves to a new page first when it does not fit. */
  paragraph(run: Run, opts: { center?: boolean; after?: number } = {}): void {
    const size = run.size ?? 9;
    const lines = this.lines({ ...run, size }, CONTENT);
    const height = lines.length * size * LINE;
    if (height > this.room) this.newPage();
    for (const line of lines) {
      const width = this.measure(run).width(line, size);
      const x = opts.center ? MARGIN + (CONTENT - width) / 2 : MARGIN;
      this.y += size;
      this.page.drawText(line, { x, y: A4.height - this.y, size, font: this.font(run), color: run.color ?? BLACK });
      this.y += size * (LINE - 1);
    }
    this.y += opts.after ?? 0;
  }

  gap(points: number): void {
    this.y += points;
  }

  private cellHeight(cell: Cell, width: number): number {
    return cell.runs.reduce((h, run) => h + this.lines(run, width - 2 * PAD).length * (run.size ?? BODY) * LINE, 0) + 2 * PAD;
  }

  private drawRow(cells: Cell[], widths: number[], height: number): void {
    let x = MARGIN;
    const top = A4.height - this.y;
    cells.forEach((cell, i) => {
      const w = widths[i]!;
      this.page.drawRectangle({ x, y: top - height, width: w, height, borderColor: BORDER, borderWidth: 0.5, ...(cell.fill ? { color: cell.fill } : {}) });
      let ty = top - PAD;
      for (const run of cell.runs) {
        const size = run.size ?? BODY;
        for (const line of this.lines(run, w - 2 * PAD)) {
          ty -= size;
          const lw = this.measure(run).width(line, size);
          const tx = cell.align === "center" ? x + (w - lw) / 2 : x + PAD;
          this.page.drawText(line, { x: tx, y: ty, size, font: this.font(run), color: run.color ?? BLACK });
          ty -= size * (LINE - 1);
        }
      }
      x += w;
    });
    this.y += height;
  }

  /** A table whose header row is repeated at the top of every page it runs onto; a row is never split. */
  table(widths: number[], header: Cell[], rows: Cell[][]): void {
    const headerHeight = Math.max(...header.map((c, i) => this.cellHeight(c, widths[i]!)));
    const heights = rows.map((row) => Math.max(...row.map((c, i) => this.cellHeight(c, widths[i]!))));
    // the header never stands alone at a page's foot
    if (headerHeight + (heights[0] ?? 0) > this.room) this.newPage();
    this.drawRow(header, widths, headerHeight);
    rows.forEach((row, i) => {
      const h = heights[i]!;
      if (h > this.room) {
        this.newPage();
        this.drawRow(header, widths, headerHeight);
      }
      this.drawRow(row, widths, h);
    });
  }

  /** The reviewer's signature block at the right, kept whole on one page. */
  signature(title: string, hint: string, name: string): void {
    const height = 10 * LINE + 8 * LINE + 48 + 9 * LINE;
    if (height + 12 > this.room) this.newPage();
    this.y += 12;
    const centre = MARGIN + CONTENT * 0.75;
    const put = (text: string, size: number, font: PDFFont, color = BLACK) => {
      const w = font.widthOfTextAtSize(text, size);
      this.y += size;
      this.page.drawText(text, { x: centre - w / 2, y: A4.height - this.y, size, font, color });
      this.y += size * (LINE - 1);
    };
    put(title, 10, this.fonts.bold);
    put(hint, 8, this.fonts.regular, GREY);
    this.y += 48;
    if (name) put(name.normalize("NFC"), 9, this.fonts.bold);
  }

  /** "Trang x/y" centred at the foot of every page, once the number of pages is known. */
  pageNumbers(words: (page: number, pages: number) => string): void {
    this.pages.forEach((page, i) => {
      const text = words(i + 1, this.pages.length);
      const w = this.fonts.regular.widthOfTextAtSize(text, 8);
      page.drawText(text, { x: (A4.width - w) / 2, y: MARGIN / 2 + 4, size: 8, font: this.fonts.regular, color: GREY });
    });
  }
}

const FINDING_WIDTHS = [21, 34, 184, 55, 76, 83, 70.28];
const PILLAR_FIRST = 99.28;

export async function writeRecordPdf(text: RecordText): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // subset: only the glyphs used are embedded (the file stays tens of kilobytes, not the font's 700 KB)
  const fonts: Fonts = {
    regular: await doc.embedFont(readFileSync(resolve(FONTS, "DejaVuSans.ttf")), { subset: true }),
    bold: await doc.embedFont(readFileSync(resolve(FONTS, "DejaVuSans-Bold.ttf")), { subset: true }),
  };
  doc.setTitle(text.title, { showInWindowTitleBar: true });
  doc.setLanguage(text.lang === "vi" ? "vi-VN" : "en");
  doc.setCreator("Chỉ tiêu CĐS");
  doc.setProducer("Chỉ tiêu CĐS (pdf-lib)");
  const out = new Layout(doc, fonts);

  out.paragraph({ text: text.motto[0], bold: true, size: 10 }, { center: true });
  out.paragraph({ text: text.motto[1], bold: true, size: 10 }, { center: true, after: 14 });
  out.paragraph({ text: text.title, bold: true, size: 13 }, { center: true, after: 2 });
  out.paragraph({ text: text.subtitle, size: 9, color: GREY }, { center: true, after: 12 });
  for (const [label, value] of text.fields) out.paragraph({ text: `${label}: ${value}`, size: 9.5 }, { after: 2 });
  out.gap(8);

  out.paragraph({ text: text.pillarsTitle, bold: true, size: 10 }, { after: 4 });
  const counts = text.pillarColumns.length - 1;
  const pillarWidths = [PILLAR_FIRST, ...Array.from({ length: counts }, () => (CONTENT - PILLAR_FIRST) / counts)];
  const head = (h: string): Cell => ({ runs: [{ text: h, bold: true, size: 7 }], fill: HEADER_FILL, align: "center" });
  out.table(
    pillarWidths,
    text.pillarColumns.map(head),
    text.pillarRows.map((row, r) => {
      const total = r === text.pillarRows.length - 1;
      return row.map((v, i): Cell => ({ runs: [{ text: String(v), bold: total, size: 8 }], align: i === 0 ? "left" : "center" }));
    }),
  );
  out.gap(10);

  out.paragraph({ text: text.findingsTitle, bold: true, size: 10 }, { after: 4 });
  if (text.findings.length === 0) out.paragraph({ text: text.empty, size: 9 });
  else {
    const [no, code, indicator, figure, target, status, , decision] = text.findingColumns;
      out.table(
      FINDING_WIDTHS,
      [no!, code!, indicator!, figure!, target!, status!, decision!].map(head),
      text.findings.map((f) => {
        const [n, c, label, fig, tgt, st, explanation, dec, comment] = f.cells;
        const tone = TONES[f.status];
        return [
          { runs: [{ text: n }], align: "center" },
          { runs: [{ text: c }] },
          { runs: [{ text: label }, ...(explanation ? [{ text: `${text.notes.explanation}: ${explanation}`, size: 7, color: GREY }] : [])] },
          { runs: [{ text: fig }] },
          { runs: [{ text: tgt }] },
          { runs: [{ text: st, bold: true, color: tone.color }], fill: tone.fill },
          {
            runs: [
              { text: dec },
              ...(f.decisionNote ? [{ text: `(${f.decisionNote})`, size: 7, color: GREY }] : []),
              ...(comment ? [{ text: `${text.notes.comment}: ${comment}`, size: 7, color: GREY }] : []),
            ],
          },
        ];
      }),
    );
  }
  out.signature(text.signature.title, text.signature.hint, text.signature.name);
  out.pageNumbers((page, pages) => formatMessage({ key: "record.page", params: { page, pages } }, text.lang));
  return doc.save();
}
