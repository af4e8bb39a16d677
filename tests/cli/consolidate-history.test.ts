import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ConsolidateJson } from "../../src/cli/commands/consolidate";
import { main } from "../../src/cli/main";
import { convert, decodePng, libreOfficeProfile, rowsWithColour } from "../hosts/xlsx/template/external-tools";
import { PYTHON, requireTools } from "../support/tools";
import { truncated, unitWorkbook, type Figures } from "../support/unit-workbooks";

// `chitieu consolidate --history`: earlier years' unit workbooks (a folder per year) and an earlier consolidated
// workbook of ours, the JSON's series/pace/projectedYear, the "Xu hướng" sheet and its line charts read back by
// openpyxl and rendered by LibreOffice. Figures worked out by hand in tests/core/consolidate/history.test.ts:
// CQS-02 provincial 29.1667 (2021), 45 (2022), 56.6667 (2023), 64.1667 (2024): 11.6667 a year, 90% in 2027.

const tools = requireTools(["soffice", "openpyxl", "pdftoppm"]);

jest.setTimeout(240_000);

const dir = mkdtempSync(join(tmpdir(), "chitieu-history-"));
const put = (rel: string, bytes: Uint8Array) => {
  const p = join(dir, rel);
  mkdirSync(join(p, ".."), { recursive: true });
  writeFileSync(p, bytes);
  return p;
};
const wb = (code: string, year: number, figures: Figures) => unitWorkbook(code, figures, { year });

put("truoc/2021/tp-lai-chau.xlsx", wb("tp-lai-chau", 2021, { "CQS-02": { numerator: 300, denominator: 1000 } }));
put("truoc/2021/tam-duong.xlsx", wb("huyen-tam-duong", 2021, { "CQS-02": { numerator: 50, denominator: 200 } }));
// 2022: Tam Đường's report is missing
put("truoc/2022/tp-lai-chau.xlsx", wb("tp-lai-chau", 2022, { "CQS-02": { numerator: 450, denominator: 1000 }, "XHS-06": { numerator: 50, denominator: 100 } }));
put("truoc/2022/hong.xlsx", truncated(wb("huyen-sin-ho", 2022, {})));
// 2023 arrives only as last year's consolidated workbook, made from these files by the command itself
put("nguon-2023/tp-lai-chau.xlsx", wb("tp-lai-chau", 2023, { "CQS-02": { numerator: 600, denominator: 1000 }, "XHS-06": { numerator: 45, denominator: 100 }, "CQS-07": { numerator: 20, denominator: 100 } }));
put("nguon-2023/tam-duong.xlsx", wb("huyen-tam-duong", 2023, { "CQS-02": { numerator: 80, denominator: 200 } }));
const current = join(dir, "nam-2024");
put("nam-2024/tp-lai-chau.xlsx", wb("tp-lai-chau", 2024, { "CQS-02": { numerator: 700, denominator: 1000 }, "XHS-06": { numerator: 40, denominator: 100 }, "CQS-07": { numerator: 30, denominator: 100 } }));
put("nam-2024/tam-duong.xlsx", wb("huyen-tam-duong", 2024, { "CQS-02": { numerator: 70, denominator: 200 } }));

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), tty: false });
  return { code, out, err };
}

const openpyxlScript = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Xu hướng"]
def cells(ref):
    sheet, rng = ref.split("!")
    got = wb[sheet.strip("'")][rng.replace("$", "")]
    if not isinstance(got, tuple):
        return [got.value]
    return [c.value for row in got for c in row]
charts = []
for c in ws._charts:
    charts.append({
        "type": type(c).__name__,
        "title": "".join(r.t for p in c.title.tx.rich.p for r in (p.r or [])),
        "series": [{"name": cells(s.tx.strRef.f)[0], "ref": s.val.numRef.f, "values": cells(s.val.numRef.f), "years": cells(s.cat.numRef.f)} for s in c.series],
    })
