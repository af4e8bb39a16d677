// Every real workbook in the corpus: highlighting changes only what it must, keeps all of the officials' content,
// and clearing gives back every part byte for byte.

import { applyHighlightsWithReport, clearHighlights, hasHighlights } from "../../../../src/hosts/xlsx/mark";
import { ChitieuError } from "../../../../src/core/errors";
import { PartView } from "../../../../src/hosts/xlsx/mark/part-view";
import { readWorkbook } from "../../../../src/hosts/xlsx/mark/workbook";
import type { HighlightPlan } from "../../../../src/core/highlight-plan";
import { expectationFor, pinned } from "../../../support/corpus-expected";
import { corpusFiles, differingParts, featureCounts, isSubsequence, mark, noteCells, open, plan, readCorpus, text } from "./helpers";

interface Outcome {
  file: string;
  result: "lossless" | "rejected" | "no-worksheet";
  detail: string;
}
const outcomes: Outcome[] = [];

/** A1 plus the first cell holding a value on the first worksheet (B2 when the sheet does not say where its cells are). */
function planFor(bytes: Uint8Array): HighlightPlan | undefined {
  const view = new PartView(open(bytes));
  const sheet = readWorkbook(view).sheets.find((s) => s.kind === "worksheet" && s.part);
  if (!sheet?.part) return undefined;
  const xml = view.requireText(sheet.part);
  const firstValue = /<(?:\w+:)?c\b[^>]*\sr="([A-Z]+[0-9]+)"[^>]*>(?:(?!<\/(?:\w+:)?c>)[\s\S])*?<(?:\w+:)?(?:v|is)[\s>]/.exec(xml)?.[1] ?? "B2";
  return plan(
    mark(sheet.name, "A1", "error", "Ô A1: số liệu không hợp lệ"),
    mark(sheet.name, firstValue, "warning", `Ô ${firstValue}: chưa đạt mục tiêu 2025 (tối thiểu 80%)`),
    mark(sheet.name, "D7", "info", "Ô D7: còn thiếu minh chứng"),
  );
}

const ourSpan = /chitieu|rIdChitieuCds|Chỉ tiêu CĐS/i;

