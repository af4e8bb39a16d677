// `chitieu check` as a reviewer reads it: unmet targets with the clerk's explanation listed apart from unexplained
// ones, in text and in JSON, with the decisions kept in the workbook, and a decision reopened when its figure changed.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog } from "../../src/core/catalog";
import { checkWorkbook } from "../../src/core/check";
import { withFindingDecision, withReportDecision } from "../../src/core/review";
import { buildTemplateLayout, type IndicatorFigures } from "../../src/core/template";
import { createFileHost } from "../../src/hosts/xlsx/file-host";
import { writeTemplateXlsx } from "../../src/hosts/xlsx/template";
import type { JsonReport } from "../../src/cli/commands/check";
import { main } from "../../src/cli/main";

const dir = mkdtempSync(join(tmpdir(), "chitieu-cli-review-"));
const catalog = defaultCatalog();
const AT = "2026-11-27T02:30:00.000Z";

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function workbook(figures: [string, IndicatorFigures][]): Uint8Array {
  const layout = buildTemplateLayout({ catalog, unit: { code: "xa-muong-kim", name: "Mường Kim", level: "commune" }, year: 2025 });
  return writeTemplateXlsx(layout, { values: new Map(figures) });
}

const FIGURES: [string, IndicatorFigures][] = [
  ["CQS-02", { numerator: 50, denominator: 100, note: "Mạng chập chờn quý IV" }],
  ["CQS-03", { numerator: 40, denominator: 100 }],
  ["XHS-06", { numerator: 80, denominator: 100, evidence: "Báo cáo trạm y tế" }],
];

async function reviewedFile(figures = FIGURES, decideOn = FIGURES): Promise<string> {
  // decisions made on `decideOn`, then kept in a workbook holding `figures`
  const decided = createFileHost(workbook(decideOn));
  const first = checkWorkbook(await decided.readSnapshot(), { catalog });
  let store = withFindingDecision(first, "CQS-02", { kind: "accepted", comment: "", by: "Lò Văn Hùng", at: AT });
  store = withFindingDecision({ ...first, review: { ...first.review, store } }, "CQS-03", { kind: "returned", comment: "Bổ sung danh sách hồ sơ", by: "Lò Văn Hùng", at: AT });
  store = withReportDecision({ ...first, review: { ...first.review, store } }, { kind: "returned", comment: "Giải trình CQS-03", by: "Lò Văn Hùng", at: AT });
  const host = createFileHost(workbook(figures));
  await host.saveReview(store);
  const file = join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(file, host.bytes());
  return file;
}

/** The lines of the text report between a group heading and the next blank line. */
function group(out: string, heading: string): string {
  const start = out.indexOf(`\n${heading}\n`);
  if (start < 0) return "";
  const rest = out.slice(start + heading.length + 2);
  return rest.slice(0, rest.indexOf("\n\n") < 0 ? undefined : rest.indexOf("\n\n"));
}

