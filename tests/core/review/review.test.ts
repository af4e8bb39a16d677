// The reviewer's desk in the core: the clerk's explanation of a shortfall, the reviewer's decisions kept on their own
// sheet, and decisions reopened when the figure they were made on changed.

import { defaultCatalog } from "../../../src/core/catalog";
import { checkWorkbook, type CheckReport } from "../../../src/core/check";
import { ChitieuError } from "../../../src/core/errors";
import { formatMessage } from "../../../src/core/messages";
import { parseSavedMapping, toSavedMapping } from "../../../src/core/mapping";
import {
  REVIEW_SHEET, reopenedMessage, reportReopenedMessage, reviewSheetRows, reviewTime, withFindingDecision, withReportDecision, type ReviewStore,
} from "../../../src/core/review";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { buildTemplateLayout, fillTemplateLayout, type IndicatorFigures } from "../../../src/core/template";
import { caught } from "../../support/caught";
import { sheetOf, snapshotOfLayout } from "../check/snapshot-of";

const catalog = defaultCatalog();
const AT = "2026-11-27T02:30:00.000Z";

function commune(figures: [string, IndicatorFigures][]): WorkbookSnapshot {
  const layout = buildTemplateLayout({ catalog, unit: { code: "xa-muong-kim", name: "Mường Kim", level: "commune" }, year: 2025 });
  return snapshotOfLayout(fillTemplateLayout(layout, new Map(figures)));
}

/** The workbook as a host reads it after the decisions were kept in it. */
function withStore(snapshot: WorkbookSnapshot, store: ReviewStore): WorkbookSnapshot {
  return { ...snapshot, sheets: [...snapshot.sheets, sheetOf(REVIEW_SHEET, reviewSheetRows(store))] };
}

const FIGURES: [string, IndicatorFigures][] = [
  // commune target 60% in 2025: both short
  ["CQS-02", { numerator: 50, denominator: 100, note: "Mạng chập chờn quý IV", evidence: "Công văn 12/UBND" }],
  ["CQS-03", { numerator: 40, denominator: 100 }],
  // met, with a note: never "explained"
  ["XHS-06", { numerator: 80, denominator: 100, note: "Số liệu của trạm y tế" }],
];
const byCode = (r: CheckReport) => new Map(r.findings.map((f) => [f.indicator, f]));

describe("explanations", () => {
  const report = checkWorkbook(commune(FIGURES), { catalog });
  const f = byCode(report);

  it("take the row's Ghi chú and Minh chứng; a shortfall with one is explained, without one unexplained", () => {
    expect(f.get("CQS-02")).toMatchObject({ status: "below", explanation: "Mạng chập chờn quý IV — Công văn 12/UBND" });
    expect(f.get("CQS-03")).toMatchObject({ status: "below", explanation: null });
    expect(report.review.summary).toMatchObject({ explained: 1, unexplained: 1 });
    expect(report.review.summary.byPillar["digital-government"]).toEqual({ explained: 1, unexplained: 1 });
  });

  it("never change a figure's status, severity, gap or mark", () => {
    const bareReport = checkWorkbook(commune(FIGURES.map(([c, v]) => [c, { numerator: v.numerator!, denominator: v.denominator! }])), { catalog });
    expect(report.plan).toEqual(bareReport.plan);
    expect(report.summary).toEqual(bareReport.summary);
    const bare = byCode(bareReport);
    for (const code of ["CQS-02", "CQS-03", "XHS-06"]) {
      expect({ ...f.get(code)!, explanation: null }).toEqual(bare.get(code));
    }
  });

  it("are kept on a met figure but do not count it as a shortfall", () => {
    expect(f.get("XHS-06")).toMatchObject({ status: "met", explanation: "Số liệu của trạm y tế" });
    expect(report.review.summary.explained + report.review.summary.unexplained).toBe(2);
  });

  it("come from a note column the mapping finds in an office's own table", () => {
    const own = {
      metadata: null,
      sheets: [
        sheetOf("Bao cao", [
          ["UBND XÃ MƯỜNG KIM"],
          ["BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2025"],
          ["STT", "Chỉ tiêu", "Tử số", "Mẫu số", "Ghi chú"],
          [1, "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", 50, 100, "Thiếu máy tính ở bộ phận một cửa"],
          [2, "Tỷ lệ hồ sơ sức khỏe điện tử của người dân", 30, 100, null],
        ]),
      ],
    };
    const r = checkWorkbook(own, { catalog, level: "commune", year: 2025, acceptUncertain: true });
    const byIndicator = byCode(r);
    expect(r.mapping?.entries.find((e) => e.indicator === "CQS-02")?.note).toBe("E4");
    expect(byIndicator.get("CQS-02")).toMatchObject({ status: "below", explanation: "Thiếu máy tính ở bộ phận một cửa" });
    const other = [...byIndicator.values()].find((x) => x.indicator !== "CQS-02")!;
    expect(other.explanation).toBeNull();
    // the note column is kept with a confirmed mapping, and a mapping saved before it existed still reads
    const saved = toSavedMapping(r.mapping!.entries, catalog.id, { level: "commune", year: 2025 });
    expect(parseSavedMapping(JSON.parse(JSON.stringify(saved))).entries.find((e) => e.indicator === "CQS-02")?.note).toBe("E4");
    const again = checkWorkbook(own, { catalog, mapping: saved });
    expect(again.findings.find((x) => x.indicator === "CQS-02")?.explanation).toBe("Thiếu máy tính ở bộ phận một cửa");
    const older = JSON.parse(JSON.stringify(saved, (k, v: unknown) => (k === "note" ? undefined : v))) as unknown;
    expect(checkWorkbook(own, { catalog, mapping: parseSavedMapping(older) }).findings.find((x) => x.indicator === "CQS-02")?.explanation).toBeNull();
  });
});