describe.each(corpusFiles())("%s", (file) => {
  it("is highlighted and cleared losslessly, or refused with its pinned code (tests/fixtures/corpus/expected.json)", () => {
    const original = readCorpus(file);
    let input;
    try {
      input = open(original);
    } catch (e) {
      expect(e).toBeInstanceOf(ChitieuError);
      expect({ file, mark: { refused: (e as { code: string }).code } }).toEqual({ file, mark: pinned(file, "mark") });
      outcomes.push({ file, result: "rejected", detail: `openPackage: ${(e as { code: string }).code}` });
      return;
    }
    let p: HighlightPlan | undefined;
    let report;
    try {
      p = planFor(original);
      if (!p) {
        outcomes.push({ file, result: "no-worksheet", detail: "" });
        throw new Error(`${file}: no worksheet to mark, which expected.json does not pin`);
      }
      report = applyHighlightsWithReport(original, p);
    } catch (e) {
      if (!(e instanceof ChitieuError)) throw e;
      expect({ file, mark: { refused: e.code } }).toEqual({ file, mark: pinned(file, "mark") });
      outcomes.push({ file, result: "rejected", detail: `${e.code}` });
      return;
    }
    expect({ file, mark: "lossless", clear: "lossless" }).toEqual({ file, mark: pinned(file, "mark"), clear: pinned(file, "clear") });
    const marked = open(report.bytes);
    expect(original).toEqual(readCorpus(file)); // input never modified

    // parts we had no reason to touch are byte-identical; the ones we touched only gained text
    const changed = differingParts(input, marked);
    for (const name of changed) {
      if (!input.names.includes(name)) {
        expect(name).toMatch(/chitieuCds|_rels\/[^/]+\.rels$|styles\.xml$/);
        continue;
      }
      // their notes parts gain our notes on sheets that already have notes
      expect(name).toMatch(/worksheets\/[^/]+\.xml$|styles\.xml$|\[Content_Types\]\.xml$|\.rels$|comments[^/]*\.xml$|\.vml$/);
      // the dxfs count grows, and their rules' priorities move down below ours (clearing moves them back)
      const normalise = (t: string) => t.replace(/(<(?:\w+:)?dxfs\b[^>]*\scount=")[0-9]+/, "$1").replace(/(<(?:[\w.-]+:)?cfRule\b[^>]*?\spriority=["'])[0-9]+/g, "$1");
      expect(isSubsequence(normalise(text(input, name)), normalise(text(marked, name)))).toBe(true);
    }
    expect(changed.filter((n) => input.names.includes(n)).every((n) => ourSpan.test(text(marked, n)))).toBe(true);

    // nothing of theirs lost or added
    expect(featureCounts(marked)).toEqual(featureCounts(input));

    // our rules are on the marked cells
    const sheetPart = readWorkbook(new PartView(marked)).sheets.find((s) => s.name === p.marks[0]!.sheet)!.part!;
    const sheetXml = text(marked, sheetPart);
    for (const m of p.marks) {
      expect(sheetXml).toMatch(new RegExp(`sqref="[^"]*\\b${m.cell}\\b[^"]*"><(?:\\w+:)?cfRule type="expression" dxfId="[0-9]+" priority="[0-9]+"><(?:\\w+:)?formula>"chitieu-cds"="chitieu-cds"`));
    }
    expect(hasHighlights(report.bytes)).toBe(true);

    // our notes go on every marked cell that had no note of theirs, and on no other
    const before = noteCells(input, sheetPart);
    const after = noteCells(marked, sheetPart);
    expect(after.theirs).toEqual(before.theirs);
    const free = [...new Set(p.marks.map((m) => m.cell))].filter((c) => !before.theirs.includes(c));
    const sheetName = p.marks[0]!.sheet;
    expect([...after.ours].sort()).toEqual(report.notesSkipped.includes(sheetName) ? [] : [...free].sort());
    expect(report.explained).toBe(p.marks.filter((m) => after.ours.includes(m.cell)).length); // findings, not cells

    // re-applying gives the same parts; clearing gives back the input exactly
    const again = open(applyHighlightsWithReport(report.bytes, p).bytes);
    expect(differingParts(marked, again)).toEqual([]);
    const cleared = open(clearHighlights(report.bytes));
    expect(cleared.names).toEqual(input.names);
    expect(differingParts(input, cleared)).toEqual([]);
    expect(hasHighlights(clearHighlights(report.bytes))).toBe(false);

    const notesKind = report.notesSkipped.length ? "skipped" : before.theirs.length > 0 || (featureCounts(input).legacyDrawings ?? 0) > 0 ? "beside-theirs" : "ours";
    expect({ file, notes: notesKind }).toEqual({ file, notes: expectationFor(file).markNotes ?? "ours" });
    const notes = report.notesSkipped.length
      ? "notes skipped (their notes parts cannot be extended reversibly)"
      : before.theirs.length > 0 || (featureCounts(input).legacyDrawings ?? 0) > 0
        ? `our notes added beside theirs on ${after.ours.length} free cells`
        : "with notes";
    outcomes.push({ file, result: "lossless", detail: `${changed.length} parts changed/added, ${notes}` });
  });
});

afterAll(() => {
  const by = (r: Outcome["result"]) => outcomes.filter((o) => o.result === r);
  const lines = [
    `corpus: ${outcomes.length} files; lossless ${by("lossless").length}; rejected ${by("rejected").length}; without worksheet ${by("no-worksheet").length}`,
    ...by("rejected").map((o) => `  rejected ${o.file}: ${o.detail}`),
    ...outcomes.filter((o) => /beside theirs|skipped/.test(o.detail)).map((o) => `  ${o.file}: ${o.detail}`),
  ];
  console.log(lines.join("\n"));
});
