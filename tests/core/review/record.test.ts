import { defaultCatalog, findIndicator } from "../../../src/core/catalog";
import { check } from "../../../src/core/findings";
import type { Entry } from "../../../src/core/judge";
import { buildReviewRecord, recordText, type FindingDecision, type ReviewedFinding, type ReviewRecord } from "../../../src/core/review";
import { ratio } from "../judge/fixtures";

// The review record of one workbook: counts per pillar that tell explained shortfalls from unexplained ones, the
// decisions taken and still open, and each finding in the catalog's order, worded as the official record says it.

const catalog = defaultCatalog();
const province2025 = { level: "province", year: 2025 } as const;
const accepted: FindingDecision = { kind: "accepted", comment: "", by: "Nguyễn Thị Hoa", at: "2026-11-27T08:30:00Z" };
const returned: FindingDecision = { kind: "returned", comment: "Bổ sung danh sách hồ sơ", by: "Nguyễn Thị Hoa", at: "2026-11-27T08:40:00Z" };

function finding(code: string, entry: Entry, explanation: string | null = null, decision: FindingDecision | null = null): ReviewedFinding {
  const indicator = findIndicator(catalog, code);
  if (!indicator) throw new Error(`no ${code} in the catalog`);
  return { ...check(indicator, entry, province2025), explanation, decision };
}

/** The scenario, listed out of the catalog's order on purpose; statuses are checked before anything is counted. */
function scenario(): ReviewedFinding[] {
  const list = [
    { ...finding("NL-03", ratio(10, 10)), status: "not-applicable" as const },
    finding("XHS-02", ratio("", "")),
    finding("XHS-06", ratio(80, 100)),
    finding("CQS-01", ratio(100, 100)),
    finding("CQS-02", ratio(80, 100), "Hệ thống một cửa điện tử ngừng hoạt động quý III", accepted),
    finding("CQS-03", ratio(50, 100), null, returned),
    finding("CQS-04", ratio(120, 100)),
    finding("KTS-05", ratio(10, 100), "   "),
    finding("KTS-06", ratio(60, 100), null, accepted),
  ];
  expect(list.map((f) => `${f.indicator}:${f.status}`)).toEqual([
    "NL-03:not-applicable", "XHS-02:missing", "XHS-06:met", "CQS-01:met", "CQS-02:below", "CQS-03:below", "CQS-04:invalid", "KTS-05:below", "KTS-06:met",
  ]);
  return list;
}

function record(findings = scenario(), reviewer: string | null = "Nguyễn Thị Hoa"): ReviewRecord {
  return buildReviewRecord({ catalog, unit: "tỉnh Lai Châu", level: "province", year: 2025, findings, reportDecision: null, reviewer, date: "2026-11-27" });
}

describe("the review record's counts", () => {
  it("counts each pillar: met, explained and unexplained shortfalls, errors, missing, and the decisions taken or open", () => {
    const r = record();
    const byPillar = Object.fromEntries(r.pillars.map((p) => [p.pillar, p.counts]));
    expect(byPillar["digital-government"]).toEqual({ total: 4, met: 1, explained: 1, unexplained: 1, errors: 1, missing: 0, accepted: 1, returned: 1, open: 1 });
    expect(byPillar["digital-economy"]).toEqual({ total: 2, met: 1, explained: 0, unexplained: 1, errors: 0, missing: 0, accepted: 1, returned: 0, open: 1 });
    expect(byPillar["digital-society"]).toEqual({ total: 2, met: 1, explained: 0, unexplained: 0, errors: 0, missing: 1, accepted: 0, returned: 0, open: 1 });
    expect(byPillar.foundation).toEqual({ total: 0, met: 0, explained: 0, unexplained: 0, errors: 0, missing: 0, accepted: 0, returned: 0, open: 0 });
    expect(r.total).toEqual({ total: 8, met: 3, explained: 1, unexplained: 2, errors: 1, missing: 1, accepted: 2, returned: 1, open: 3 });
  });

  it("lists the findings by pillar in the catalog's order, leaving out indicators not judged at this level", () => {
    expect(record().lines.map((l) => l.code)).toEqual(["CQS-01", "CQS-02", "CQS-03", "CQS-04", "KTS-05", "KTS-06", "XHS-02", "XHS-06"]);
  });

  it("treats a blank explanation as none: the shortfall stays unexplained", () => {
    const kts05 = record().lines.find((l) => l.code === "KTS-05")!;
    expect(kts05).toMatchObject({ status: "unexplained", explanation: null });
  });

  it("never changes a met figure's status for an explanation, nor asks a decision of it", () => {
    const met = finding("CQS-01", ratio(100, 100), "Đã hoàn thành");
    const r = record([met]);
    expect(r.lines[0]!.status).toBe("met");
    expect(r.total).toMatchObject({ met: 1, explained: 0, open: 0 });
  });
});

