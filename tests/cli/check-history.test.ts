// `chitieu check --history`: the unit's earlier reports (our template, filled as a clerk would) given as a folder or
// as files; what the user reads and what the JSON says. Expected figures are worked out by hand in the comments.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { JsonReport } from "../../src/cli/commands/check";
import { main } from "../../src/cli/main";
import { unitWorkbook } from "../support/unit-workbooks";
import { defaultCatalog } from "../../src/core/catalog";
import { buildTemplateLayout, fillTemplateLayout, type IndicatorFigures, type TemplateLayout } from "../../src/core/template";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { writeTemplateXlsx } from "../../src/hosts/xlsx/template";

const dir = mkdtempSync(join(tmpdir(), "chitieu-history-"));

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function put(name: string, bytes: Uint8Array): string {
  const file = join(dir, name);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, bytes);
  return file;
}

// Tam Đường's CQS-07 (≥ 70% in 2025): 40% in 2022, 48% in 2023 (2021's report was never filed), 52% now in 2024.
// XHS-10 primary schools: 40 schools in 2023, 18 in 2024: a denominator to double-check.
const past = join(dir, "tam-duong-cac-nam");
put("tam-duong-cac-nam/2022.xlsx", unitWorkbook("huyen-tam-duong", { "CQS-07": { numerator: 40, denominator: 100 } }, { year: 2022 }));
put("tam-duong-cac-nam/2023.xlsx", unitWorkbook("huyen-tam-duong", { "CQS-07": { numerator: 48, denominator: 100 }, "XHS-10": { numerator: 20, denominator: 40 } }, { year: 2023 }));
// another district's report in the same folder: set aside, never lent
put("tam-duong-cac-nam/sin-ho-2023.xlsx", unitWorkbook("huyen-sin-ho", { "CQS-07": { numerator: 99, denominator: 100 } }, { year: 2023 }));
// a damaged file in the folder: said, and the others still used
writeFileSync(join(past, "hong.xlsx"), "not a workbook");
const current = put("tam-duong-2024.xlsx", unitWorkbook("huyen-tam-duong", { "CQS-07": { numerator: 52, denominator: 100 }, "XHS-10": { numerator: 12, denominator: 18 } }, { year: 2024 }));

