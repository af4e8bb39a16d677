import { spawnSync } from "node:child_process";
import { defaultCatalog, findIndicator } from "../../../src/core/catalog";
import { check } from "../../../src/core/findings";
import { buildReviewRecord, csvCell, recordCsv, type FindingDecision } from "../../../src/core/review";
import { PYTHON, requireTools } from "../../support/tools";
import { ratio } from "../judge/fixtures";

// The record as CSV for Excel: Vietnamese intact (UTF-8 with a byte-order mark) and no cell that Excel would run as a
// formula, whatever the clerk or the reviewer typed.

describe("a CSV cell", () => {
  it.each([
    ["=1+2", "'=1+2"],
    ["+84 912 345 678", "'+84 912 345 678"],
    ["-5 hồ sơ", "'-5 hồ sơ"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=cmd|' /C calc'!A0", "'\t=cmd|' /C calc'!A0"],
  ])("defuses %j so Excel shows it as text", (typed, written) => {
    expect(csvCell(typed)).toBe(written);
  });

  it("quotes a cell with a comma, a quote or a line break, doubling the quotes", () => {
    expect(csvCell("80/100, quý III")).toBe('"80/100, quý III"');
    expect(csvCell('Ghi "đủ"')).toBe('"Ghi ""đủ"""');
    expect(csvCell("dòng 1\r\ndòng 2")).toBe('"dòng 1\r\ndòng 2"');
    expect(csvCell("\r=2*3")).toBe("\"'\r=2*3\"");
  });

  it("leaves ordinary text, including a dash inside or an em dash first, as typed", () => {
    expect(csvCell("Chưa đạt — có giải trình")).toBe("Chưa đạt — có giải trình");
    expect(csvCell("— ")).toBe("— ");
    expect(csvCell("2025-H1")).toBe("2025-H1");
  });
});

const tools = requireTools(["python3"]);

tools.describe("the record's CSV read by Python's csv module", () => {
  const catalog = defaultCatalog();
  const ctx = { level: "province", year: 2025 } as const;
  const returned: FindingDecision = { kind: "returned", comment: "-Bổ sung, gửi lại trước 30/11", by: "@Hoa", at: "2026-11-27T08:40:00Z" };
  const findings = [
    { ...check(findIndicator(catalog, "CQS-02")!, ratio(80, 100), ctx), explanation: '=HYPERLINK("http://x.example","bấm")', decision: returned },
    { ...check(findIndicator(catalog, "CQS-01")!, ratio(100, 100), ctx), explanation: null, decision: null },
  ];
  const csv = recordCsv(buildReviewRecord({ catalog, unit: "+xã Mường Kim", level: "province", year: 2025, findings, reportDecision: null, reviewer: null, date: "2026-11-27" }), "vi");

  it("begins with the UTF-8 byte-order mark and has one row per finding under a header", () => {
    const bytes = Buffer.from(csv, "utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = readWithPython(csv);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual(["Đơn vị", "Kỳ báo cáo", "STT", "Mã", "Chỉ tiêu", "Trụ cột", "Số liệu", "Mục tiêu", "Đánh giá", "Giải trình", "Quyết định", "Ý kiến người rà soát", "Người quyết định", "Thời điểm quyết định"]);
  });

  it("keeps every typed text, each formula-like one behind an apostrophe", () => {
    const [, first, second] = readWithPython(csv);
    expect(second).toEqual([
      "'+xã Mường Kim", "2025", "2", "CQS-01", findIndicator(catalog, "CQS-01")!.label.vi, "Chính quyền số", "100/100 (100%)", "≥ 100% (năm 2025)", "Đạt", "", "", "", "", "",
    ]);
    expect(first!.slice(6)).toEqual(["80/100 (80%)", "≥ 90% (năm 2025)", "Chưa đạt — có giải trình", "'=HYPERLINK(\"http://x.example\",\"bấm\")", "Yêu cầu bổ sung", "'-Bổ sung, gửi lại trước 30/11", "'@Hoa", "27/11/2026"]);
  });
});

function readWithPython(csv: string): string[][] {
  const script = "import csv,io,json,sys\ntext=sys.stdin.buffer.read().decode('utf-8-sig')\nprint(json.dumps(list(csv.reader(io.StringIO(text, newline='')))))";
  const r = spawnSync(PYTHON, ["-c", script], { input: Buffer.from(csv, "utf8"), encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[][];
}
