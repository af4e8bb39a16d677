// The consolidation as a provincial reviewer uses it: each unit's review state (kept in its workbook) in the
// completeness list, the workbook's "Đầy đủ" sheet and the JSON; explained shortfalls said apart; and
// `--approved-only`, which rolls up approved reports only and says which units were left out, and why.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog } from "../../src/core/catalog";
import { checkWorkbook } from "../../src/core/check";
import { withReportDecision } from "../../src/core/review";
import { createFileHost } from "../../src/hosts/xlsx/file-host";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import type { ConsolidateJson } from "../../src/cli/commands/consolidate";
import { main } from "../../src/cli/main";
import { unitWorkbook, type Figures } from "../support/unit-workbooks";
import { execFileSync } from "node:child_process";
import { PYTHON, requireTools } from "../support/tools";

jest.setTimeout(120_000);
const catalog = defaultCatalog();
const dir = mkdtempSync(join(tmpdir(), "chitieu-consolidate-review-"));
const inbox = join(dir, "nhan");
mkdirSync(inbox);
const AT = "2026-11-27T02:30:00.000Z";

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** A unit's workbook with the report's decision kept in it, made on `decidedOn` (the figures now, by default). */
async function reviewed(code: string, figures: Figures, kind: "approved" | "returned" | null, decidedOn: Figures = figures): Promise<Uint8Array> {
  const bytes = unitWorkbook(code, figures);
  if (kind === null) return bytes;
  const first = checkWorkbook(await createFileHost(unitWorkbook(code, decidedOn)).readSnapshot(), { catalog });
  const host = createFileHost(bytes);
  await host.saveReview(withReportDecision(first, { kind, comment: kind === "returned" ? "Thiếu minh chứng CQS-02" : "", by: "Lò Văn Hùng", at: AT }));
  return host.bytes();
}

beforeAll(async () => {
  // district targets for 2025: CQS-02 at 80%
  writeFileSync(join(inbox, "tp-lai-chau.xlsx"), await reviewed("tp-lai-chau", { "CQS-02": { numerator: 700, denominator: 1000, note: "Thiếu cán bộ" } }, "approved"));
  writeFileSync(join(inbox, "tam-duong.xlsx"), await reviewed("huyen-tam-duong", { "CQS-02": { numerator: 150, denominator: 200 } }, "returned"));
  writeFileSync(join(inbox, "sin-ho.xlsx"), await reviewed("huyen-sin-ho", { "CQS-02": { numerator: 450, denominator: 500 } }, null));
  // approved, then the clerk changed a figure: the approval no longer holds
  writeFileSync(join(inbox, "phong-tho.xlsx"), await reviewed("huyen-phong-tho", { "CQS-02": { numerator: 90, denominator: 100 } }, "approved", { "CQS-02": { numerator: 80, denominator: 100 } }));
});

const unitOf = (json: ConsolidateJson, code: string) => json.units.find((u) => u.unit === code)!;