describe("decisions kept in the workbook", () => {
  const snapshot = commune(FIGURES);
  const first = checkWorkbook(snapshot, { catalog });
  let store = withFindingDecision(first, "CQS-02", { kind: "accepted", comment: "", by: "  Lò Văn Hùng ", at: AT });
  store = withFindingDecision({ ...first, review: { ...first.review, store } }, "CQS-03", { kind: "returned", comment: "Bổ sung danh sách hồ sơ", by: "Lò Văn Hùng", at: AT });
  store = withReportDecision({ ...first, review: { ...first.review, store } }, { kind: "returned", comment: "Giải trình CQS-03", by: "Lò Văn Hùng", at: AT });

  it("are read back by the next check, with who and when", () => {
    const again = checkWorkbook(withStore(snapshot, store), { catalog });
    const f = byCode(again);
    expect(f.get("CQS-02")!.decision).toEqual({ kind: "accepted", comment: "", by: "Lò Văn Hùng", at: AT });
    expect(f.get("CQS-03")!.decision).toEqual({ kind: "returned", comment: "Bổ sung danh sách hồ sơ", by: "Lò Văn Hùng", at: AT });
    expect(f.get("XHS-06")!.decision).toBeNull();
    expect(again.review.report).toEqual({ kind: "returned", comment: "Giải trình CQS-03", by: "Lò Văn Hùng", at: AT });
    expect(again.review.summary.decisions).toEqual({ accepted: 1, returned: 1, reopened: 0 });
    // the review sheet is ours: never taken for a table, never in the findings
    expect(again.findings).toHaveLength(first.findings.length);
  });

  it("are reopened when the figure they were made on changed, saying from what to what; unchanged ones stay", () => {
    const changed = commune(FIGURES.map(([c, v]) => (c === "CQS-03" ? [c, { ...v, numerator: 45 }] : [c, v])));
    const again = checkWorkbook(withStore(changed, store), { catalog });
    const f = byCode(again);
    expect(f.get("CQS-02")!.decision?.kind).toBe("accepted");
    expect(f.get("CQS-03")!.decision).toBeNull();
    expect(f.get("CQS-03")!.reopened).toMatchObject({ kind: "returned", figure: "40 / 100" });
    expect(f.get("CQS-03")!.figureKey).toBe("45 / 100");
    expect(formatMessage(reopenedMessage(f.get("CQS-03")!)!, "vi")).toBe(
      'Quyết định "Yêu cầu bổ sung" của Lò Văn Hùng (27/11/2026 09:30) đã được mở lại vì số liệu đổi từ "40 / 100" thành "45 / 100".',
    );
    // the whole report's decision was made on other figures: reopened too
    expect(again.review.report).toBeNull();
    expect(again.review.reportReopened?.kind).toBe("returned");
    expect(formatMessage(reportReopenedMessage(again.review)!, "en")).toContain("reopened because figures changed");
    expect(again.review.summary.decisions).toEqual({ accepted: 1, returned: 0, reopened: 1 });
  });

  it("refuse a return without a comment and a decision without a name", () => {
    expect(caught(() => withFindingDecision(first, "CQS-03", { kind: "returned", comment: "  ", by: "A", at: AT }), ChitieuError).key).toBe("error.review.comment-required");
    expect(caught(() => withReportDecision(first, { kind: "approved", comment: "", by: " ", at: AT }), ChitieuError).key).toBe("error.review.name-required");
    expect(caught(() => withFindingDecision(first, "KTS-99", null), ChitieuError).key).toBe("error.review.not-a-finding");
  });

  it("are parsed when read back: an edited store is said in both languages and every finding is open", () => {
    const edited = withStore(snapshot, { ...store, findings: [{ ...store.findings[0]!, kind: "maybe" as "accepted" }] });
    const r = checkWorkbook(edited, { catalog });
    expect(r.findings.every((f) => f.decision === null)).toBe(true);
    expect(r.review.damaged?.vi).toContain(`trang tính "${REVIEW_SHEET}"`);
    expect(r.review.damaged?.vi).toContain("findings.0.kind");
    expect(r.review.damaged?.en).toContain("cannot be read");
    const cut = withStore(snapshot, store);
    const sheet = cut.sheets.find((s) => s.name === REVIEW_SHEET)!;
    sheet.values.find((row) => row[0] === "chitieu.review.0")![1] = '{"format":';
    expect(checkWorkbook(cut, { catalog }).review.damaged?.en).toMatch(/JSON/);
  });

  it("say their time in Vietnam's time", () => {
    expect(reviewTime("2026-11-27T20:05:00.000Z")).toBe("28/11/2026 03:05");
  });
});
