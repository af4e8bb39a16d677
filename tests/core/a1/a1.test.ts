// The one A1 parser: what a cell or area address means, and which addresses are refused.

import fc from "fast-check";
import { areaAddress, cellAddress, columnLetters, MAX_COLS, MAX_ROWS, parseArea, parseCell, tryParseArea, tryParseCell, tryParseColumn } from "../../../src/core/a1";

describe("a cell address", () => {
  it.each([
    ["A1", 0, 0],
    ["b3", 2, 1],
    ["$H$12", 11, 7],
    ["H$12", 11, 7],
    ["Z9", 8, 25],
    ["AA1", 0, 26],
    ["XFD1048576", MAX_ROWS - 1, MAX_COLS - 1],
  ])("reads %p as row %p, column %p (0-based)", (ref, row, col) => {
    expect(tryParseCell(ref)).toEqual({ row, col });
  });

  it.each(["", "A", "12", "1A", "A0", "XFE1", "A1048577", "AAAA1", "A1:B2", "A-1", "A 1", "$$A1", "Sheet1!A1"])("is refused: %p", (ref) => {
    expect(tryParseCell(ref)).toBeNull();
  });

  it("throws only for an address we made ourselves", () => {
    expect(() => parseCell("A0")).toThrow(RangeError);
    expect(parseCell("C4")).toEqual({ row: 3, col: 2 });
  });

  it("reads back every cell of the grid it writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_ROWS - 1 }), fc.integer({ min: 0, max: MAX_COLS - 1 }), (row, col) => {
        expect(tryParseCell(cellAddress(row, col))).toEqual({ row, col });
      }),
    );
  });
});

describe("a column", () => {
  it("names columns as Excel does", () => {
    expect([0, 25, 26, 701, 702, MAX_COLS - 1].map(columnLetters)).toEqual(["A", "Z", "AA", "ZZ", "AAA", "XFD"]);
  });

  it("reads letters back, refusing what lies beyond XFD", () => {
    expect(tryParseColumn("$xfd")).toBe(MAX_COLS - 1);
    expect(tryParseColumn("XFE")).toBeNull();
    expect(tryParseColumn("A1")).toBeNull();
    expect(tryParseColumn("")).toBeNull();
  });
});

describe("an area address", () => {
  it("reads a rectangle whatever the order of its corners", () => {
    expect(tryParseArea("D9:B3")).toEqual({ top: 2, left: 1, bottom: 8, right: 3 });
    expect(tryParseArea("C4")).toEqual({ top: 3, left: 2, bottom: 3, right: 2 });
  });

  it("reads whole columns and whole rows", () => {
    expect(tryParseArea("$D:B")).toEqual({ top: 0, left: 1, bottom: MAX_ROWS - 1, right: 3 });
    expect(tryParseArea("3:5")).toEqual({ top: 2, left: 0, bottom: 4, right: MAX_COLS - 1 });
  });

  it.each(["", "B", "3", "A1:B2:C3", "A1:", ":B2", "A:3", "A0:B2"])("is refused: %p", (ref) => {
    expect(tryParseArea(ref)).toBeNull();
  });

  it("writes a single cell without a colon and a rectangle with one", () => {
    expect(areaAddress(parseArea("B3"))).toBe("B3");
    expect(areaAddress(parseArea("D9:B3"))).toBe("B3:D9");
    expect(() => parseArea("A1:B2:C3")).toThrow(RangeError);
  });
});
