import { ChitieuError } from "../../../src/core/errors";
import { loadCatalog } from "../../../src/core/catalog/index";
import type { Catalog, Level } from "../../../src/core/catalog/schema";
import {
  buildTemplateLayout,
  fillTemplateLayout,
  type LayoutCell,
  type TemplateUnit,
  type TemplateLayout,
} from "../../../src/core/template/index";

const catalog: Catalog = loadCatalog();

const MUONG_KIM: TemplateUnit = { code: "xa-muong-kim", name: "Mường Kim", kind: "xã", level: "commune" };
const TAM_DUONG: TemplateUnit = { code: "huyen-tam-duong", name: "Tam Đường", kind: "huyện", level: "district" };
const TP_LAI_CHAU: TemplateUnit = { code: "tp-lai-chau", name: "Lai Châu", kind: "thành phố", level: "district" };
const PROVINCE: TemplateUnit = { code: "tinh-lai-chau", name: "Lai Châu", kind: "tỉnh", level: "province" };

function cell(layout: TemplateLayout, ref: string): LayoutCell {
  const found = layout.cells.find((c) => c.ref === ref);
  if (!found) throw new Error(`no cell ${ref}`);
  return found;
}

function rowOf(layout: TemplateLayout, code: string) {
  const row = layout.rows.find((r) => r.indicatorCode === code);
  if (!row) throw new Error(`no row for ${code}`);
  return row;
}

/** The worded target shown in the "Mục tiêu {year}" column for an indicator. */
function shownTarget(layout: TemplateLayout, code: string): unknown {
  // on a path the words are a formula (they follow "Kết quả năm trước"): its value as built
  const c = cell(layout, `E${rowOf(layout, code).row}`);
  return c.formula !== undefined ? c.cached : c.value;
}

function texts(layout: TemplateLayout): string[] {
  return layout.cells.map((c) => c.value).filter((v): v is string => typeof v === "string" && v !== "");
}

/** The Vietnamese message of the ChitieuError that `fn` throws. */
function viMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ChitieuError) return e.text("vi");
    throw e;
  }
  throw new Error("expected a ChitieuError");
}

const unitFor: Record<Level, TemplateUnit> = { commune: MUONG_KIM, district: TAM_DUONG, province: PROVINCE };

describe("which indicators a template lists", () => {
  it("lists exactly the quantified indicators reported at commune level, for a commune in 2025", () => {
    const layout = buildTemplateLayout({ catalog, unit: MUONG_KIM, year: 2025 });
    const expected = catalog.indicators.filter((i) => i.levels.includes("commune") && !i.qualitative).map((i) => i.code);
    expect(layout.rows.map((r) => r.indicatorCode).sort()).toEqual([...expected].sort());
    // province-only figures such as the DTI rank or the digital-economy share of GRDP are not asked of a commune
    expect(layout.rows.map((r) => r.indicatorCode)).not.toContain("NL-01");
    expect(layout.rows.map((r) => r.indicatorCode)).not.toContain("KTS-01");
  });

  it("never lists a qualitative goal", () => {
    const layout = buildTemplateLayout({ catalog, unit: PROVINCE, year: 2025 });
    const qualitative = catalog.indicators.filter((i) => i.qualitative).map((i) => i.code);
    expect(qualitative.length).toBeGreaterThan(0);
    for (const code of qualitative) expect(layout.rows.map((r) => r.indicatorCode)).not.toContain(code);
  });

  it("groups rows under the pillar headings in catalog order, each indicator under its own pillar", () => {
    const layout = buildTemplateLayout({ catalog, unit: PROVINCE, year: 2025 });
    const headings = layout.cells.filter((c) => c.style === "pillarHeading" && typeof c.value === "string" && c.value !== "");
    expect(headings.map((h) => h.value)).toEqual(["I. Chính quyền số", "II. Kinh tế số", "III. Xã hội số", "IV. Nền tảng và nguồn lực"]);
    const headingRows = headings.map((h) => Number(h.ref.slice(1)));
    for (const row of layout.rows) {
      const pillar = catalog.indicators.find((i) => i.code === row.indicatorCode)?.pillar;
      const order = catalog.pillars.find((p) => p.id === pillar)?.order ?? 0;
      const under = headingRows.filter((h) => h < row.row).length;
      expect(under).toBe(order);
    }
  });
});