describe("chitieu check on a reviewed workbook", () => {
  it("lists explained and unexplained shortfalls apart, with the explanation and the decision, in Vietnamese", async () => {
    const r = await run(["check", await reviewedFile()]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Chưa đạt: 1 có giải trình, 1 chưa giải trình");
    expect(r.out).toContain("Rà soát: Trả lại — Lò Văn Hùng, 27/11/2026 09:30: Giải trình CQS-03");
    const explained = group(r.out, "Chưa đạt — có giải trình:");
    const unexplained = group(r.out, "Chưa đạt — chưa giải trình:");
    expect(explained).toContain("CQS-02");
    expect(explained).toContain("Giải trình: Mạng chập chờn quý IV");
    expect(explained).toContain("Chấp nhận — Lò Văn Hùng, 27/11/2026 09:30");
    expect(explained).not.toContain("CQS-03");
    expect(unexplained).toContain("CQS-03");
    expect(unexplained).toContain("Yêu cầu bổ sung — Lò Văn Hùng, 27/11/2026 09:30: Bổ sung danh sách hồ sơ");
    expect(unexplained).not.toContain("CQS-02");
    // a met figure's evidence is no shortfall
    expect(r.out).not.toMatch(/XHS-06[^\n]*\n[^\n]*\n[^\n]*Báo cáo trạm y tế/);
  });

  it("says the same in English", async () => {
    const r = await run(["check", await reviewedFile(), "--lang", "en"]);
    expect(group(r.out, "Not met — explained:")).toContain("Explanation: Mạng chập chờn quý IV");
    expect(group(r.out, "Not met — unexplained:")).toContain("More requested — Lò Văn Hùng, 27/11/2026 09:30: Bổ sung danh sách hồ sơ");
    expect(r.out).toContain("Review: Returned — Lò Văn Hùng");
  });

  it("gives each finding its explanation, decision and comment in the JSON report", async () => {
    const r = await run(["check", await reviewedFile(), "--json", "-"]);
    const json = JSON.parse(r.out) as JsonReport;
    const of = (code: string) => json.findings.find((f) => f.indicator === code)!;
    expect(of("CQS-02")).toMatchObject({ status: "below", shortfall: "explained", explanation: "Mạng chập chờn quý IV", decision: "accepted", decisionComment: "", decisionBy: "Lò Văn Hùng", decisionAt: AT });
    expect(of("CQS-03")).toMatchObject({ status: "below", shortfall: "unexplained", explanation: null, decision: "returned", decisionComment: "Bổ sung danh sách hồ sơ" });
    expect(of("XHS-06")).toMatchObject({ status: "met", shortfall: null, explanation: "Báo cáo trạm y tế", decision: null, decisionComment: null });
    expect(of("CQS-01")).toMatchObject({ status: "missing", explanation: null, decision: null, decisionComment: null, reopened: null });
    expect(json.review).toEqual({ decision: "returned", comment: "Giải trình CQS-03", by: "Lò Văn Hùng", at: AT, reopened: null, damaged: null, shortfalls: { explained: 1, unexplained: 1 } });
  });

  it("reopens the decision whose figure changed, saying so in text and JSON, and keeps the others", async () => {
    const changed = FIGURES.map(([c, v]): [string, IndicatorFigures] => (c === "CQS-03" ? [c, { ...v, numerator: 45 }] : [c, v]));
    const file = await reviewedFile(changed, FIGURES);
    const text = await run(["check", file]);
    expect(text.out).toContain('Quyết định "Yêu cầu bổ sung" của Lò Văn Hùng (27/11/2026 09:30) đã được mở lại vì số liệu đổi từ "40 / 100" thành "45 / 100".');
    expect(text.out).toContain("Rà soát: Chưa duyệt");
    expect(text.out).toContain('Quyết định "Trả lại" cho cả báo cáo');
    const json = JSON.parse((await run(["check", file, "--json", "-"])).out) as JsonReport;
    const of = (code: string) => json.findings.find((f) => f.indicator === code)!;
    expect(of("CQS-03")).toMatchObject({ decision: null, reopened: { decision: "returned", figure: "40 / 100" } });
    expect(of("CQS-02")).toMatchObject({ decision: "accepted", reopened: null });
    expect(json.review.decision).toBeNull();
    expect(json.review.reopened).toContain("cả báo cáo");
  });
});

describe("chitieu review: the record carries what the check read of the review", () => {
  it("puts the clerk's explanations and the decisions kept in the workbook on the record's rows", async () => {
    const out = join(dir, "bien-ban.csv");
    const r = await run(["review", await reviewedFile(), "--out", out, "--force"]);
    expect(r.code).toBe(0);
    const rows = readFileSync(out, "utf8").split("\r\n");
    const row = (code: string) => rows.find((l) => l.includes(`,${code},`)) ?? "";
    expect(row("CQS-02")).toContain("Mạng chập chờn quý IV");
    expect(row("CQS-02")).toContain("Chấp nhận");
    expect(row("CQS-03")).toContain("Yêu cầu bổ sung");
    expect(row("CQS-03")).toContain("Bổ sung danh sách hồ sơ");
    expect(row("XHS-06")).toContain("Báo cáo trạm y tế");
    expect(row("XHS-06")).not.toContain("Chấp nhận");
  });
});