describe("chitieu check --history <folder>", () => {
  it("starts the path from 2023's 48%, projects 2027 (two years late) and flags the halved denominator", async () => {
    const r = await run(["check", current, "--history", past, "--json", "-"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as JsonReport;
    const cqs07 = json.findings.find((f) => f.indicator === "CQS-07")!;
    // path 48 → 70 over 2023..2025: 2024 needs 59; 52 is behind
    expect(cqs07.status).toBe("off-track");
    expect(cqs07.message).toContain("mức cần đạt năm 2024 là 59%");
    expect(cqs07.message).toContain("Lộ trình tính thẳng từ kết quả năm 2023 của đơn vị (48%, theo báo cáo");
    // (2022, 40) (2023, 48) (2024, 52): 6 points a year; 18 more → 2027
    expect(cqs07.history).toEqual([{ year: 2022, value: 40 }, { year: 2023, value: 48 }]);
    expect(cqs07.pace).toBe(6);
    expect(cqs07.projectedYear).toBe(2027);
    expect(cqs07.message).toContain("đạt 70% vào năm 2027 — chậm 2 năm");

    const xhs10 = json.findings.find((f) => f.indicator === "XHS-10")!;
    expect(xhs10.history).toEqual([{ year: 2023, value: 50 }]);
    // a single earlier figure: no pace, no projection in the JSON
    expect("pace" in xhs10).toBe(false);
    expect("projectedYear" in xhs10).toBe(false);
    expect(xhs10.doubleCheck).toEqual(["Cần kiểm tra lại mẫu số: năm nay 18, năm 2023 là 40 (thay đổi 2,2 lần)"]);
    expect(xhs10.severity).not.toBe("error");

    expect(json.history?.used.map((u) => u.year)).toEqual([2022, 2023]);
    expect(json.history?.setAside).toEqual([expect.objectContaining({ year: 2023, unit: "huyen-sin-ho", reason: "other-unit" })]);
    expect(r.err).toContain("Không dùng được báo cáo năm trước");
    expect(r.err).toContain("hong.xlsx");
    expect(r.err).toContain("sin-ho-2023.xlsx: báo cáo của đơn vị khác (huyen-sin-ho), không dùng làm số liệu năm trước");
    expect(r.err).toContain("Cần kiểm tra lại (so với số liệu các năm trước của đơn vị):");
  });

  it("without --history keeps today's behaviour and says there is no baseline", async () => {
    const r = await run(["check", current, "--json", "-"]);
    const cqs07 = (JSON.parse(r.out) as JsonReport).findings.find((f) => f.indicator === "CQS-07")!;
    expect(cqs07.message).toContain("Không có số liệu gốc để dựng lộ trình: so sánh trực tiếp với mục tiêu năm 2025");
    expect("history" in cqs07).toBe(false);
  });

  it("takes single files too, and says so in English", async () => {
    const r = await run(["check", current, "--history", join(past, "2023.xlsx"), "--lang", "en", "--json", "-"]);
    const cqs07 = (JSON.parse(r.out) as JsonReport).findings.find((f) => f.indicator === "CQS-07")!;
    expect(cqs07.message).toContain("The path runs straight from the unit's 2023 result (48%, from report");
    expect(cqs07.message).toContain("Only one earlier result: too little to compute a pace or a projection");
  });
});

describe("the template's 'Kết quả năm trước' column", () => {
  const catalog = defaultCatalog();
  const unit = { code: "huyen-tam-duong", name: "Tam Đường", level: "district" as const, kind: "huyện" };

  /** This year's report as the clerk filled it, with last year's CQS-02 typed by hand as 65 (last year's file says 70). */
  function thisYear(): { file: string; layout: TemplateLayout } {
    const blank = buildTemplateLayout({ catalog, unit, year: 2024 });
    const filled = fillTemplateLayout(blank, new Map<string, IndicatorFigures>([
      ["CQS-07", { numerator: 52, denominator: 100 }],
      ["XHS-10", { numerator: 12, denominator: 18 }],
      ["CQS-02", { numerator: 75, denominator: 100 }],
    ]));
    const typed = blank.rows.find((r) => r.indicatorCode === "CQS-02")!.cells.previous!;
    const layout = { ...filled, cells: filled.cells.map((c) => (c.ref === typed ? { ...c, value: 65 } : c)) };
    return { file: put(`typed-${Math.random().toString(36).slice(2)}.xlsx`, writeTemplateXlsx(layout)), layout };
  }
  const lastYear = put("last-year-2023.xlsx", unitWorkbook("huyen-tam-duong", { "CQS-07": { numerator: 48, denominator: 100 }, "XHS-10": { numerator: 20, denominator: 40 }, "CQS-02": { numerator: 70, denominator: 100 } }, { year: 2023 }));

  function previousOf(bytes: Uint8Array, layout: TemplateLayout, code: string) {
    const snapshot = readWorkbook(bytes);
    const sheet = snapshot.sheets.find((s) => s.name === layout.sheetName)!;
    const ref = layout.rows.find((r) => r.indicatorCode === code)!.cells.previous!;
    const row = Number(ref.slice(1));
    return sheet.values[row - 1 - sheet.top]?.[15 - sheet.left] ?? null;
  }

  it("fills the empty cells from last year's file into a copy, keeps what the clerk typed, and leaves the input alone", async () => {
    const { file, layout } = thisYear();
    const before = readFileSync(file);
    const out = join(dir, `filled-${Math.random().toString(36).slice(2)}.xlsx`);
    const r = await run(["check", file, "--history", lastYear, "--fill-previous", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Cột Kết quả năm trước: đã điền 2 ô từ báo cáo năm trước, giữ nguyên 1 ô đã có số liệu");
    const filled = new Uint8Array(readFileSync(out));
    expect(previousOf(filled, layout, "CQS-07")).toBe(48);
    expect(previousOf(filled, layout, "XHS-10")).toBe(50);
    expect(previousOf(filled, layout, "CQS-02")).toBe(65);
    expect(readFileSync(file).equals(before)).toBe(true);

    // the copy alone, without the file: the column starts the path (48 → 70: 2024 needs 59)
    const again = JSON.parse((await run(["check", out, "--json", "-"])).out) as JsonReport;
    const cqs07 = again.findings.find((f) => f.indicator === "CQS-07")!;
    expect(cqs07.message).toContain("mức cần đạt năm 2024 là 59%");
    expect(cqs07.message).toContain("Lộ trình tính thẳng từ kết quả năm 2023 của đơn vị (48%, theo cột Kết quả năm trước)");
    // CQS-02 district 80% in 2025: the clerk's 65 starts it: 65 + 15 / 2 = 72.5; 75 is on track
    const cqs02 = again.findings.find((f) => f.indicator === "CQS-02")!;
    expect(cqs02.message).toContain("mức cần đạt năm 2024 là 72,5%");
    expect(cqs02.status).toBe("on-track");
  });

  it("prefers what the clerk typed over last year's file when both give last year's figure", async () => {
    const { file } = thisYear();
    const json = JSON.parse((await run(["check", file, "--history", lastYear, "--json", "-"])).out) as JsonReport;
    const cqs02 = json.findings.find((f) => f.indicator === "CQS-02")!;
    expect(cqs02.history).toEqual([{ year: 2023, value: 65 }]);
  });

  it("refuses --fill-previous without a copy to write or a report to fill from", async () => {
    const { file } = thisYear();
    const r = await run(["check", file, "--fill-previous", "--out", join(dir, "x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--fill-previous cần --history");
  });

  it("still reads a template made before the column existed, as before", async () => {
    const blank = buildTemplateLayout({ catalog, unit, year: 2024 });
    const filled = fillTemplateLayout(blank, new Map<string, IndicatorFigures>([["CQS-07", { numerator: 52, denominator: 100 }]]));
    const old: TemplateLayout = {
      ...filled,
      columns: filled.columns.filter((c) => c.key !== "previous"),
      cells: filled.cells.filter((c) => !c.ref.startsWith("P")).map((c) => (c.ref.startsWith("O") && c.formula !== undefined ? { ref: c.ref, style: c.style, value: c.cached ?? null } : c)),
      validations: filled.validations.map((v) => ({ ...v, refs: v.refs.filter((x) => !x.startsWith("P")) })).filter((v) => v.refs.length > 0),
      lastColumn: "O",
    };
    const file = put("old-template-2024.xlsx", writeTemplateXlsx(old));
    const json = JSON.parse((await run(["check", file, "--history", lastYear, "--json", "-"])).out) as JsonReport;
    const cqs07 = json.findings.find((f) => f.indicator === "CQS-07")!;
    expect(cqs07.message).toContain("mức cần đạt năm 2024 là 59%");
    expect(cqs07.message).toContain("theo báo cáo last-year-2023.xlsx");
  });
});

describe("chitieu template --previous", () => {
  const last = put("tam-duong-2023-for-template.xlsx", unitWorkbook("huyen-tam-duong", { "CQS-07": { numerator: 48, denominator: 100 } }, { year: 2023 }));

  it("fills 'Kết quả năm trước' from last year's report, and the level required starts from it", async () => {
    const out = join(dir, `template-2024-${Math.random().toString(36).slice(2)}.xlsx`);
    const r = await run(["template", "--level", "huyen", "--unit", "Tam Đường", "--year", "2024", "--previous", last, "--out", out]);
    expect(r.code).toBe(0);
    const snapshot = readWorkbook(new Uint8Array(readFileSync(out)));
    const sheet = snapshot.sheets.find((s) => s.name === "Báo cáo")!;
    const row = sheet.values.find((v) => v[1] === "CQS-07")!;
    // P = 48; E says the path from it (48 → 70: 59 in 2024), as the engine would judge
    expect(row[15]).toBe(48);
    expect(row[4]).toBe("≥ 59% (lộ trình: 48% năm 2023 → 70% năm 2025)");
  });

  it("refuses another unit's report or another year's", async () => {
    const otherUnit = put("sin-ho-2023-for-template.xlsx", unitWorkbook("huyen-sin-ho", {}, { year: 2023 }));
    const a = await run(["template", "--level", "huyen", "--unit", "Tam Đường", "--year", "2024", "--previous", otherUnit, "--out", join(dir, "t1.xlsx")]);
    expect(a.code).toBe(2);
    expect(a.err).toContain("Báo cáo năm trước sin-ho-2023-for-template.xlsx là của đơn vị huyen-sin-ho, không phải huyen-tam-duong");
    const b = await run(["template", "--level", "huyen", "--unit", "Tam Đường", "--year", "2025", "--previous", last, "--out", join(dir, "t2.xlsx")]);
    expect(b.code).toBe(2);
    expect(b.err).toContain("là năm 2023, không phải năm 2024");
  });
});

describe("chitieu check --history <the province's consolidated workbook of an earlier year>", () => {
  // 2023's consolidation of Tam Đường (48%) and Sìn Hồ (99%), written by `chitieu consolidate`
  const inbox = join(dir, "nhan-2023");
  put("nhan-2023/tam-duong.xlsx", unitWorkbook("huyen-tam-duong", { "CQS-07": { numerator: 48, denominator: 100 } }, { year: 2023 }));
  put("nhan-2023/sin-ho.xlsx", unitWorkbook("huyen-sin-ho", { "CQS-07": { numerator: 99, denominator: 100 } }, { year: 2023 }));
  const book = join(dir, "tong-hop-2023.xlsx");
  const first2022 = join(past, "2022.xlsx");

  it("takes the unit's own row of the scorecard as its 2023 figure, and no other unit's", async () => {
    expect((await run(["consolidate", inbox, "--year", "2023", "--out", book])).code).toBe(0);
    const r = await run(["check", current, "--history", book, "--history", first2022, "--json", "-"]);
    expect(r.code).toBe(0);
    const cqs07 = (JSON.parse(r.out) as JsonReport).findings.find((f) => f.indicator === "CQS-07")!;
    // the same series as from the unit's own files: 40 (2022), 48 (2023) — never Sìn Hồ's 99
    expect(cqs07.history).toEqual([{ year: 2022, value: 40 }, { year: 2023, value: 48 }]);
    expect(cqs07.pace).toBe(6);
    expect(cqs07.message).toContain("theo bảng tổng hợp toàn tỉnh tong-hop-2023.xlsx");
    // the other districts' rows are not this unit's: nothing is said of them
    expect(r.err).not.toContain("đơn vị khác");
  });

  it("says so when the consolidated workbook has no row for the unit", async () => {
    const other = put("nhan-2023b/sin-ho.xlsx", unitWorkbook("huyen-sin-ho", { "CQS-07": { numerator: 99, denominator: 100 } }, { year: 2023 }));
    const only = join(dir, "tong-hop-2023-sin-ho.xlsx");
    expect((await run(["consolidate", other, "--year", "2023", "--out", only])).code).toBe(0);
    const r = await run(["check", current, "--history", only]);
    expect(r.out).toContain("tong-hop-2023-sin-ho.xlsx: bảng tổng hợp năm 2023 không có số liệu của đơn vị này, không dùng");
  });
});

describe("a province-level report with the consolidated workbook of an earlier year", () => {
  it("takes the provincial value (the ratio of sums) as the province's own earlier figure", async () => {
    const inbox = join(dir, "nhan-2023c");
    put("nhan-2023c/tam-duong.xlsx", unitWorkbook("huyen-tam-duong", { "CQS-07": { numerator: 48, denominator: 100 } }, { year: 2023 }));
    put("nhan-2023c/sin-ho.xlsx", unitWorkbook("huyen-sin-ho", { "CQS-07": { numerator: 99, denominator: 100 } }, { year: 2023 }));
    const book = join(dir, "tong-hop-2023c.xlsx");
    expect((await run(["consolidate", inbox, "--year", "2023", "--out", book])).code).toBe(0);
    const province = put("tinh-2024.xlsx", unitWorkbook("tinh-lai-chau", { "CQS-07": { numerator: 60, denominator: 100 } }, { year: 2024 }));
    const r = await run(["check", province, "--history", book, "--json", "-"]);
    const cqs07 = (JSON.parse(r.out) as JsonReport).findings.find((f) => f.indicator === "CQS-07")!;
    // (48 + 99) / (100 + 100) = 73.5 %, never the average of 48 % and 99 %
    expect(cqs07.history).toEqual([{ year: 2023, value: 73.5 }]);
  });
});