describe("targets shown", () => {
  it.each([
    ["commune", "≥ 60%", 0.6],
    ["district", "≥ 80%", 0.8],
    ["province", "≥ 90%", 0.9],
  ] as const)("work records processed online in 2025, %s level: %s", (level, text, value) => {
    const layout = buildTemplateLayout({ catalog, unit: unitFor[level], year: 2025 });
    expect(cell(layout, "E8").value).toBe("Mức cần đạt năm 2025");
    expect(shownTarget(layout, "CQS-02")).toBe(text);
    expect(rowOf(layout, "CQS-02").targetValue).toBeCloseTo(value, 12);
    // the formulas read the number from the hidden helper column
    expect(cell(layout, rowOf(layout, "CQS-02").cells.target).value).toBeCloseTo(value, 12);
  });

  it("shows the level required in 2026 on the path to the 2030 target, and judges against exactly that level", () => {
    const layout = buildTemplateLayout({ catalog, unit: MUONG_KIM, year: 2026 });
    expect(cell(layout, "E8").value).toBe("Mức cần đạt năm 2026");
    expect(cell(layout, "F8").value).toBe("Mục tiêu 2030");
    // XHS-06: 70% in 2025, 100% in 2030 → 76% in 2026, as the tool says
    expect(shownTarget(layout, "XHS-06")).toBe("≥ 76% (lộ trình: 70% năm 2025 → 100% năm 2030)");
    expect(shownTarget(layout, "CQS-02")).toBe("≥ 62% (lộ trình: 60% năm 2025 → 70% năm 2030)");
    const row = rowOf(layout, "XHS-06");
    // on a path, the level is a formula (last year's result may start it) whose value without one is 76%
    expect(cell(layout, row.cells.target).cached).toBeCloseTo(0.76, 12);
    const filled = fillTemplateLayout(layout, new Map([["XHS-06", { numerator: 855, denominator: 1000 }]]));
    expect(cell(filled, row.cells.assessment).cached).toBe("Đạt");
    expect(cell(layout, "A5").value).toBe("Kỳ báo cáo: năm 2026");
  });

  it("uses the yearly target valid in the report year for a growth rate", () => {
    expect(shownTarget(buildTemplateLayout({ catalog, unit: PROVINCE, year: 2024 }), "KTS-02")).toBe("≥ 7%");
    expect(shownTarget(buildTemplateLayout({ catalog, unit: PROVINCE, year: 2027 }), "KTS-02")).toBe("≥ 8%");
  });

  it("writes the comparator with the target: strict 'trên 50%' and ranks out of the field", () => {
    const layout = buildTemplateLayout({ catalog, unit: PROVINCE, year: 2025 });
    expect(shownTarget(layout, "XHS-02")).toBe("> 50%");
    // 45th of 63 is, as the engine compares it, the same relative place among today's 34 provinces
    expect(shownTarget(layout, "NL-01")).toBe("≤ 24,29/34 (= 45/63)");
    expect(cell(layout, rowOf(layout, "NL-01").cells.target).value).toBeCloseTo((45 * 34) / 63, 8);
    expect(shownTarget(buildTemplateLayout({ catalog, unit: PROVINCE, year: 2023 }), "NL-01")).toBe("≤ 47/63 (lộ trình: 50/63 năm 2020 → 45/63 năm 2025)");
  });

  it("says so where the engine has no basis for an intermediate level and compares with the next target", () => {
    const layout = buildTemplateLayout({ catalog, unit: PROVINCE, year: 2025 });
    expect(shownTarget(layout, "CQS-10")).toBe("≥ 100% (mục tiêu năm 2030; không có số liệu gốc để dựng lộ trình)");
  });

  it("after a target's last year shows the last target, as the engine judges it (XHS-02 is a 2025 target only)", () => {
    const layout = buildTemplateLayout({ catalog, unit: MUONG_KIM, year: 2026 });
    const row = rowOf(layout, "XHS-02");
    expect(shownTarget(layout, "XHS-02")).toBe("> 50% (mục tiêu năm 2025)");
    expect(shownTarget(layout, "XHS-01")).toBe("Có (mục tiêu năm 2025)");
    const filled = fillTemplateLayout(layout, new Map([["XHS-02", { numerator: 10, denominator: 100 }]]));
    expect(cell(filled, row.cells.result).cached).toBeCloseTo(0.1, 12);
    expect(cell(filled, row.cells.assessment).cached).toBe("Chưa đạt");
  });

  it("shows a dash and judges nothing when no target applies at all", () => {
    const noTargets = { ...catalog, indicators: catalog.indicators.map((i) => (i.code === "CQS-02" ? { ...i, targets: [] } : i)) };
    const layout = buildTemplateLayout({ catalog: noTargets, unit: MUONG_KIM, year: 2026 });
    expect(shownTarget(layout, "CQS-02")).toBe("—");
    expect(rowOf(layout, "CQS-02").targetValue).toBeNull();
  });
});

