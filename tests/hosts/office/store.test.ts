// Our hidden store: metadata under the shared names, and the undo state cut into 255-character pieces.

import { parseCell } from "../../../src/core/a1";
import { caught as caughtError } from "../../support/caught";
import { mergeCells, splitAddress, sheetAddress } from "../../../src/hosts/office/a1";
import { ChitieuError } from "../../../src/core/errors";
import { readMetadata, readState, stateEntries, withMetadata, withState, type OurState } from "../../../src/hosts/office/store";

const caught = (fn: () => unknown) => caughtError(fn, ChitieuError);

const STATE: OurState = {
  fills: Array.from({ length: 40 }, (_, i) => ({ sheet: "Báo cáo = 2025", cell: `G${i + 10}`, fill: i % 2 ? "#FFF2CC" : null })),
  notes: [{ sheet: "Số liệu", cell: "B3" }],
  comments: [],
};

describe("the hidden store", () => {
  it("cuts the state into pieces of at most 255 characters and reads it back whole", () => {
    const entries = stateEntries(STATE);
    expect(entries.length).toBeGreaterThan(3);
    for (const [, v] of entries) expect(v.length).toBeLessThanOrEqual(255);
    // no piece may look like a formula when written into a cell
    for (const [, v] of entries) expect(v.startsWith("=")).toBe(false);
    expect(readState(new Map(entries))).toEqual(STATE);
  });

  it("reads a state never written as empty, and refuses one with a piece missing or not JSON", () => {
    expect(readState(new Map())).toEqual({ fills: [], notes: [], comments: [] });
    const entries = stateEntries(STATE);
    const missingPiece = new Map(entries.filter(([k]) => k !== "chitieu.state.1"));
    expect(caught(() => readState(missingPiece)).text("en")).toContain("chitieu.state.1 of");
    expect(caught(() => readState(new Map([["chitieu.state.count", "1"], ["chitieu.state.0", "{không phải json"]]))).text("en")).toContain("not JSON");
    // pieces left behind by a deleted count are damage too, not an empty state
    expect(caught(() => readState(new Map(entries.filter(([k]) => k !== "chitieu.state.count")))).code).toBe("store-damaged");
  });

  it("replaces the state without touching the metadata", () => {
    const meta = { templateVersion: "1", catalogId: "nq09", catalogVersion: "1.0", unitCode: "xa-a", level: "commune" as const, year: 2025, sheet: "Báo cáo" };
    const withBoth = withState(withMetadata(new Map(), meta), STATE);
    const cleared = withState(withBoth, { fills: [], notes: [], comments: [] });
    expect(readMetadata(cleared)).toEqual(meta);
    expect([...cleared.keys()].some((k) => k.startsWith("chitieu.state"))).toBe(false);
  });

  it("refuses metadata with an unknown level or a missing field, naming it", () => {
    const meta = { templateVersion: "1", catalogId: "nq09", catalogVersion: "1.0", unitCode: "xa-a", level: "commune" as const, year: 2025, sheet: "Báo cáo" };
    const store = withMetadata(new Map(), meta);
    expect(caught(() => readMetadata(new Map([...store, ["chitieu.level", "huyen"]]))).text("en")).toContain("chitieu.level: Invalid option");
    expect(caught(() => readMetadata(new Map([...store].filter(([k]) => k !== "chitieu.unitCode")))).text("en")).toContain("chitieu.unitCode");
    expect(readMetadata(new Map())).toBeNull();
  });
});

describe("A1 addresses", () => {
  it("quotes sheet names the way Excel does and splits them back", () => {
    expect(sheetAddress("Báo cáo", "B3")).toBe("'Báo cáo'!B3");
    expect(sheetAddress("Sheet1", "B3")).toBe("Sheet1!B3");
    expect(splitAddress("'Anh''s data'!C4:D9")).toEqual({ sheet: "Anh's data", area: "C4:D9" });
  });

  it("joins marked cells into as few rectangles as they allow", () => {
    const cells = ["G10", "G11", "G12", "H10", "H11", "H12", "G20", "J5"].map(parseCell);
    expect(mergeCells(cells).map((a) => [a.top, a.left, a.bottom, a.right])).toEqual([
      [9, 6, 11, 7],
      [19, 6, 19, 6],
      [4, 9, 4, 9],
    ]);
  });
});
