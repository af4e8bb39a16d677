// Other programs must open what we write: openpyxl sees our rules and notes on the marked cells and all of theirs,
// and LibreOffice loads the file with our conditional formats and notes.

import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { applyHighlightsWithReport } from "../../../../src/hosts/xlsx/mark";
import { PartView } from "../../../../src/hosts/xlsx/mark/part-view";
import { readWorkbook } from "../../../../src/hosts/xlsx/mark/workbook";
import { PYTHON, requireTools } from "../../../support/tools";
import { mark, open, plan, readCorpus, STATIC_LINE } from "./helpers";

const tools = requireTools(["openpyxl", "soffice"]);

/** Notes, conditional formats and names, as openpyxl reads them. */
const READ_WITH_OPENPYXL = String.raw`
import json, sys, warnings
warnings.simplefilter("ignore")
import openpyxl
out = {}
for path, sheet in json.loads(sys.argv[1]):
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    rules = []
    for cf in ws.conditional_formatting:
        for r in cf.rules:
            fill = r.dxf.fill.bgColor.rgb if r.dxf is not None and r.dxf.fill is not None else None
            rules.append({"sqref": str(cf.sqref), "formula": list(r.formula or []), "fill": fill, "priority": r.priority})
    notes = {c.coordinate: c.comment.text for row in ws.iter_rows() for c in row if c.comment}
    names = len(list(wb.defined_names.definedName)) if hasattr(wb.defined_names, "definedName") else len(wb.defined_names)
    out[path] = {"rules": rules, "notes": notes, "names": names, "sheets": wb.sheetnames}
print(json.dumps(out))
`;

const FILES = [
  "poi__NewStyleConditionalFormattings.xlsx", // their CF, x14 CF
  "xlsxwriter__table05.xlsx", // their notes, a table, an image
  "xlsxwriter__defined_name01.xlsx", // sheet-scoped and constant names
  "poi__ExcelPivotTableSample.xlsx", // pivots
  "poi__simple-monthly-budget.xlsx", // tables, chart, names from structured references
  "poi__56644.xlsx", // notes, x14 data validations
];

const OUR_FORMULA = '"chitieu-cds"="chitieu-cds"';
const EXPECTED_FILL: Record<string, string> = { A1: "FFFFC7CE", B2: "FFFFEB9C", C3: "FFDDEBF7" };

describe("independent readers", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "chitieu-mark-"));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  tools.it("openpyxl and LibreOffice read our rules and notes, and every rule, note and name of theirs", () => {
    const jobs: Array<{ file: string; sheet: string; input: string; output: string; notesSkipped: boolean }> = [];
    for (const file of FILES) {
      const bytes = readCorpus(file);
      const sheet = readWorkbook(new PartView(open(bytes))).sheets.find((s) => s.kind === "worksheet")!.name;
      const report = applyHighlightsWithReport(
        bytes,
        plan(mark(sheet, "A1", "error", "Ô A1: không phải số"), mark(sheet, "B2", "warning", "Ô B2: chưa đạt 80%"), mark(sheet, "C3", "info", "Ô C3: thiếu minh chứng")),
      );
      const base = file.replace(/\.xlsx$/, "");
      const input = path.join(dir, `${base}.in.xlsx`);
      const output = path.join(dir, `${base}.xlsx`);
      writeFileSync(input, bytes);
      writeFileSync(output, report.bytes);
      jobs.push({ file, sheet, input, output, notesSkipped: report.notesSkipped.length > 0 });
    }

    const args = JSON.stringify(jobs.flatMap((j) => [[j.input, j.sheet], [j.output, j.sheet]]));
    const seen = JSON.parse(execFileSync(PYTHON, ["-c", READ_WITH_OPENPYXL, args], { encoding: "utf8", maxBuffer: 64 << 20 })) as Record<
      string,
      { rules: Array<{ sqref: string; formula: string[]; fill: string | null; priority: number }>; notes: Record<string, string>; names: number; sheets: string[] }
    >;
    for (const j of jobs) {
      const before = seen[j.input]!;
      const after = seen[j.output]!;
      const ours = after.rules.filter((r) => r.formula.join() === OUR_FORMULA);
      expect({ file: j.file, ours: ours.map((r) => [r.sqref, r.fill]) }).toEqual({
        file: j.file,
        ours: Object.entries(EXPECTED_FILL),
      });
      // ours are evaluated first (priorities 1..3), theirs keep their order one step of ours below
      expect(ours.map((r) => r.priority).sort((a, b) => a - b)).toEqual([1, 2, 3]);
      expect(after.rules.filter((r) => r.formula.join() !== OUR_FORMULA).map((r) => ({ ...r, priority: r.priority - ours.length }))).toEqual(before.rules);
      expect(after.names).toBe(before.names);
      expect(after.sheets).toEqual(before.sheets);
      const theirNotes = Object.fromEntries(Object.entries(after.notes).filter(([, t]) => !t.startsWith("Chỉ tiêu CĐS: ")));
      expect(theirNotes).toEqual(before.notes);
      const ourNotes = Object.fromEntries(Object.entries(after.notes).filter(([, t]) => t.startsWith("Chỉ tiêu CĐS: ")));
      // ours sit beside theirs, on every marked cell that had no note of theirs
      // the last line dates the check: these marks are static, so they stay until the next one
      const dated = (t: string) => `Chỉ tiêu CĐS: ${t}\n${STATIC_LINE.vi}`;
      const expected = { A1: dated("Ô A1: không phải số"), B2: dated("Ô B2: chưa đạt 80%"), C3: dated("Ô C3: thiếu minh chứng") };
      expect(ourNotes).toEqual(j.notesSkipped ? {} : Object.fromEntries(Object.entries(expected).filter(([cell]) => !(cell in before.notes))));
    }

    // one LibreOffice start for all files; flat ODS shows what it understood of our formats and notes
    const profile = `file://${path.join(dir, "lo-profile")}`;
    const outDir = path.join(dir, "lo");
    execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "fods", "--outdir", outDir, ...jobs.map((j) => j.output)], {
      stdio: "pipe",
      timeout: 240_000,
    });
    for (const j of jobs) {
      const fods = readFileSync(path.join(outDir, path.basename(j.output).replace(/\.xlsx$/, ".fods")), "utf8");
      const conditions = fods.match(/formula-is\(&quot;chitieu-cds&quot;=&quot;chitieu-cds&quot;\)/g) ?? [];
      expect({ file: j.file, conditions: conditions.length }).toEqual({ file: j.file, conditions: 3 });
      expect(fods.toLowerCase()).toContain('fo:background-color="#ffc7ce"');
      if (!j.notesSkipped) expect(fods).toContain("Chỉ tiêu CĐS: Ô B2: chưa đạt 80%");
    }
  }, 300_000);
});
