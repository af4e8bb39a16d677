import { catalogs, en, formatMessage, formatNumber, vi, type MessageKey } from "../../../src/core/messages";

// {name} or {name:kind}: the kind (bytes, message, list, issues) must match too
const placeholders = (template: string) => [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]).sort();

describe("the message catalogs", () => {
  it("have exactly the same keys in Vietnamese and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it("use the same placeholders for each key in both languages", () => {
    for (const key of Object.keys(vi) as MessageKey[]) {
      expect({ key, placeholders: placeholders(en[key]) }).toEqual({ key, placeholders: placeholders(vi[key]) });
    }
  });

  it("write Vietnamese in NFC with no empty message", () => {
    for (const [key, text] of Object.entries(vi)) {
      expect({ key, nfc: text === text.normalize("NFC"), empty: text.trim() === "" }).toEqual({ key, nfc: true, empty: false });
    }
  });

  it("write Vietnamese with its diacritics (no OCR-style stripped words)", () => {
    const all = Object.values(vi).join(" ");
    for (const stripped of [" Chua ", " dat ", " muc tieu ", " so lieu ", "Đen năm", " sổ liệu"]) expect(all).not.toContain(stripped);
    expect(vi["result.below.percent"]).toContain("Chưa đạt mục tiêu");
  });

  it("never contain a placeholder that term lookups would leave unresolved: term keys have no placeholders", () => {
    for (const key of Object.keys(vi).filter((k) => k.startsWith("term."))) expect(placeholders(vi[key as MessageKey])).toEqual([]);
  });

  it("use only placeholder kinds the formatter knows, and every error key names its code as error.<code>[.<variant>]", () => {
    for (const [key, text] of Object.entries(vi)) {
      for (const p of placeholders(text)) expect({ key, p, ok: /^\w+(:(bytes|spaced|message|list|issues))?$/.test(p!) }).toEqual({ key, p, ok: true });
    }
    for (const key of Object.keys(vi).filter((k) => k.startsWith("error."))) expect(key).toMatch(/^error\.[a-z0-9-]+(\.[a-z0-9-]+)?$/);
  });

  it("are both reachable through `catalogs`", () => {
    expect(catalogs.vi).toBe(vi);
    expect(catalogs.en).toBe(en);
  });
});

describe("formatting numbers the locale's way", () => {
  it.each([
    [38.3, "38,3", "38.3"],
    [72.5, "72,5", "72.5"],
    [1079, "1079", "1079"],
    [12345.6, "12.345,6", "12,345.6"],
    [1234567, "1.234.567", "1,234,567"],
    [1.079, "1,079", "1.079"],
    [-7.5, "-7,5", "-7.5"],
    [0, "0", "0"],
    [66.66666, "66,6667", "66.6667"],
    [-0.00001, "0", "0"],
  ])("%d is %s in Vietnamese and %s in English", (n, viText, enText) => {
    expect(formatNumber(n, "vi")).toBe(viText);
    expect(formatNumber(n, "en")).toBe(enText);
  });
});

describe("formatting a message", () => {
  it("fills placeholders, formatting numbers per language", () => {
    const msg = { key: "result.below.percent", params: { year: 2025, value: 72.5, comparator: "≥", target: 80, shortfall: 7.5 } } as const;
    expect(formatMessage(msg, "vi")).toBe("Chưa đạt mục tiêu 2025: 72,5% so với mục tiêu ≥ 80% (thiếu 7,5 điểm %)");
    expect(formatMessage(msg, "en")).toBe("2025 target not met: 72.5% against a target of ≥ 80% (7.5 percentage points short)");
  });

  it("translates terms such as the level or the cell", () => {
    expect(formatMessage({ key: "result.not-applicable.level", params: {}, terms: { level: "term.level.commune" } }, "vi")).toBe("Chỉ tiêu không áp dụng cho cấp xã");
    expect(formatMessage({ key: "problem.excel-error", params: { error: "#DIV/0!" }, terms: { cell: "term.cell.denominator" } }, "en")).toBe(
      "The denominator cell holds the Excel error #DIV/0!: fix the formula or type the figure in",
    );
  });

  it("leaves a missing parameter visible instead of printing 'undefined'", () => {
    expect(formatMessage({ key: "problem.percent-over-100", params: {} }, "vi")).toBe("Tỷ lệ {value}% lớn hơn 100%");
  });
});
