import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog } from "../../src/core/catalog";
import { buildTemplateLayout, type IndicatorFigures } from "../../src/core/template";
import { hasHighlights } from "../../src/hosts/xlsx/mark";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { writeTemplateXlsx } from "../../src/hosts/xlsx/template";
import type { JsonReport, JsonUnusable } from "../../src/cli/commands/check";
import { main } from "../../src/cli/main";
import { unitWorkbook, withoutProperties } from "../support/unit-workbooks";

const dir = mkdtempSync(join(tmpdir(), "chitieu-cli-"));
const catalog = defaultCatalog();

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** A district report for 2025 with known figures, as a clerk would fill it. */
function filledDistrictWorkbook(figures: [string, IndicatorFigures][]): string {
  const layout = buildTemplateLayout({ catalog, unit: { code: "huyen-tam-duong", name: "Tam Đường", level: "district", kind: "huyện" }, year: 2025 });
  const file = join(dir, `tam-duong-${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(file, writeTemplateXlsx(layout, { values: new Map(figures) }));
  return file;
}

describe("chitieu template", () => {
  it("writes the template for a commune that exists in the chosen year", async () => {
    const out = join(dir, "muong-kim.xlsx");
    const r = await run(["template", "--level", "xa", "--unit", "muong kim", "--year", "2025", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("xã Mường Kim");
    expect(readWorkbook(new Uint8Array(readFileSync(out))).metadata).toMatchObject({ unitCode: "xa-muong-kim", level: "commune", year: 2025 });
  });

  it("refuses a district in 2026, after districts were abolished, naming its validity", async () => {
    const r = await run(["template", "--level", "huyen", "--unit", "Tam Đường", "--year", "2026", "--out", join(dir, "x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("không tồn tại ở cấp/năm đã chọn (2026)");
    expect(r.err).toContain("30/06/2025");
  });

  it("asks which one when a name fits two units (Mường Tè district and commune in 2025)", async () => {
    const r = await run(["template", "--unit", "Mường Tè", "--year", "2025", "--out", join(dir, "mt.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Có nhiều đơn vị tên "Mường Tè": huyen-muong-te .*xa-muong-te/);
  });
});

describe("chitieu check on a filled template", () => {
  const figures: [string, IndicatorFigures][] = [
    ["CQS-02", { numerator: 700, denominator: 1000 }], // district 2025 target 80%: 70%, 10 points short
    ["CQS-03", { numerator: 1000, denominator: 1000 }], // 100%: met exactly
    ["XHS-02", { numerator: 5000, denominator: 10000 }], // "trên 50%": exactly 50% is not above
    ["XHS-06", { numerator: 120, denominator: 100 }], // numerator above denominator: malformed
    ["XHS-09", { value: "Không" }], // a district without smart-city services: counts toward the 40% share
    ["XHS-10", { numerator: 30, denominator: 40 }], // primary schools 75% vs 60%: met, +15
  ];
  const file = filledDistrictWorkbook(figures);
  const json = join(dir, "report.json");
  const marked = join(dir, "marked.xlsx");
  let result: { code: number; out: string; err: string };
  let report: JsonReport;
  beforeAll(async () => {
    result = await run(["check", file, "--json", json, "--out", marked]);
    report = JSON.parse(readFileSync(json, "utf8"));
  });
  const finding = (code: string) => report.findings.find((f) => f.indicator === code)!;

  it("runs with exit code 0 and takes unit, level and year from the workbook", () => {
    expect(result.code).toBe(0);
    expect(report).toMatchObject({ unit: "huyen-tam-duong", level: "district", year: 2025 });
  });

  it("gives exactly the expected statuses and gaps", () => {
    expect(finding("CQS-02")).toMatchObject({ status: "below", severity: "warning", value: 70, target: 80, comparator: ">=", gap: -10 });
    expect(finding("CQS-03")).toMatchObject({ status: "met", value: 100, target: 100, gap: 0 });
    expect(finding("XHS-02")).toMatchObject({ status: "below", value: 50, target: 50, comparator: ">", gap: 0 });
    expect(finding("XHS-06")).toMatchObject({ status: "invalid", severity: "error", message: "Tử số (120) lớn hơn mẫu số (100)" });
    expect(finding("XHS-09")).toMatchObject({ status: "below", severity: "info" });
    expect(finding("XHS-10")).toMatchObject({ status: "met", value: 75, gap: 15 });
    expect(finding("CQS-01")).toMatchObject({ status: "missing" });
  });

  it("reports cells in A1 form on the template sheet", () => {
    for (const f of report.findings) {
      expect(f.sheet).toBe("Báo cáo");
      expect(f.cell).toMatch(/^[A-Z]+\d+$/);
    }
  });

  it("prints a Vietnamese summary by pillar and the findings to fix", () => {
    expect(result.out).toContain("Tổng hợp: 2 đạt, 3 chưa đạt, 1 sai số liệu");
    expect(result.out).toContain("Chính quyền số:");
    expect(result.out).toContain("Lỗi số liệu (cần sửa):");
    expect(result.out).toMatch(/XHS-06 +Báo cáo!G\d+/);
  });

  it("writes a highlighted copy and leaves the input untouched", () => {
    expect(hasHighlights(new Uint8Array(readFileSync(marked)))).toBe(true);
    expect(hasHighlights(new Uint8Array(readFileSync(file)))).toBe(false);
  });

  it("exits 1 with --strict when a figure is malformed", async () => {
    expect((await run(["check", file, "--strict"])).code).toBe(1);
  });

  it("clears the highlights again", async () => {
    const cleared = join(dir, "cleared.xlsx");
    const r = await run(["clear", marked, "--out", cleared]);
    expect(r.code).toBe(0);
    expect(hasHighlights(new Uint8Array(readFileSync(cleared)))).toBe(false);
  });
});

describe("chitieu check on bad input", () => {
  it("never writes over its input", async () => {
    const file = filledDistrictWorkbook([]);
    const before = readFileSync(file);
    const r = await run(["check", file, "--out", file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Không ghi đè tệp gốc");
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("keeps going through a batch when one file is broken, and exits 2", async () => {
    const broken = join(dir, "broken.xlsx");
    writeFileSync(broken, "đây không phải tệp Excel");
    const good = filledDistrictWorkbook([["CQS-02", { numerator: 900, denominator: 1000 }]]);
    const json = join(dir, "batch.json");
    const r = await run(["check", broken, good, "--json", json, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Cannot use");
    expect(r.out).toContain("1/2 files checked.");
    const reports = JSON.parse(readFileSync(json, "utf8")) as (JsonReport | JsonUnusable)[];
    expect(reports).toHaveLength(2);
    expect(reports[0]).toEqual({ file: broken, error: { code: "not-zip", message: expect.stringContaining("not an Excel workbook") } });
    expect((reports[1] as JsonReport).findings.find((f) => f.indicator === "CQS-02")).toMatchObject({ status: "met" });
  });

  it("a workbook with no indicator table (a real file of someone else's) is refused for that, not for want of a level", async () => {
    const corpus = join(__dirname, "../fixtures/corpus/readxl__vietnamese-utf8.xlsx");
    if (!existsSync(corpus)) throw new Error(`corpus missing: ${corpus}`);
    const r = await run(["check", corpus]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/không có biểu mẫu Chỉ tiêu CĐS và không có bảng chỉ tiêu nào/);
    expect(r.err).not.toMatch(/cấp báo cáo và năm báo cáo/);
  });
});

describe("chitieu check with options that contradict the file", () => {
  /** Sìn Suối Hồ's 2026 report, as a clerk fills it. */
  function sinSuoiHo2026(opts: { dropProperties?: boolean } = {}): string {
    const file = join(dir, `sin-suoi-ho-${Math.random().toString(36).slice(2)}.xlsx`);
    const bytes = unitWorkbook("xa-sin-suoi-ho", { "CQS-02": { numerator: 65, denominator: 100 } }, { year: 2026 });
    writeFileSync(file, opts.dropProperties ? withoutProperties(bytes) : bytes);
    return file;
  }

  it("--year: checked for the year given, with a warning naming both years and the unit, in the text and the JSON", async () => {
    const file = sinSuoiHo2026();
    const json = join(dir, "conflict.json");
    const r = await run(["check", file, "--year", "2025", "--json", json]);
    expect(r.code).toBe(0);
    const warning =
      "Cảnh báo: tệp của xã Sin Suối Hồ ghi năm 2026 (theo thông tin của biểu mẫu) nhưng --year 2025: đã kiểm tra theo năm 2025 như bạn chỉ định. Bỏ --year để kiểm tra theo năm ghi trong tệp.";
    expect(r.out).toContain(warning);
    const report = JSON.parse(readFileSync(json, "utf8")) as JsonReport;
    expect(report.year).toBe(2025);
    expect(report.conflicts).toEqual([{ field: "year", stated: 2026, given: 2025, statedBy: "metadata", message: warning }]);
  });

  it("--level and --unit on a file that lost its properties: compared with its header, said in English with --lang en", async () => {
    const r = await run(["check", sinSuoiHo2026({ dropProperties: true }), "--level", "tinh", "--unit", "Lai Châu", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Warning: the file is the report of xã Sin Suối Hồ (in the template's header) but --unit gives tỉnh Lai Châu: the results are reported for tỉnh Lai Châu, as you asked.");
    expect(r.out).toContain("Warning: the file for xã Sin Suối Hồ states commune level (in the template's header) but --level gives province level: checked against the province level targets, as you asked.");
  });

  it("options that agree with the file, a unit given by its name included, give no warning and an empty list", async () => {
    const json = join(dir, "agree.json");
    const r = await run(["check", sinSuoiHo2026(), "--unit", "Sìn Suối Hồ", "--level", "xa", "--json", json]);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain("Cảnh báo");
    expect((JSON.parse(readFileSync(json, "utf8")) as JsonReport).conflicts).toEqual([]);
  });
});