sc = wb["Bảng điểm"]
score = [[c for c in row] for row in sc.iter_rows(values_only=True)]
print(json.dumps({
    "sheets": wb.sheetnames,
    "header": [c for c in next(ws.iter_rows(min_row=4, max_row=4, values_only=True))],
    "rows": [[c for c in row] for row in ws.iter_rows(min_row=5, max_row=13, values_only=True)],
    "charts": charts,
    "scoreHeader": score[3],
    "score": {row[0]: row[-1] for row in score[5:] if row and row[0]},
    "legend": [row[0] for row in score if row and isinstance(row[0], str) and row[0].startswith("⚠")],
}, ensure_ascii=False))
`;

tools.describe("chitieu consolidate --history: the 2024 report with 2021–2023", () => {
  const out = join(dir, "tong-hop-2024.xlsx");
  const json = join(dir, "tong-hop-2024.json");
  let result: { code: number; out: string; err: string };
  let report: ConsolidateJson;
  const ind = (code: string) => report.indicators.find((i) => i.indicator === code)!;

  beforeAll(async () => {
    const earlier = await run(["consolidate", join(dir, "nguon-2023"), "--year", "2023", "--out", join(dir, "truoc", "tong-hop-2023.xlsx"), "--workers", "0"]);
    expect(earlier.code).toBe(0);
    // a second --history folder that does not exist: listed, never fatal
    result = await run(["consolidate", current, "--year", "2024", "--history", join(dir, "truoc"), "--history", join(dir, "khong-co"), "--out", out, "--json", json, "--workers", "1"]);
    report = JSON.parse(readFileSync(json, "utf8")) as ConsolidateJson;
  });

  it("runs to the end, and prints each provincial series with its pace and outlook", () => {
    expect(result.code).toBe(0);
    // four unit files, one broken file, last year's consolidated workbook, and the folder that is not there
    expect(result.out).toContain("Đọc 6 tệp các năm trước");
    expect(result.out).toContain("Số liệu các năm trước: 2021, 2022, 2023.");
    expect(result.out).toContain("CQS-02  2021: 29,17, 2022: 45, 2023: 56,67 → 2024: 64,17; tốc độ +11,67; đạt năm 2027 — chậm 2 năm");
    expect(result.out).toContain("XHS-06  2022: 50, 2023: 45 → 2024: 40; tốc độ -5; không đạt được nếu không tăng tốc");
    expect(result.out).toMatch(/Không dùng: .*hong\.xlsx — Không đọc được tệp/);
    expect(result.out).toMatch(/Không dùng: .*khong-co — /);
  });

  it("adds history, pace and projectedYear to each indicator and each unit in the JSON report", () => {
    const cqs02 = ind("CQS-02");
    expect(cqs02.history).toEqual([
      { year: 2021, value: expect.closeTo(29.1667, 4) },
      { year: 2022, value: 45 },
      // from the 2023 consolidated workbook, to the four decimals it shows
      { year: 2023, value: 56.6667 },
    ]);
    expect(cqs02.pace).toBeCloseTo(11.6667, 3);
    expect(cqs02.projectedYear).toBe(2027);
    // falling: null; a single earlier value: absent
    expect(ind("XHS-06")).toMatchObject({ pace: -5, projectedYear: null });
    expect(ind("CQS-07")).toMatchObject({ history: [{ year: 2023, value: 20 }], pace: null });
    expect("projectedYear" in ind("CQS-07")).toBe(false);
    const td = cqs02.byUnit.find((b) => b.unit === "huyen-tam-duong")!;
    expect(td).toMatchObject({ history: [{ year: 2021, value: 25 }, { year: 2023, value: 40 }], projectedYear: 2036 });
    expect(td.pace).toBeCloseTo(55 / 14, 6);
    expect(td.historyNote).toContain("Không có báo cáo của đơn vị cho năm 2022");
    expect(report.history!.years.map((y) => [y.year, y.source])).toEqual([[2021, "units"], [2022, "units"], [2023, "consolidated"]]);
    expect(report.history!.unused.map((u) => u.file.replace(dir, ""))).toEqual(expect.arrayContaining(["/truoc/2022/hong.xlsx", "/khong-co"]));
  });

  it("writes the trend sheet and native line charts that openpyxl reads back", () => {
    const got = JSON.parse(execFileSync(PYTHON, ["-c", openpyxlScript, out], { encoding: "utf8" })) as {
      sheets: string[]; header: unknown[]; rows: unknown[][];
      charts: { type: string; title: string; series: { name: string; ref: string; values: (number | null)[]; years: number[] }[] }[];
      scoreHeader: unknown[]; score: Record<string, unknown>; legend: string[];
    };
    expect(got.sheets).toContain("Xu hướng");
    expect(got.header).toEqual(["STT", "Mã", "Chỉ tiêu", "Dãy số", 2021, 2022, 2023, 2024, 2025, "Tốc độ (điểm/năm)", "Mục tiêu kế tiếp", "Dự báo"]);
    const cqs02 = got.rows.find((r) => r[1] === "CQS-02" && r[3] === "Giá trị toàn tỉnh")!;
    expect(cqs02.slice(4, 9)).toEqual([29.1667, 45, 56.6667, 64.1667, null]);
    expect(cqs02.slice(10)).toEqual(["≥ 90% (2025)", "đạt năm 2027 — chậm 2 năm"]);
    // one line chart per indicator with earlier values, in the catalog's order
    expect(got.charts.map((c) => [c.type, c.title])).toEqual([
      ["LineChart", "CQS-02: giá trị toàn tỉnh và lộ trình mục tiêu"],
      ["LineChart", "CQS-07: giá trị toàn tỉnh và lộ trình mục tiêu"],
      ["LineChart", "XHS-06: giá trị toàn tỉnh và lộ trình mục tiêu"],
    ]);
    const [value, path, pace] = got.charts[0]!.series;
    expect(value).toMatchObject({ name: "Giá trị toàn tỉnh", ref: "'Xu hướng'!$E$5:$I$5", values: [29.1667, 45, 56.6667, 64.1667, null], years: [2021, 2022, 2023, 2024, 2025] });
    // the path from 29.1667 in 2021 to 90 in 2025; at the current pace from 64.1667: 75.8334 in 2025
    expect(path!.name).toBe("Lộ trình mục tiêu");
    expect(path!.values.map((v) => (v === null ? null : Math.round(v * 100) / 100))).toEqual([29.17, 44.38, 59.58, 74.79, 90]);
    expect(pace!.name).toBe("Theo tốc độ hiện nay");
    expect(pace!.values[4]).toBeCloseTo(75.83, 1);
    // the scorecard marks the units whose pace misses the target year
    expect(got.scoreHeader[got.scoreHeader.length - 1]).toBe("⚠ Theo tốc độ hiện nay: lỡ mục tiêu");
    expect(got.score["huyen-tam-duong"]).toBe("⚠ CQS-02: đạt năm 2036 — chậm 11 năm");
    expect(got.score["tp-lai-chau"]).toBe("⚠ XHS-06: không đạt được nếu không tăng tốc");
    expect(got.score["huyen-muong-te"]).toBeNull();
    expect(got.legend).toHaveLength(1);
  });

  it("renders the trend sheet and its charts in LibreOffice", () => {
    const lo = join(dir, "lo");
    mkdirSync(lo, { recursive: true });
    convert(libreOfficeProfile(join(dir, "lo-profile")), "pdf", lo, [out]);
    const pdf = join(lo, "tong-hop-2024.pdf");
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("XU HƯỚNG CÁC NĂM VÀ DỰ BÁO THỜI ĐIỂM ĐẠT MỤC TIÊU");
    // a chart's title and legend exist only in the drawn chart, not in any cell
    expect(text).toContain("CQS-02: giá trị toàn tỉnh và lộ trình mục tiêu");
    // the page with the first chart, rasterised: the blue value line and the green path are drawn
    const pages = text.split("\f");
    const page = pages.findIndex((p) => p.includes("CQS-02: giá trị toàn tỉnh và lộ trình mục tiêu")) + 1;
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", String(page), "-l", String(page), pdf, join(lo, "trend")]);
    const png = readdirSync(lo).find((f) => f.startsWith("trend") && f.endsWith(".png"))!;
    const img = decodePng(readFileSync(join(lo, png)));
    expect(rowsWithColour(img, [0x44, 0x72, 0xc4], 2, 24).length).toBeGreaterThan(3);
    expect(rowsWithColour(img, [0x70, 0xad, 0x47], 2, 24).length).toBeGreaterThan(3);
  });
});

tools.describe("chitieu consolidate --history never costs an earlier year's file", () => {
  it("refuses an --out that names a file of the history folder, before reading anything", async () => {
    const earlier = join(dir, "truoc", "2021", "tp-lai-chau.xlsx");
    const sha = () => createHash("sha256").update(readFileSync(earlier)).digest("hex");
    const before = sha();
    const r = await run(["consolidate", current, "--year", "2024", "--history", join(dir, "truoc"), "--out", earlier, "--force"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("Không ghi đè tệp gốc tp-lai-chau.xlsx");
    expect(sha()).toBe(before);
  });

  it("says in English which earlier files were not used, and why", async () => {
    const r = await run(["consolidate", current, "--year", "2024", "--history", join(dir, "truoc", "2022"), "--json", join(dir, "en.json"), "--lang", "en", "--workers", "0"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Earlier years' figures: 2022.");
    expect(r.out).toMatch(/Not used: .*hong\.xlsx — The file cannot be read: The .xlsx file is damaged/);
    // one earlier value only: no pace, and no projected year at all
    const en = JSON.parse(readFileSync(join(dir, "en.json"), "utf8")) as ConsolidateJson;
    const cqs02 = en.indicators.find((i) => i.indicator === "CQS-02")!;
    expect(cqs02).toMatchObject({ history: [{ year: 2022, value: 45 }], pace: null });
    expect("projectedYear" in cqs02).toBe(false);
  });
});
