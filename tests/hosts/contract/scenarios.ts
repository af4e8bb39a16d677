// Host contract scenarios: what every WorkbookHost must do, written once and run against each host through a harness
// that knows how to set up a workbook with the user's own content and how to look inside it afterwards.

import { ChitieuError } from "../../../src/core/errors";
import { defaultCatalog } from "../../../src/core/catalog";
import type { HighlightPlan, Mark, Severity } from "../../../src/core/highlight-plan";
import { buildTemplateLayout, fillTemplateLayout } from "../../../src/core/template";
import { checkWorkbook } from "../../../src/core/check";
import { REVIEW_SHEET, withFindingDecision, withReportDecision } from "../../../src/core/review";
import type { TemplateLayout } from "../../../src/core/template/types";
import type { WorkbookHost } from "../../../src/hosts/host";

export interface UserCell {
  value?: string | number | boolean;
  /** "#RRGGBB" fill the user gave the cell. */
  fill?: string;
  note?: string;
  comment?: string;
}

export interface WorkbookSetup {
  sheets: {
    name: string;
    cells: Record<string, UserCell>;
    /** The user's own conditional formats. */
    rules?: { areas: string[]; formula: string; fill: string }[];
  }[];
}

export interface Inspector {
  /** "#RRGGBB", or null for no fill. */
  fill(sheet: string, cell: string): string | null;
  notes(): { sheet: string; cell: string; content: string }[];
  comments(): { sheet: string; cell: string; content: string }[];
  rules(sheet: string): { areas: string[]; formula: string }[];
  sheetNames(): string[];
}

export interface HostHarness {
  name: string;
  create(setup: WorkbookSetup): Promise<{ host: WorkbookHost; inspect: Inspector }>;
}

export const OUR_RULE = /^=?"chitieu-cds"="chitieu-cds"$/;

export function mark(sheet: string, cell: string, severity: Severity, vi = `Ô ${cell} cần kiểm tra`): Mark {
  return { sheet, cell, severity, status: severity === "error" ? "invalid" : "below", indicator: "CQS-01", message: { vi, en: `Check cell ${cell}` } };
}

export function communeLayout(): TemplateLayout {
  return buildTemplateLayout({ catalog: defaultCatalog(), unit: { code: "xa-muong-kim", name: "Mường Kim", level: "commune", kind: "xã" }, year: 2025 });
}

export function provinceLayout(): TemplateLayout {
  return buildTemplateLayout({ catalog: defaultCatalog(), unit: { code: "tinh-lai-chau", name: "Lai Châu", level: "province", kind: "tỉnh" }, year: 2025 });
}

/** A clerk's own sheet: their fills, rule, note and comment around the figures we are about to mark. */
export const USER_SHEET = "Số liệu";
export function userWorkbook(): WorkbookSetup {
  return {
    sheets: [
      {
        name: USER_SHEET,
        cells: {
          A1: { value: "Mã" },
          B1: { value: "Giá trị" },
          A2: { value: "CQS-01" },
          B2: { value: 95 },
          A3: { value: "CQS-02" },
          B3: { value: "abc", fill: "#FFFF00" },
          A4: { value: "CQS-03" },
          B4: { value: 40 },
          A5: { value: "CQS-04" },
          B5: { value: 12, note: "Số liệu tạm tính, chờ Sở xác nhận" },
          A6: { value: "CQS-05" },
          B6: { value: 7, comment: "Anh Bình kiểm tra lại giúp" },
          C2: { value: "ghi chú", fill: "#C6EFCE" },
        },
        rules: [{ areas: ["D2:D6"], formula: "=D2>100", fill: "#FF0000" }],
      },
    ],
  };
}

export const USER_PLAN: HighlightPlan = {
  marks: [mark(USER_SHEET, "B3", "error"), mark(USER_SHEET, "B4", "warning"), mark(USER_SHEET, "B5", "info"), mark(USER_SHEET, "B6", "info"), mark(USER_SHEET, "B2", "warning")],
  checkedOn: "2026-01-05",
};

function userState(inspect: Inspector) {
  return {
    fills: ["B2", "B3", "B4", "B5", "B6", "C2"].map((c) => inspect.fill(USER_SHEET, c)),
    rules: inspect.rules(USER_SHEET).filter((r) => !OUR_RULE.test(r.formula)),
    notes: inspect.notes().filter((n) => !n.content.startsWith("Chỉ tiêu CĐS: ")),
    comments: inspect.comments().filter((n) => !n.content.startsWith("Chỉ tiêu CĐS: ")),
  };
}