describe("input cells", () => {
  const layout = buildTemplateLayout({ catalog, unit: MUONG_KIM, year: 2025 });
  const styleOf = (ref: string) => layout.styles[cell(layout, ref).style];

  it("asks a ratio for numerator and denominator, and greys out the direct value", () => {
    const row = rowOf(layout, "CQS-02");
    expect(row.cells.numerator).toBe(`G${row.row}`);
    expect(row.cells.denominator).toBe(`H${row.row}`);
    expect(row.cells.value).toBeNull();
    expect(styleOf(`I${row.row}`)).toMatchObject({ locked: true, fill: "D9D9D9" });
    const [g, h] = [`G${row.row}`, `H${row.row}`];
    expect(cell(layout, row.cells.result).formula).toBe(
      `IF(OR(AND(TRIM(${g})<>"",NOT(ISNUMBER(${g}))),AND(TRIM(${h})<>"",NOT(ISNUMBER(${h})))),"Nhập số",` +
        `IF(AND(ISNUMBER(${g}),ISNUMBER(${h})),IF(AND(${h}>0,${g}>=0,${g}<=${h}),${g}/${h},"Sai số liệu"),""))`,
    );
  });

  it("asks a commune a yes/no question with a Có/Không list, numerator and denominator greyed", () => {
    const row = rowOf(layout, "CQS-06");
    expect(row.kind).toBe("yesno");
    expect(row.cells.numerator).toBeNull();
    expect(styleOf(`G${row.row}`)).toMatchObject({ locked: true, fill: "D9D9D9" });
    const rule = layout.validations.find((v) => v.refs.includes(`I${row.row}`));
    expect(rule).toMatchObject({ type: "list", formula1: "Có,Không" });
    expect(cell(layout, `C${row.row}`).value).toBe("UBND xã đã kết nối mạng truyền số liệu chuyên dùng");
  });

  it("asks a district or the province for the share of communes that answer yes", () => {
    const province = buildTemplateLayout({ catalog, unit: PROVINCE, year: 2025 });
    const row = province.rows.find((r) => r.indicatorCode === "CQS-06");
    expect(row?.kind).toBe("ratio");
    expect(row?.cells.numerator).not.toBeNull();
  });

  it("unlocks and shades exactly the input cells; formulas and labels stay locked", () => {
    const inputs = new Set<string>([layout.info.preparer, layout.info.date]);
    for (const r of layout.rows) for (const ref of [r.cells.numerator, r.cells.denominator, r.cells.value, r.cells.notes, r.cells.evidence, r.cells.previous]) if (ref) inputs.add(ref);
    for (const c of layout.cells) {
      const style = layout.styles[c.style];
      if (inputs.has(c.ref) || (c.ref === "H7" && layout.merges.includes("G7:H7"))) {
        expect({ ref: c.ref, locked: style.locked, fill: style.fill }).toEqual({ ref: c.ref, locked: false, fill: "FFF2CC" });
      } else {
        expect({ ref: c.ref, locked: style.locked }).toEqual({ ref: c.ref, locked: true });
      }
    }
  });

  it("validates counts, percents, ranks and lists with Vietnamese messages within Excel's length limits", () => {
    const province = buildTemplateLayout({ catalog, unit: PROVINCE, year: 2025 });
    const ruleFor = (ref: string | null) => province.validations.find((v) => ref !== null && v.refs.includes(ref));
    expect(ruleFor(rowOf(province, "CQS-02").cells.numerator)).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", formula1: "0" });
    expect(ruleFor(rowOf(province, "KTS-01").cells.value)).toMatchObject({ type: "decimal", formula1: "0", formula2: "100" });
    expect(ruleFor(rowOf(province, "NL-01").cells.value)).toMatchObject({ type: "whole", formula1: "1", formula2: "63" });
    // money may have decimals
    expect(ruleFor(rowOf(province, "NL-02").cells.numerator)).toMatchObject({ type: "decimal" });
    for (const v of province.validations) {
      expect(v.error).toMatch(/phải|Chỉ chọn/);
      expect(v.promptTitle.length).toBeLessThanOrEqual(32);
      expect(v.errorTitle.length).toBeLessThanOrEqual(32);
      expect(v.prompt.length).toBeLessThanOrEqual(255);
      expect(v.error.length).toBeLessThanOrEqual(225);
    }
  });
});

