import { readCell, type ReadResult } from "../../../src/core/figures";

function valueOf(r: ReadResult): number {
  if (!r.ok) throw new Error(`expected a value, got ${JSON.stringify(r)}`);
  return r.value;
}

describe("reading a number stored as a number", () => {
  it("keeps a plain number as it is", () => {
    expect(readCell(1079, "General", "count")).toEqual({ ok: true, value: 1079, notes: [] });
  });

  it("reads a percent-formatted fraction as percentage points (0.383 shown as 38.3%)", () => {
    const r = readCell(0.383, "0.0%", "percent");
    expect(valueOf(r)).toBe(38.3);
    expect(r.ok && r.notes.map((n) => n.code)).toEqual(["note.percent-format"]);
  });

  it("reads 1 in a 0% cell as 100 percent and 0.7 as 70", () => {
    expect(valueOf(readCell(1, "0%", "percent"))).toBe(100);
    expect(valueOf(readCell(0.7, "0.00%", "percent"))).toBe(70);
  });

  it("ignores a % that is quoted, bracketed or escaped in the format", () => {
    expect(valueOf(readCell(38.3, '0.0" %"', "percent"))).toBe(38.3);
    expect(valueOf(readCell(38.3, "[$%-409]0.0", "percent"))).toBe(38.3);
    expect(valueOf(readCell(38.3, "0.0\\%", "percent"))).toBe(38.3);
  });

  it("accepts a bare 0.383 where a percentage is expected, but flags it as probably 38.3%", () => {
    const r = readCell(0.383, "General", "percent");
    expect(valueOf(r)).toBe(0.383);
    expect(r.ok && r.notes).toEqual([{ code: "note.probably-fraction", params: { stored: 0.383, suggested: 38.3 } }]);
  });

  it("does not flag a fraction for a growth rate or a count", () => {
    const growth = readCell(0.5, "General", "growth");
    expect(growth.ok && growth.notes).toEqual([]);
    expect(readCell(0.5, "General", "count")).toEqual({ ok: true, value: 0.5, notes: [] });
  });

  it("does not flag 0 or 1 as a fraction", () => {
    expect(readCell(0, "General", "percent")).toEqual({ ok: true, value: 0, notes: [] });
    expect(readCell(1, "General", "percent")).toEqual({ ok: true, value: 1, notes: [] });
  });

  it("rejects NaN and infinities", () => {
    expect(readCell(Number.NaN, "General", "count")).toMatchObject({ ok: false, kind: "invalid", problem: { code: "problem.not-finite" } });
    expect(readCell(Infinity, "General", "percent")).toMatchObject({ ok: false, kind: "invalid" });
  });

  it("reads a count under a percent format as stored (a count is never scaled)", () => {
    expect(valueOf(readCell(120, "0%", "count"))).toBe(120);
  });
});

/** The note every number typed as text carries: the tool read it, the sheet's formulas cannot. */
const asText = (text: string, value: number) => ({ code: "note.number-as-text", params: { text, value } });