describe("the review record's words", () => {
  it("heads the record with the unit, level, period, reviewer and the date as dd/mm/yyyy", () => {
    const t = recordText(record(), "vi");
    expect(t.title).toBe("BIÊN BẢN RÀ SOÁT SỐ LIỆU CHỈ TIÊU CHUYỂN ĐỔI SỐ");
    expect(t.fields).toEqual([
      ["Đơn vị báo cáo", "tỉnh Lai Châu"],
      ["Cấp", "Cấp tỉnh"],
      ["Kỳ báo cáo", "2025"],
      ["Người rà soát", "Nguyễn Thị Hoa"],
      ["Ngày rà soát", "27/11/2026"],
      ["Kết luận", "Chưa kết luận"],
    ]);
  });

  it("leaves a line to write the reviewer's name on when none is known", () => {
    const t = recordText(record(scenario(), null), "vi");
    expect(t.fields[3]![1]).toMatch(/^…+$/);
    expect(t.signature.name).toBe("");
  });

  it("writes each finding's figure, target, assessment, explanation and decision", () => {
    const rows = recordText(record(), "vi").findings.map((f) => f.cells);
    expect(rows[1]).toEqual(["2", "CQS-02", findIndicator(catalog, "CQS-02")!.label.vi, "80/100 (80%)", "≥ 90% (năm 2025)", "Chưa đạt — có giải trình", "Hệ thống một cửa điện tử ngừng hoạt động quý III", "Chấp nhận", ""]);
    expect(rows[2]!.slice(5)).toEqual(["Chưa đạt — chưa giải trình", "", "Yêu cầu bổ sung", "Bổ sung danh sách hồ sơ"]);
    expect(rows[3]!.slice(3, 8)).toEqual(["120/100", "≥ 100% (năm 2025)", "Số liệu sai", "", "Chưa quyết định"]);
    expect(rows[6]!.slice(3, 8)).toEqual(["—", "> 50% (năm 2025)", "Chưa có số liệu", "", "Chưa quyết định"]);
    expect(rows[0]!.slice(5, 8)).toEqual(["Đạt", "", ""]);
  });

  it("says who took each decision and when, printed under it only when not the record's own reviewer", () => {
    const findings = scenario().map((f) => (f.indicator === "CQS-03" ? { ...f, decision: { ...returned, by: "Lò Văn Minh" } } : f));
    const rows = recordText(record(findings), "vi").findings;
    const cqs02 = rows.find((r) => r.cells[1] === "CQS-02")!;
    const cqs03 = rows.find((r) => r.cells[1] === "CQS-03")!;
    expect([cqs02.decidedBy, cqs02.decisionNote]).toEqual(["Nguyễn Thị Hoa, 27/11/2026", ""]);
    expect([cqs03.decidedBy, cqs03.decisionNote]).toEqual(["Lò Văn Minh, 27/11/2026", "Lò Văn Minh, 27/11/2026"]);
  });

  it("says the report's conclusion with who decided and when", () => {
    const r = { ...record(), reportDecision: { kind: "returned" as const, comment: "Bổ sung giải trình CQS-03", by: "Trần Văn Nam", at: "2026-11-28T02:00:00Z" } };
    expect(recordText(r, "vi").fields[5]).toEqual(["Kết luận", "Trả lại (Trần Văn Nam, 28/11/2026): Bổ sung giải trình CQS-03"]);
    expect(recordText(r, "en").fields[5]).toEqual(["Conclusion", "Returned (Trần Văn Nam, 2026-11-28): Bổ sung giải trình CQS-03"]);
  });

  it("has the per-pillar table in the pillars' order, then the total", () => {
    const t = recordText(record(), "vi");
    expect(t.pillarColumns).toEqual(["Trụ cột", "Số chỉ tiêu", "Đạt", "Chưa đạt, có giải trình", "Chưa đạt, chưa giải trình", "Số liệu sai", "Chưa có số liệu", "Chấp nhận", "Yêu cầu bổ sung", "Chưa quyết định"]);
    expect(t.pillarRows.map((r) => r[0])).toEqual(["Chính quyền số", "Kinh tế số", "Xã hội số", "Nền tảng và nguồn lực", "Cộng"]);
    expect(t.pillarRows[4]).toEqual(["Cộng", 8, 3, 1, 2, 1, 1, 2, 1, 3]);
  });
});