/** The user's fills, rules, notes and comments are the same after applying and after clearing; the marks show meanwhile. */
export async function userContentSurvivesMarking(harness: HostHarness): Promise<void> {
  const { host, inspect } = await harness.create(userWorkbook());
  const before = userState(inspect);
  expect(before.fills).toEqual([null, "#FFFF00", null, null, null, "#C6EFCE"]);

  await host.applyHighlights(USER_PLAN);
  const during = userState(inspect);
  expect(during.rules).toEqual(before.rules);
  expect(during.notes).toEqual(before.notes);
  expect(during.comments).toEqual(before.comments);
  if (host.capabilities().highlightMethod === "conditional-format") {
    expect(during.fills).toEqual(before.fills);
    const ours = inspect.rules(USER_SHEET).filter((r) => OUR_RULE.test(r.formula));
    expect(ours.flatMap((r) => r.areas).sort()).toEqual(expect.arrayContaining(["B3"]));
  } else {
    // painted with the severity colours, the user's unmarked C2 untouched
    expect(during.fills).toEqual(["#FFEB9C", "#FFC7CE", "#FFEB9C", "#DDEBF7", "#DDEBF7", "#C6EFCE"]);
  }

  await host.clearHighlights();
  expect(userState(inspect)).toEqual(before);
  expect(inspect.rules(USER_SHEET).filter((r) => OUR_RULE.test(r.formula))).toEqual([]);
  expect(inspect.notes().filter((n) => n.content.startsWith("Chỉ tiêu CĐS: "))).toEqual([]);
  expect(inspect.comments().filter((n) => n.content.startsWith("Chỉ tiêu CĐS: "))).toEqual([]);
}

/** Our explanation goes on marked cells without a note/comment of the user's, never on theirs. */
export async function explanationsSkipUserNotes(harness: HostHarness): Promise<void> {
  const { host, inspect } = await harness.create(userWorkbook());
  const result = await host.applyHighlights(USER_PLAN);
  const kind = host.capabilities().explanations;
  const ours = (kind === "comments" ? inspect.comments() : inspect.notes()).filter((n) => n.content.startsWith("Chỉ tiêu CĐS: "));
  if (kind === "none") {
    expect(result.explained).toBe(0);
    expect(ours).toEqual([]);
    return;
  }
  // B5 carries the user's note and B6 the user's comment: a cell holds one or the other, so neither gets ours
  const cells = ours.map((n) => n.cell).sort();
  expect(cells).not.toContain("B5");
  expect(cells).not.toContain("B6");
  expect(result.explained).toBe(cells.length);
  if (kind === "notes") {
    expect(cells).toEqual(["B2", "B3", "B4"]);
    // static marks: the note says the day of the check, and that the colour stays until the next one
    expect(ours.find((n) => n.cell === "B3")?.content).toBe("Chỉ tiêu CĐS: Ô B3 cần kiểm tra\nKết quả kiểm tra ngày 05/01/2026; ô giữ màu này đến lần kiểm tra sau.");
  }
}

/** A second check replaces the first one's marks; nothing accumulates. */
export async function reapplyReplacesMarks(harness: HostHarness): Promise<void> {
  const { host, inspect } = await harness.create(userWorkbook());
  await host.applyHighlights(USER_PLAN);
  await host.applyHighlights({ marks: [mark(USER_SHEET, "B4", "error")] });
  if (host.capabilities().highlightMethod === "conditional-format") {
    const ours = inspect.rules(USER_SHEET).filter((r) => OUR_RULE.test(r.formula));
    expect(ours.map((r) => r.areas)).toEqual([["B4"]]);
  } else {
    expect(["B2", "B3", "B4"].map((c) => inspect.fill(USER_SHEET, c))).toEqual([null, "#FFFF00", "#FFC7CE"]);
  }
  const kind = host.capabilities().explanations;
  const ours = (kind === "comments" ? inspect.comments() : inspect.notes()).filter((n) => n.content.startsWith("Chỉ tiêu CĐS: "));
  expect(ours.map((n) => n.cell)).toEqual(kind === "none" ? [] : ["B4"]);
  await host.clearHighlights();
  expect(["B2", "B3", "B4"].map((c) => inspect.fill(USER_SHEET, c))).toEqual([null, "#FFFF00", null]);
}