describe("live results", () => {
  const layout = buildTemplateLayout({ catalog, unit: MUONG_KIM, year: 2025 });

  it("computes 45/50 as 90%, 10 points short of a 100% target: Chưa đạt", () => {
    const filled = fillTemplateLayout(layout, new Map([["CQS-01", { numerator: 45, denominator: 50 }]]));
    const row = rowOf(filled, "CQS-01");
    expect(cell(filled, row.cells.result).cached).toBeCloseTo(0.9, 12);
    expect(cell(filled, row.cells.gap).cached).toBeCloseTo(-10, 9);
    expect(cell(filled, row.cells.assessment).cached).toBe("Chưa đạt");
  });

  it("meets a ≥ target exactly at the target, but not a strict > one", () => {
    const filled = fillTemplateLayout(
      layout,
      new Map([
        ["CQS-02", { numerator: 60, denominator: 100 }],
        ["XHS-02", { numerator: 50, denominator: 100 }],
      ]),
    );
    expect(cell(filled, rowOf(filled, "CQS-02").cells.assessment).cached).toBe("Đạt");
    expect(cell(filled, rowOf(filled, "XHS-02").cells.assessment).cached).toBe("Chưa đạt");
  });

  it("counts a lower rank as better and reports the places still to climb as a negative gap", () => {
    const province = buildTemplateLayout({ catalog, unit: PROVINCE, year: 2022 }); // 63 provinces ranked, NL-01 on the path to 45/63
    const filled = fillTemplateLayout(province, new Map([["NL-01", { value: 53 }], ["KTS-02", { value: 7.5 }]]));
    const rank = rowOf(filled, "NL-01");
    expect(cell(filled, rank.cells.gap).cached).toBe(-5);
    expect(cell(filled, rank.cells.assessment).cached).toBe("Chưa đạt");
    expect(cell(filled, rank.cells.assessment).formula).toContain(`J${rank.row}<=O${rank.row}`);
    expect(cell(filled, rowOf(filled, "KTS-02").cells.assessment).cached).toBe("Đạt");
  });

  it("leaves result, gap and assessment empty until figures are entered", () => {
    for (const row of layout.rows) {
      expect(cell(layout, row.cells.result).cached).toBe("");
      expect(cell(layout, row.cells.assessment).cached).toBe("");
    }
  });

  it("refuses figures for an indicator the template does not have, or in the wrong inputs", () => {
    expect(viMessage(() => fillTemplateLayout(layout, new Map([["NL-01", { value: 3 }]])))).toBe("Chỉ tiêu NL-01 không có trong biểu mẫu này.");
    expect(viMessage(() => fillTemplateLayout(layout, new Map([["CQS-06", { numerator: 1, denominator: 1 }]])))).toContain("không nhập tử số/mẫu số");
    expect(viMessage(() => fillTemplateLayout(layout, new Map([["CQS-01", { value: 90 }]])))).toContain("nhập bằng tử số và mẫu số");
  });
});

describe("administrative header, title and signature", () => {
  it("heads a commune's report with the province over the commune's UBND", () => {
    const layout = buildTemplateLayout({ catalog, unit: MUONG_KIM, year: 2025 });
    expect(cell(layout, "A1").value).toBe("UBND TỈNH LAI CHÂU");
    expect(cell(layout, "A2").value).toBe("UBND XÃ MƯỜNG KIM");
    expect(cell(layout, "F1").value).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(cell(layout, "F2").value).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(texts(layout)).toEqual(
      expect.arrayContaining([
        "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ",
        "theo Nghị quyết số 09-NQ/TU ngày 25/02/2022 của Ban Chấp hành Đảng bộ tỉnh Lai Châu",
        "Kỳ báo cáo: năm 2025",
        "Xã Mường Kim (mã xa-muong-kim)",
        "Cấp xã",
        "Người lập biểu",
        "(Ký, ghi rõ họ tên)",
        "Mường Kim, ngày … tháng … năm …",
        "THỦ TRƯỞNG ĐƠN VỊ",
        "(Ký tên, đóng dấu)",
      ]),
    );
  });

  it("names districts and towns by their own kind, and takes the name's own prefix when no kind is given", () => {
    expect(cell(buildTemplateLayout({ catalog, unit: TAM_DUONG, year: 2024 }), "A2").value).toBe("UBND HUYỆN TAM ĐƯỜNG");
    expect(cell(buildTemplateLayout({ catalog, unit: TP_LAI_CHAU, year: 2024 }), "A2").value).toBe("UBND THÀNH PHỐ LAI CHÂU");
    const ward = buildTemplateLayout({ catalog, unit: { code: "phuong-tan-phong", name: "Phường Tân Phong", level: "commune" }, year: 2025 });
    expect(cell(ward, "A2").value).toBe("UBND PHƯỜNG TÂN PHONG");
    const province = buildTemplateLayout({ catalog, unit: PROVINCE, year: 2025 });
    expect([cell(province, "A1").value, cell(province, "A2").value]).toEqual(["", "UBND TỈNH LAI CHÂU"]);
  });

  it("lets the caller name the body above a commune (a district before July 2025)", () => {
    const layout = buildTemplateLayout({ catalog, unit: { code: "x", name: "Bình Lư", kind: "xã", level: "commune" }, year: 2024, issuer: "UBND huyện Tam Đường" });
    expect(cell(layout, "A1").value).toBe("UBND HUYỆN TAM ĐƯỜNG");
    expect(cell(layout, "A2").value).toBe("UBND XÃ BÌNH LƯ");
  });

  it("fills the preparer and the date where given", () => {
    const layout = buildTemplateLayout({ catalog, unit: MUONG_KIM, year: 2025, preparer: "Lò Văn Minh", date: "2026-01-05" });
    expect(cell(layout, layout.info.preparer).value).toBe("Lò Văn Minh");
    expect(cell(layout, layout.info.date).value).toBe("05/01/2026");
    expect(texts(layout)).toContain("Mường Kim, ngày 05 tháng 01 năm 2026");
  });
});

