// `chitieu map` and `chitieu check` on offices' own layouts, as a user runs them.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { JsonReport } from "../../src/cli/commands/check";
import type { JsonMapping } from "../../src/cli/commands/map";
import { main } from "../../src/cli/main";
import { parseSavedMappingText } from "../../src/core/mapping";
import { readWorkbook } from "../../src/hosts/xlsx/read";

const dir = mkdtempSync(join(tmpdir(), "chitieu-map-"));
const LAYOUTS = join(__dirname, "..", "fixtures", "layouts");
const h01 = join(LAYOUTS, "held-out", "h01-huyen-ke-hoach-thuc-hien.xlsx");
const t05 = join(LAYOUTS, "tuning", "t05-xa-danh-so-xuong-dong.xlsx");

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe("chitieu map", () => {
  it("prints the proposed mapping with confidences, reasons, what the sheet says and what needs confirming", async () => {
    const r = await run(["map", h01]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Cấp: cấp huyện (theo ô Báo cáo!A1: "UBND HUYỆN TAM ĐƯỜNG")');
    expect(r.out).toContain("Đã khớp (9):");
    expect(r.out).toMatch(/CQS-02 +0,84 +Báo cáo!B7/);
    expect(r.out).toContain("mục tiêu của đơn vị D7 (2025), số liệu E7 (2025) [khớp nội dung 0,84; cột Kế hoạch năm 2025; cột Thực hiện năm 2025]");
    expect(r.out).toContain("Cần xác nhận (1) — chưa được đánh giá cho đến khi xác nhận:");
    expect(r.out).toMatch(/NL-02 .*"Kinh phí sự nghiệp thông tin đã giải ngân"/);
    expect(r.out).toMatch(/Không tìm thấy \(cấp huyện\): CQS-04, /);
  });

  it("prints it in English with --lang en, and as JSON with --json", async () => {
    expect((await run(["map", h01, "--lang", "en"])).out).toContain("content match 0.84");
    const r = await run(["map", h01, "--json"]);
    const body = JSON.parse(r.out) as JsonMapping;
    expect(body.year).toBe(2025);
    expect(body.entries.find((e) => e.indicator === "CQS-02")).toMatchObject({ status: "certain", confidence: 0.84, labelCell: "B7", reasons: ["khớp nội dung 0,84", "cột Kế hoạch năm 2025", "cột Thực hiện năm 2025"] });
    expect(body.entries.find((e) => e.indicator === "NL-02")).toMatchObject({ status: "confirm" });
    expect(body.mapping.entries.map((e) => e.indicator)).not.toContain("NL-02");
  });

  it("saves a mapping file that check --mapping then uses, saying so", async () => {
    const saved = join(dir, "h01.mapping.json");
    const r = await run(["map", h01, "--out", saved]);
    expect(r.out).toContain(`Đã ghi ánh xạ ${saved}: 9 chỉ tiêu`);
    const mapping = parseSavedMappingText(readFileSync(saved, "utf8"));
    expect(mapping).toMatchObject({ level: "district", year: 2025 });
    const c = await run(["check", h01, "--mapping", saved]);
    expect(c.code).toBe(0);
    expect(c.out).toContain(`(bảng của đơn vị, theo ánh xạ đã lưu ${saved})`);
    expect(c.out).not.toContain("Cần xác nhận");
  });

  it("writes a copy that keeps the mapping inside, which the next check uses without detection", async () => {
    const copy = join(dir, "h01-kept.xlsx");
    const r = await run(["map", h01, "--into", copy]);
    expect(r.out).toContain(`Đã ghi bản sao ${copy} có lưu ánh xạ (9 chỉ tiêu) bên trong`);
    const c = await run(["check", copy]);
    expect(c.out).toContain("(bảng của đơn vị, theo ánh xạ đã xác nhận lưu trong sổ tính)");
    expect(c.out).not.toContain("Cần xác nhận");
    expect((await run(["map", h01, "--into", h01])).code).toBe(2);
  });

  it("refuses to overwrite its input or a mapping file that is not valid", async () => {
    expect((await run(["map", h01, "--out", h01])).code).toBe(2);
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ format: "chitieu-mapping", version: 1, catalogId: "x", entries: [{ indicator: "CQS-2", status: "confirmed", sheet: "S", cells: [] }] }));
    const r = await run(["check", h01, "--mapping", bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Tệp ánh xạ chỉ tiêu ${bad} không hợp lệ:\n- entries.0.indicator: mã chỉ tiêu có dạng CQS-01`);
  });
});

describe("chitieu check on an office's own layout", () => {
  it("says it detected the table and where level and year came from, lists rows to confirm and does not judge them", async () => {
    const json = join(dir, "h01.json");
    const r = await run(["check", h01, "--json", json]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("(bảng của đơn vị, tự nhận dạng: 9 chỉ tiêu đã khớp, 1 cần xác nhận)");
    expect(r.out).toContain('Năm lấy từ ô Báo cáo!A2: "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2025"');
    expect(r.out).toContain("Cần xác nhận (chưa đánh giá; thêm --accept-uncertain để đánh giá");
    expect(r.out).toContain("Mục tiêu đơn vị ghi ở Báo cáo!D8 (80) khác mục tiêu Nghị quyết (≥ 100): dùng mục tiêu Nghị quyết");
    const report = JSON.parse(readFileSync(json, "utf8")) as JsonReport;
    expect(report.findings.map((f) => f.indicator)).not.toContain("NL-02");
    expect(report.mapping).toMatchObject({ source: "detected", toConfirm: [{ indicator: "NL-02", labelCell: "B18" }] });
    expect(report.findings.find((f) => f.indicator === "CQS-03")).toMatchObject({ cell: "E8", status: "below", target: 100 });
  });

  it("judges the rows to confirm with --accept-uncertain", async () => {
    const json = join(dir, "h01-accept.json");
    await run(["check", h01, "--accept-uncertain", "--json", json]);
    const report = JSON.parse(readFileSync(json, "utf8")) as JsonReport;
    expect(report.findings.map((f) => f.indicator)).toContain("NL-02");
    expect(report.mapping!.toConfirm).toEqual([]);
  });

  it("marks the right cells of an office's table in the copy it writes, and loses nothing else", async () => {
    const out = join(dir, "t05-marked.xlsx");
    const r = await run(["check", t05, "--level", "xa", "--year", "2025", "--out", out]);
    expect(r.code).toBe(0);
    const before = readWorkbook(new Uint8Array(readFileSync(t05)));
    const after = readWorkbook(new Uint8Array(readFileSync(out)));
    expect(after.sheets.map((s) => s.values)).toEqual(before.sheets.map((s) => s.values));
    // the one shortfall is marked on the office's own "Tỷ lệ (%)" cell of that row (the answer file's value cell)
    const answer = JSON.parse(readFileSync(t05.replace(/\.xlsx$/, ".answer.json"), "utf8")) as { cells: { indicator: string; part: string; cell: string }[] };
    const cell = answer.cells.find((c) => c.indicator === "CQS-01" && c.part === "value")!.cell;
    expect(r.out).toMatch(new RegExp(`CQS-01 +Bieu 01!${cell} `));
    expect(r.out).toContain("1 ô được tô màu");
  });

  it("needs the level when the sheet does not state it, and says so", async () => {
    const r = await run(["check", t05]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("cấp báo cáo");
  });
});

describe("chitieu map --unit, then chitieu consolidate", () => {
  const t01 = join(LAYOUTS, "tuning", "t01-huyen-cot-F-dong-90.xlsx");

  it("records the unit in the mapping kept in the copy, and consolidation recognises the copy by it", async () => {
    const copy = join(dir, "tam-duong-so-lieu.xlsx");
    const kept = await run(["map", t01, "--year", "2025", "--level", "huyen", "--unit", "huyen-tam-duong", "--into", copy]);
    expect(kept.code).toBe(0);
    const json = join(dir, "tong-hop-mapped.json");
    const r = await run(["consolidate", copy, "--period", "2025-H1", "--out", join(dir, "tong-hop-mapped.xlsx"), "--json", json, "--workers", "0"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(json, "utf8")) as { units: { unit: string | null; status: string; reason: string | null }[]; indicators: { indicator: string; numerator: number | null; denominator: number | null }[] };
    const tamDuong = report.units.find((u) => u.unit === "huyen-tam-duong")!;
    expect(tamDuong.status).toBe("received");
    expect(tamDuong.reason).toBe("Nhận đơn vị từ ánh xạ đã lưu trong sổ tính (biểu riêng của đơn vị)");
    // t01's CQS-01 figures (H91 = 37, I91 = 53), the only district received
    expect(report.indicators.find((i) => i.indicator === "CQS-01")).toMatchObject({ numerator: 37, denominator: 53 });
  });

  it("refuses a unit the registry does not have in that year and level, naming it", async () => {
    const r = await run(["map", t01, "--year", "2025", "--level", "huyen", "--unit", "xa-khong-co", "--out", join(dir, "x.json")]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain("xa-khong-co");
  });
});