/** The template goes in once; a second insert is refused with a free name to use instead. */
export async function templateNameClash(harness: HostHarness): Promise<void> {
  const { host, inspect } = await harness.create({ sheets: [{ name: "Sheet1", cells: {} }] });
  const layout = communeLayout();
  await expect(host.insertTemplate(layout)).resolves.toEqual({ sheetName: layout.sheetName });
  expect(inspect.sheetNames()).toContain(layout.sheetName);
  const second = host.insertTemplate(layout);
  const refusal: unknown = await second.catch((e: unknown) => e);
  expect(refusal).toBeInstanceOf(ChitieuError);
  const e = refusal as ChitieuError<"error.sheet-exists">;
  expect({ code: e.code, suggestion: e.params.suggestion }).toEqual({ code: "sheet-exists", suggestion: `${layout.sheetName} (2)` });
  expect(e.text("vi")).toContain("Báo cáo (2)");
}

/** A template this host made is recognised by this host: the snapshot carries its metadata. */
export async function templateMetadataRoundTrip(harness: HostHarness): Promise<void> {
  const { host } = await harness.create({ sheets: [{ name: "Sheet1", cells: {} }] });
  const layout = communeLayout();
  expect(await host.readMetadata()).toBeNull();
  await host.insertTemplate(layout);
  expect(await host.readMetadata()).toEqual(layout.metadata);
  const snapshot = await host.readSnapshot();
  expect(snapshot.metadata).toEqual(layout.metadata);
  const sheet = snapshot.sheets.find((s) => s.name === layout.sheetName);
  expect(sheet).toBeDefined();
  // the header row is where the layout put it
  const header = layout.cells.find((c) => c.ref === `C${layout.headerRows.from}`);
  const row = layout.headerRows.from - 1 - (sheet?.top ?? 0);
  expect(sheet?.values[row]?.[2 - (sheet?.left ?? 0)]).toBe(header?.value);
  expect(snapshot.sheets.map((s) => s.name)).not.toContain("_chitieu");
}

/**
 * The reviewer's decisions are kept in the workbook and read back by the next check (with the clerk's explanation),
 * a second save replaces them, and our sheet is never taken for the user's.
 */
export async function reviewDecisionsRoundTrip(harness: HostHarness): Promise<void> {
  const { host, inspect } = await harness.create({ sheets: [{ name: "Sheet1", cells: {} }] });
  const catalog = defaultCatalog();
  const layout = fillTemplateLayout(communeLayout(), new Map([["CQS-02", { numerator: 50, denominator: 100, note: "Thiếu máy tính" }], ["CQS-03", { numerator: 40, denominator: 100 }]]));
  await host.insertTemplate(layout);
  const first = checkWorkbook(await host.readSnapshot(), { catalog });
  expect(first.findings.find((f) => f.indicator === "CQS-02")).toMatchObject({ status: "below", explanation: "Thiếu máy tính", decision: null });
  const at = "2026-11-27T02:30:00.000Z";
  const accepted = withFindingDecision(first, "CQS-02", { kind: "accepted", comment: "", by: "Lò Văn Hùng", at });
  await host.saveReview(withReportDecision({ ...first, review: { ...first.review, store: accepted } }, { kind: "approved", comment: "", by: "Lò Văn Hùng", at }));

  const again = checkWorkbook(await host.readSnapshot(), { catalog });
  expect(again.findings.find((f) => f.indicator === "CQS-02")).toMatchObject({ explanation: "Thiếu máy tính", decision: { kind: "accepted", by: "Lò Văn Hùng", at } });
  expect(again.review.report).toMatchObject({ kind: "approved", by: "Lò Văn Hùng" });
  expect(again.findings.map((f) => f.indicator)).toEqual(first.findings.map((f) => f.indicator));

  await host.saveReview(withFindingDecision(again, "CQS-03", { kind: "returned", comment: "Bổ sung danh sách", by: "Lò Văn Hùng", at }));
  const third = checkWorkbook(await host.readSnapshot(), { catalog });
  expect(third.findings.find((f) => f.indicator === "CQS-03")?.decision).toMatchObject({ kind: "returned", comment: "Bổ sung danh sách" });
  expect(third.findings.find((f) => f.indicator === "CQS-02")?.decision?.kind).toBe("accepted");
  expect(inspect.sheetNames().filter((n) => n === REVIEW_SHEET)).toHaveLength(1);
}

export const SCENARIOS = {
  "the reviewer's decisions are kept in the workbook and read back": reviewDecisionsRoundTrip,
  "user content survives marking and clearing": userContentSurvivesMarking,
  "explanations skip cells with the user's own note or comment": explanationsSkipUserNotes,
  "a second check replaces the first one's marks": reapplyReplacesMarks,
  "inserting the template twice is refused with a free name": templateNameClash,
  "a template's metadata is read back": templateMetadataRoundTrip,
} satisfies Record<string, (h: HostHarness) => Promise<void>>;