describe("chitieu consolidate and the reviewer's decisions", () => {
  it("shows each unit's review state and explained shortfalls in the JSON and the Đầy đủ sheet, rolling up every report", async () => {
    const out = join(dir, "all.xlsx");
    const json = join(dir, "all.json");
    const r = await run(["consolidate", inbox, "--year", "2025", "--period", "2025-H1", "--out", out, "--json", json]);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(json, "utf8")) as ConsolidateJson;
    expect(report.approvedOnly).toBe(false);
    expect(unitOf(report, "tp-lai-chau")).toMatchObject({ status: "received", review: { state: "approved", by: "Lò Văn Hùng", at: AT, reopened: false }, shortfalls: { explained: 1, unexplained: 0 } });
    expect(unitOf(report, "huyen-tam-duong")).toMatchObject({ status: "received", review: { state: "returned", comment: "Thiếu minh chứng CQS-02" }, shortfalls: { explained: 0, unexplained: 1 } });
    expect(unitOf(report, "huyen-sin-ho").review).toMatchObject({ state: "open", by: null, text: "Chưa duyệt" });
    expect(unitOf(report, "huyen-phong-tho").review).toMatchObject({ state: "open", reopened: true });
    expect(unitOf(report, "huyen-phong-tho").review!.text).toBe("Chưa duyệt. quyết định trước đã được mở lại vì số liệu thay đổi");
    // 700 + 150 + 450 + 90 over 1000 + 200 + 500 + 100
    expect(report.indicators.find((i) => i.indicator === "CQS-02")).toMatchObject({ numerator: 1390, denominator: 1800 });

    const sheet = readWorkbook(new Uint8Array(readFileSync(out))).sheets.find((s) => s.name === "Đầy đủ")!;
    const header = sheet.values.find((row) => row.includes("Rà soát"))!;
    const col = header.indexOf("Rà soát");
    const rowOf = (file: string) => sheet.values.find((row) => typeof row[3] === "string" && (row[3] as string).endsWith(file))!;
    expect(rowOf("tp-lai-chau.xlsx")[col]).toBe("Đã duyệt — Lò Văn Hùng, 27/11/2026 09:30");
    expect(rowOf("tam-duong.xlsx")[col]).toBe("Trả lại — Lò Văn Hùng, 27/11/2026 09:30: Thiếu minh chứng CQS-02");
    expect(rowOf("sin-ho.xlsx")[col]).toBe("Chưa duyệt");
    expect(header[col + 1]).toBe("Chưa đạt: có / chưa giải trình");
    expect(rowOf("tp-lai-chau.xlsx")[col + 1]).toBe("1 / 0");
    // each unit's findings: the explained shortfall said apart, with its explanation
    const findings = readWorkbook(new Uint8Array(readFileSync(out))).sheets.find((s) => s.values.some((row) => row.includes("Nội dung")))!;
    const explained = findings.values.find((row) => row[0] === "tp-lai-chau" && row[3] === "CQS-02")!;
    expect(explained[4]).toBe("Chưa đạt — có giải trình");
    expect(String(explained[5])).toContain("Giải trình: Thiếu cán bộ");
  });

  it("--approved-only rolls up approved reports only and names each unit left out, with why", async () => {
    const json = join(dir, "approved.json");
    const r = await run(["consolidate", inbox, "--year", "2025", "--period", "2025-H1", "--json", json, "--approved-only"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Chỉ tổng hợp báo cáo đã duyệt (--approved-only): 3 đơn vị bị bỏ qua.");
    expect(r.out).toMatch(/Chưa được duyệt: huyện Tam Đường .*tam-duong\.xlsx — Người rà soát đã trả lại \(Lò Văn Hùng, 27\/11\/2026 09:30\): Thiếu minh chứng CQS-02/);
    expect(r.out).toMatch(/Chưa được duyệt: huyện Sìn Hồ .*sin-ho\.xlsx — Báo cáo chưa được rà soát, duyệt/);
    expect(r.out).toMatch(/Chưa được duyệt: huyện Phong Thổ .*phong-tho\.xlsx — Đã duyệt nhưng số liệu thay đổi sau khi duyệt: cần duyệt lại/);
    const report = JSON.parse(readFileSync(json, "utf8")) as ConsolidateJson;
    expect(report.approvedOnly).toBe(true);
    expect(report.received).toBe(1);
    expect(report.units.filter((u) => u.status === "not-approved").map((u) => u.unit).sort()).toEqual(["huyen-phong-tho", "huyen-sin-ho", "huyen-tam-duong"]);
    const cqs02 = report.indicators.find((i) => i.indicator === "CQS-02")!;
    // only Thành phố Lai Châu's 700/1000
    expect(cqs02).toMatchObject({ numerator: 700, denominator: 1000, value: 70 });
    expect(cqs02.byUnit.find((b) => b.unit === "huyen-tam-duong")!.reason).toBe("Báo cáo của đơn vị chưa được duyệt (--approved-only)");
  });

  it("says it in English too", async () => {
    const r = await run(["consolidate", inbox, "--year", "2025", "--period", "2025-H1", "--json", join(dir, "en.json"), "--approved-only", "--lang", "en"]);
    expect(r.out).toContain("Approved reports only (--approved-only): 3 units left out.");
    expect(r.out).toMatch(/Not approved: .*tam-duong\.xlsx — Returned by the reviewer \(Lò Văn Hùng, 27\/11\/2026 09:30\): Thiếu minh chứng CQS-02/);
  });
});

const openpyxl = requireTools(["openpyxl"]);

openpyxl.describe("explained shortfalls in the scorecard", () => {
  it("sets the explained unmet target apart in the JSON and on a paler fill in Bảng điểm, with a legend", async () => {
    const out = join(dir, "explained.xlsx");
    const json = join(dir, "explained.json");
    expect((await run(["consolidate", inbox, "--year", "2025", "--period", "2025-H1", "--out", out, "--json", json])).code).toBe(0);
    const cqs02 = (JSON.parse(readFileSync(json, "utf8")) as ConsolidateJson).indicators.find((i) => i.indicator === "CQS-02")!;
    const of = (unit: string) => cqs02.byUnit.find((b) => b.unit === unit)!;
    // both below 80%: Thành phố Lai Châu explained it ("Thiếu cán bộ"), Tam Đường did not; the status is the same
    expect(of("tp-lai-chau")).toMatchObject({ status: "below", explanation: "Thiếu cán bộ" });
    expect(of("huyen-tam-duong")).toMatchObject({ status: "below", explanation: null });
    const script = `
import openpyxl, sys, json
ws = openpyxl.load_workbook(sys.argv[1])["Bảng điểm"]
head = next(r for r in ws.iter_rows() if any(c.value == "CQS-02" for c in r))
col = next(c.column for c in head if c.value == "CQS-02")
fills = {}
for row in ws.iter_rows(min_row=head[0].row + 1):
    if row[0].value in ("tp-lai-chau", "huyen-tam-duong"):
        fills[row[0].value] = ws.cell(row=row[0].row, column=col).fill.fgColor.rgb[-6:]
legend = any(isinstance(c.value, str) and "có giải trình" in c.value for r in ws.iter_rows() for c in r)
print(json.dumps({"fills": fills, "legend": legend}))
`;
    const read = JSON.parse(execFileSync(PYTHON, ["-c", script, out], { encoding: "utf8" })) as { fills: Record<string, string>; legend: boolean };
    expect(read.fills["huyen-tam-duong"]).toBe("FFC7CE");
    expect(read.fills["tp-lai-chau"]).toBe("FBE5E8");
    expect(read.legend).toBe(true);
  });
});