describe("reading numbers typed as text, the Vietnamese way first", () => {
  it.each([
    ["38,3", 38.3],
    ["0,25", 0.25],
    ["1.234.567", 1234567],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["1,234,567", 1234567],
    ["1 079", 1079],
    ["1\u00a0079", 1079],
    ["1\u202f079", 1079],
    ["12 345 678", 12345678],
    ["1 234,5", 1234.5],
    ["38.3", 38.3],
    ["0.383", 0.383],
    ["0,383", 0.383],
    ["1234,567", 1234.567],
    ["  42  ", 42],
    ["-3,5", -3.5],
    ["+7", 7],
    ["\u22122,1", -2.1],
  ])("reads %j as %d", (text, expected) => {
    expect(valueOf(readCell(text, "General", "number"))).toBe(expected);
  });

  it("reads a trailing or leading % as percentage points: '38,3%', '38,3 %', '%38,3'", () => {
    for (const text of ["38,3%", "38,3 %", "%38,3", "38.3%"]) expect(readCell(text, "General", "percent")).toEqual({ ok: true, value: 38.3, notes: [asText(text, 38.3)] });
  });

  it("does not flag '0,5%' as a fraction: the % sign says what was meant", () => {
    expect(readCell("0,5%", "General", "percent")).toEqual({ ok: true, value: 0.5, notes: [asText("0,5%", 0.5)] });
  });

  it("flags '0,383' typed for a percentage as probably 38.3%", () => {
    const r = readCell("0,383", "General", "percent");
    expect(r.ok && r.notes.map((n) => n.code)).toEqual(["note.number-as-text", "note.probably-fraction"]);
  });

  it("reads '1.079' as one thousand and seventy-nine for a count (a dot groups thousands), saying it was text the sheet cannot compute", () => {
    expect(readCell("1.079", "General", "count")).toEqual({ ok: true, value: 1079, notes: [asText("1.079", 1079)] });
  });

  it("reads '80.000' and '52.300' as thousands for a count, never as 80 with three decimal zeros", () => {
    expect(readCell("80.000", "General", "count")).toEqual({ ok: true, value: 80000, notes: [asText("80.000", 80000)] });
    expect(readCell("52.300", "General", "count")).toEqual({ ok: true, value: 52300, notes: [asText("52.300", 52300)] });
  });

  it("reads '80,000' as 80000 for a count, noting that the English grouping was chosen", () => {
    const r = readCell("80,000", "General", "count");
    expect(valueOf(r)).toBe(80000);
    expect(r.ok && r.notes[0]).toMatchObject({ code: "note.reading-chosen", params: { chosen: 80000, discarded: 80 } });
  });

  it("reads '1,234' as 1234 for a count (1.234 is no count) and says which reading it took", () => {
    const r = readCell("1,234", "General", "count");
    expect(valueOf(r)).toBe(1234);
    expect(r.ok && r.notes).toEqual([{ code: "note.reading-chosen", params: { text: "1,234", chosen: 1234, discarded: 1.234 } }, asText("1,234", 1234)]);
  });

  it("reads '1,234' as 1.234 for a percentage (1234% cannot be a share)", () => {
    expect(readCell("1,234", "General", "percent")).toEqual({ ok: true, value: 1.234, notes: [asText("1,234", 1.234)] });
  });

  it("reads '100.000' for a percentage as 100 (the English decimal), noting the discarded 100000", () => {
    const r = readCell("100.000", "General", "percent");
    expect(valueOf(r)).toBe(100);
    expect(r.ok && r.notes[0]).toMatchObject({ code: "note.reading-chosen", params: { discarded: 100000 } });
  });

  it("never guesses when both readings fit: '1.079' as a growth rate is ambiguous, listing both readings", () => {
    expect(readCell("1.079", "General", "growth")).toEqual({
      ok: false,
      kind: "ambiguous",
      text: "1.079",
      readings: [
        { value: 1079, convention: "vi" },
        { value: 1.079, convention: "en" },
      ],
    });
  });

  it("calls '1,234' ambiguous for a generic number: Vietnamese 1.234 or English 1234", () => {
    const r = readCell("1,234", "General", "number");
    expect(r).toMatchObject({ ok: false, kind: "ambiguous" });
    expect(!r.ok && r.kind === "ambiguous" && r.readings.map((x) => x.value)).toEqual([1.234, 1234]);
  });

  it("rejects a '%' figure where a count is expected", () => {
    expect(readCell("38,3%", "General", "count")).toMatchObject({ ok: false, kind: "invalid", problem: { code: "problem.percent-for-count" } });
  });

  it.each(["1.23.4", "12 34", "1..2", "1,2,3", "abc", "12abc", "1.234,5.6", "1,2.345", "3/4", "1e5"])("rejects %j as not a number", (text) => {
    expect(readCell(text, "General", "number")).toMatchObject({ ok: false, kind: "invalid", problem: { code: "problem.not-a-number", params: { text } } });
  });
});

