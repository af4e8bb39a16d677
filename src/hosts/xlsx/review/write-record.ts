// The review record as an .xlsx: "Biên bản rà soát" (the official header and the counts per pillar) and "Chi tiết chỉ
// tiêu" (one row per finding, coloured by its assessment), from the same wording as the printable page.

import { formatMessage } from "../../../core/messages";
import type { RecordStatus, RecordText } from "../../../core/review";
import type { CellStyle } from "../../../core/template/types";
import type { Cell, SheetSpec } from "../consolidated/sheet";
import { writePlainBook } from "../plain-book";

type StyleKey = "motto" | "title" | "subtitle" | "label" | "value" | "header" | "count" | "total" | "wrap" | "center" | `status_${RecordStatus}`;

const TONES: Record<RecordStatus, { fill: string; color: string }> = {
  met: { fill: "C6EFCE", color: "006100" },
  explained: { fill: "FFEB9C", color: "7F6000" },
  unexplained: { fill: "FFC7CE", color: "9C0006" },
  error: { fill: "FF9999", color: "7F0000" },
  missing: { fill: "EDEDED", color: "595959" },
};

function styles(): Record<StyleKey, CellStyle> {
  const border = "thin" as const;
  const s: Partial<Record<StyleKey, CellStyle>> = {
    motto: { font: { bold: true }, align: { horizontal: "center" }, locked: true },
    title: { font: { bold: true, size: 14 }, align: { horizontal: "center" }, locked: true },
    subtitle: { font: { italic: true }, align: { horizontal: "center" }, locked: true },
    label: { font: { bold: true }, align: { vertical: "top" }, locked: true },
    value: { align: { vertical: "top", wrap: true }, locked: true },
    header: { font: { bold: true }, fill: "D9E1F2", border, align: { horizontal: "center", vertical: "center", wrap: true }, locked: true },
    count: { border, align: { horizontal: "center", vertical: "top" }, locked: true },
    total: { border, font: { bold: true }, align: { horizontal: "center", vertical: "top" }, locked: true },
    wrap: { border, align: { vertical: "top", wrap: true }, locked: true },
    center: { border, align: { horizontal: "center", vertical: "top" }, locked: true },
  };
  for (const [status, t] of Object.entries(TONES) as [RecordStatus, (typeof TONES)[RecordStatus]][]) {
    s[`status_${status}`] = { border, fill: t.fill, font: { bold: true, color: t.color }, align: { vertical: "top", wrap: true }, locked: true };
  }
  return s as Record<StyleKey, CellStyle>;
}

const c = (v: string | number | null, s: StyleKey): Cell<StyleKey> => ({ v, s });

function summarySheet(text: RecordText): SheetSpec<StyleKey> {
  const width = text.pillarColumns.length;
  const last = String.fromCharCode(64 + width);
  const rows: Cell<StyleKey>[][] = [
    [c(text.motto[0], "motto")],
    [c(text.motto[1], "motto")],
    [],
    [c(text.title, "title")],
    [c(text.subtitle, "subtitle")],
    [],
    ...text.fields.map(([label, value]) => [c(label, "label"), c(value, "value")]),
    [],
    [c(text.pillarsTitle, "label")],
    text.pillarColumns.map((h) => c(h, "header")),
    ...text.pillarRows.map((row, i) => {
      const isTotal = i === text.pillarRows.length - 1;
      return row.map((v, k) => c(v, k === 0 ? (isTotal ? "label" : "wrap") : isTotal ? "total" : "count"));
    }),
  ];
  const fieldsFrom = 7;
  return {
    widths: [28, ...text.pillarColumns.slice(1).map(() => 13)],
    rows,
    // the header's lines span the table's width; each field's value spans all but its label's column
    merges: [`A1:${last}1`, `A2:${last}2`, `A4:${last}4`, `A5:${last}5`, ...text.fields.map((_, i) => `B${fieldsFrom + i}:${last}${fieldsFrom + i}`)],
  };
}

function findingsSheet(text: RecordText): SheetSpec<StyleKey> {
  const rows: Cell<StyleKey>[][] = [
    [c(text.findingsTitle, "label")],
    text.findingColumns.map((h) => c(h, "header")),
    ...text.findings.map((f) =>
      f.cells.map((v, k) => {
        if (k === 5) return c(v, `status_${f.status}`);
        // the decision with who took it and when, as the CSV has them in columns of their own
        if (k === 7 && f.decidedBy) return c(`${v} (${f.decidedBy})`, "wrap");
        return c(v, k === 0 || k === 1 ? "center" : "wrap");
      }),
    ),
  ];
  return { widths: [6, 9, 50, 16, 18, 24, 40, 28, 36], rows, freeze: { rows: 2, columns: 3 } };
}

export function writeRecordXlsx(text: RecordText): Uint8Array {
  const name = (key: "record.sheet" | "record.sheet.findings") => formatMessage({ key, params: {} }, text.lang);
  return writePlainBook({
    title: text.title,
    styles: styles(),
    sheets: [
      { name: name("record.sheet"), spec: summarySheet(text) },
      { name: name("record.sheet.findings"), spec: findingsSheet(text) },
    ],
  });
}