describe("sheet setup and metadata", () => {
  const layout = buildTemplateLayout({ catalog, unit: MUONG_KIM, year: 2025 });

  it("freezes everything above the first indicator row and repeats the column headers on each printed page", () => {
    expect(layout.freeze.row).toBe(layout.headerRows.to + 1);
    expect(layout.print.titleRows).toEqual(layout.headerRows);
    expect(cell(layout, `C${layout.headerRows.from}`).value).toBe("Chỉ tiêu");
    expect(layout.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: true });
  });

  it("colours results and assessments green when met and red when not, by live rules", () => {
    const first = layout.rows[0]!.row;
    const last = layout.rows[layout.rows.length - 1]!.row;
    expect(layout.conditionalFormats).toEqual([
      { refs: [`J${first}:J${last}`, `L${first}:L${last}`], formula: `$L${first}="Đạt"`, style: "met" },
      { refs: [`J${first}:J${last}`, `L${first}:L${last}`], formula: `$L${first}="Chưa đạt"`, style: "notMet" },
      { refs: [`J${first}:J${last}`, `L${first}:L${last}`], formula: `$J${first}="Sai số liệu"`, style: "notMet" },
      { refs: [`J${first}:J${last}`, `L${first}:L${last}`], formula: `$J${first}="Nhập số"`, style: "notMet" },
      { refs: [`J${first}:J${last}`, `L${first}:L${last}`], formula: `$J${first}="Chọn Có/Không"`, style: "notMet" },
    ]);
    expect(layout.differentialStyles).toEqual({ met: { fill: "C6EFCE", fontColor: "006100" }, notMet: { fill: "FFC7CE", fontColor: "9C0006" } });
  });

  it("records what the template is for, so a reader can recognise it", () => {
    expect(layout.metadata).toEqual({
      templateVersion: "1",
      catalogId: catalog.id,
      catalogVersion: catalog.version,
      unitCode: "xa-muong-kim",
      level: "commune",
      year: 2025,
      sheet: layout.sheetName,
    });
  });

  it("refuses a year outside the resolution, a malformed date and a unit without a name, in Vietnamese", () => {
    expect(() => buildTemplateLayout({ catalog, unit: MUONG_KIM, year: 2019 })).toThrow(ChitieuError);
    expect(viMessage(() => buildTemplateLayout({ catalog, unit: MUONG_KIM, year: 2031 }))).toContain("Năm báo cáo 2031 không hợp lệ");
    expect(() => buildTemplateLayout({ catalog, unit: MUONG_KIM, year: 2025, date: "5/1/2026" })).toThrow(/YYYY-MM-DD/);
    expect(() => buildTemplateLayout({ catalog, unit: { ...MUONG_KIM, name: " " }, year: 2025 })).toThrow(ChitieuError);
  });
});

describe("the guide sheet", () => {
  it("explains the path (lộ trình) in two plain sentences and names the column the verdict compares with", () => {
    const lines = buildTemplateLayout({ catalog, unit: MUONG_KIM, year: 2027 }).guide.lines;
    const path = lines.find((l) => l.includes("Lộ trình"));
    expect(path).toBeDefined();
    expect(path!.split(/\.\s/u).filter((s) => s.trim() !== "")).toHaveLength(2 + 1); // "8" + two sentences
    expect(lines.some((l) => l.includes('"Mức cần đạt năm 2027"'))).toBe(true);
  });
});
