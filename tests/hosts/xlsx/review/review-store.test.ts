// The reviewer's decisions kept in a file by the file host: a very hidden sheet the next check reads, that survives a
// save by openpyxl and a conversion by LibreOffice (what offices use besides Excel), and leaves the user's sheets as
// they were. The clerk's "Ghi chú" survives with them, so an explained shortfall stays explained.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog } from "../../../../src/core/catalog";
import { checkWorkbook, type CheckReport } from "../../../../src/core/check";
import { REVIEW_SHEET, withFindingDecision, withReportDecision } from "../../../../src/core/review";
import { buildTemplateLayout, fillTemplateLayout } from "../../../../src/core/template";
import { createFileHost } from "../../../../src/hosts/xlsx/file-host";
import { readWorkbook } from "../../../../src/hosts/xlsx/read";
import { writeTemplateXlsx } from "../../../../src/hosts/xlsx/template";
import { PYTHON, requireTools } from "../../../support/tools";

const catalog = defaultCatalog();
const dir = mkdtempSync(join(tmpdir(), "chitieu-review-"));
const tools = requireTools(["openpyxl", "soffice"]);
const AT = "2026-11-27T02:30:00.000Z";

function filled(): Uint8Array {
  const layout = buildTemplateLayout({ catalog, unit: { code: "xa-muong-kim", name: "Mường Kim", level: "commune" }, year: 2025 });
  return writeTemplateXlsx(
    fillTemplateLayout(layout, new Map([
      ["CQS-02", { numerator: 50, denominator: 100, note: "Mạng chập chờn quý IV" }],
      ["CQS-03", { numerator: 40, denominator: 100 }],
    ])),
  );
}

async function reviewed(): Promise<{ bytes: Uint8Array; original: Uint8Array }> {
  const original = filled();
  const host = createFileHost(original);
  const first = checkWorkbook(await host.readSnapshot(), { catalog });
  let store = withFindingDecision(first, "CQS-02", { kind: "accepted", comment: "", by: "Lò Văn Hùng", at: AT });
  store = withFindingDecision({ ...first, review: { ...first.review, store } }, "CQS-03", { kind: "returned", comment: "Bổ sung danh sách hồ sơ", by: "Lò Văn Hùng", at: AT });
  store = withReportDecision({ ...first, review: { ...first.review, store } }, { kind: "returned", comment: "Giải trình CQS-03", by: "Lò Văn Hùng", at: AT });
  await host.saveReview(store);
  return { bytes: host.bytes(), original };
}

function decisions(report: CheckReport) {
  const of = (code: string) => report.findings.find((f) => f.indicator === code)!;
  return {
    "CQS-02": { explanation: of("CQS-02").explanation, decision: of("CQS-02").decision?.kind ?? null },
    "CQS-03": { explanation: of("CQS-03").explanation, decision: of("CQS-03").decision, reopened: of("CQS-03").reopened },
    report: report.review.report?.kind ?? null,
    damaged: report.review.damaged,
  };
}

const EXPECTED = {
  "CQS-02": { explanation: "Mạng chập chờn quý IV", decision: "accepted" },
  "CQS-03": { explanation: null, decision: { kind: "returned", comment: "Bổ sung danh sách hồ sơ", by: "Lò Văn Hùng", at: AT }, reopened: null },
  report: "returned",
  damaged: null,
};

describe("the decisions kept in a file", () => {
  it("are read by the next check, in a very hidden sheet, the user's sheets unchanged, the input bytes untouched", async () => {
    const { bytes, original } = await reviewed();
    expect(original).toEqual(filled());
    const snapshot = readWorkbook(bytes);
    expect(snapshot.sheets.map((s) => s.name)).toContain(REVIEW_SHEET);
    for (const sheet of readWorkbook(original).sheets) expect(snapshot.sheets.find((s) => s.name === sheet.name)).toEqual(sheet);
    expect(decisions(checkWorkbook(snapshot, { catalog }))).toEqual(EXPECTED);
  });

  tools.it("survive a save by openpyxl and a conversion by LibreOffice, and are reopened when a figure is changed there", async () => {
    const { bytes } = await reviewed();
    const file = join(dir, "reviewed.xlsx");
    writeFileSync(file, bytes);
    const byOpenpyxl = join(dir, "openpyxl.xlsx");
    const states = execFileSync(PYTHON, ["-c", `import openpyxl,sys\nwb=openpyxl.load_workbook(sys.argv[1])\nprint({ws.title: ws.sheet_state for ws in wb}["${REVIEW_SHEET}"])\nwb.save(sys.argv[2])`, file, byOpenpyxl]).toString();
    expect(states.trim()).toBe("veryHidden");
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "xlsx", "--outdir", join(dir, "lo"), file], { stdio: "ignore", timeout: 120_000 });
    for (const path of [byOpenpyxl, join(dir, "lo", "reviewed.xlsx")]) {
      const report = checkWorkbook(readWorkbook(new Uint8Array(readFileSync(path))), { catalog });
      expect({ path, ...decisions(report) }).toEqual({ path, ...EXPECTED });
    }

    // the clerk corrects CQS-03's numerator in a tool that is not ours: that decision (and the report's) reopens
    const edited = join(dir, "edited.xlsx");
    const layout = buildTemplateLayout({ catalog, unit: { code: "xa-muong-kim", name: "Mường Kim", level: "commune" }, year: 2025 });
    const cell = layout.rows.find((r) => r.indicatorCode === "CQS-03")!.cells.numerator!;
    execFileSync(PYTHON, ["-c", `import openpyxl,sys\nwb=openpyxl.load_workbook(sys.argv[1])\nwb[sys.argv[3]]["${cell}"]=45\nwb.save(sys.argv[2])`, byOpenpyxl, edited, layout.sheetName]);
    const after = checkWorkbook(readWorkbook(new Uint8Array(readFileSync(edited))), { catalog });
    const cqs03 = after.findings.find((f) => f.indicator === "CQS-03")!;
    expect({ decision: cqs03.decision, reopened: cqs03.reopened?.kind, from: cqs03.reopened?.figure, to: cqs03.figureKey }).toEqual({ decision: null, reopened: "returned", from: "40 / 100", to: "45 / 100" });
    expect(after.findings.find((f) => f.indicator === "CQS-02")!.decision?.kind).toBe("accepted");
    expect({ report: after.review.report, reopened: after.review.reportReopened?.kind }).toEqual({ report: null, reopened: "returned" });
  }, 180_000);
});