describe("markers for 'no data'", () => {
  it.each(["-", "–", "x", "X", "không", "Không", "KHÔNG", "khong", "chưa có số liệu", "Chưa có", "N/A", "n/a", "KCS"])("reads %j as missing, keeping the marker", (marker) => {
    expect(readCell(marker, "General", "count")).toEqual({ ok: false, kind: "missing", marker });
  });

  it("reads an empty cell, blank text and invisible characters as missing without a marker", () => {
    for (const raw of [null, "", "   ", "\u00a0", "\u200b"]) expect(readCell(raw, "General", "percent")).toEqual({ ok: false, kind: "missing" });
  });

  it("recognises markers typed in decomposed Unicode (NFD, as macOS saves them), and returns them NFC", () => {
    const nfd = "chưa có số liệu".normalize("NFD");
    expect(nfd).not.toBe("chưa có số liệu");
    const r = readCell(nfd, "General", "count");
    expect(r).toEqual({ ok: false, kind: "missing", marker: "chưa có số liệu" });
  });
});

describe("Excel errors", () => {
  const errors = ["#DIV/0!", "#REF!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"];

  it.each(errors)("reads %s given as an error value as invalid, naming the error", (error) => {
    expect(readCell({ error }, "General", "count")).toEqual({ ok: false, kind: "invalid", problem: { code: "problem.excel-error", params: { error } } });
  });

  it.each(errors)("reads %s given as bare text the same way", (error) => {
    expect(readCell(error, "0.0%", "percent")).toEqual({ ok: false, kind: "invalid", problem: { code: "problem.excel-error", params: { error } } });
  });

  it("recognises an error typed in lower case", () => {
    expect(readCell("#div/0!", "General", "count")).toMatchObject({ problem: { params: { error: "#DIV/0!" } } });
  });
});

describe("yes/no indicators", () => {
  it("reads TRUE and FALSE as yes and no", () => {
    expect(readCell(true, "General", "yesno")).toMatchObject({ ok: true, answer: "yes", value: 100 });
    expect(readCell(false, "General", "yesno")).toMatchObject({ ok: true, answer: "no", value: 0 });
  });

  it.each(["có", "Có", "CÓ", "co", "x", "X", "yes", "Yes", "đạt", "Đạt", "✓", "1"])("reads %j as yes", (text) => {
    expect(readCell(text, "General", "yesno")).toMatchObject({ ok: true, answer: "yes" });
  });

  it.each(["không", "Không", "khong", "no", "NO", "chưa đạt", "0"])("reads %j as no", (text) => {
    expect(readCell(text, "General", "yesno")).toMatchObject({ ok: true, answer: "no" });
  });

  it("reads 'có' typed in NFD as yes", () => {
    expect(readCell("Có".normalize("NFD"), "General", "yesno")).toMatchObject({ answer: "yes" });
  });

  it("reads the numbers 1 and 0 as yes and no, and other numbers as a share of units in percent", () => {
    expect(readCell(1, "General", "yesno")).toMatchObject({ answer: "yes" });
    expect(readCell(0, "General", "yesno")).toMatchObject({ answer: "no" });
    const share = readCell(0.4, "0%", "yesno");
    expect(share).toMatchObject({ ok: true, value: 40 });
    expect(share.ok && share.answer).toBeUndefined();
    expect(readCell("75%", "General", "yesno")).toEqual({ ok: true, value: 75, notes: [asText("75%", 75)] });
  });

  it("keeps 'x' and 'không' as 'no data' for indicators that are not yes/no", () => {
    expect(readCell("x", "General", "percent")).toMatchObject({ kind: "missing" });
    expect(readCell("không", "General", "percent")).toMatchObject({ kind: "missing" });
  });

  it("still reads 'chưa có số liệu' and '-' as missing for a yes/no indicator", () => {
    expect(readCell("chưa có số liệu", "General", "yesno")).toMatchObject({ kind: "missing" });
    expect(readCell("-", "General", "yesno")).toMatchObject({ kind: "missing" });
  });

  it("rejects an unreadable answer with a yes/no problem", () => {
    expect(readCell("đang làm", "General", "yesno")).toEqual({ ok: false, kind: "invalid", problem: { code: "problem.not-yes-no", params: { text: "đang làm" } } });
  });

  it("rejects TRUE/FALSE where a number is expected", () => {
    expect(readCell(true, "General", "count")).toMatchObject({ kind: "invalid", problem: { code: "problem.boolean-not-number" } });
  });
});
