import { z } from "zod";
import { dataHint, dataIssue } from "../data-issues";
import { ChitieuError } from "../errors";
import { jsonSheetRows, jsonSheetText } from "../json-sheet";
import { catalogs } from "../messages";
import type { WorkbookSnapshot } from "../snapshot";

// The reviewer's decisions kept inside the workbook: a very hidden "_chitieu_review" sheet of key/value rows holding
// one JSON document (src/core/json-sheet.ts), written by either host and read by the core from any snapshot, so a
// decision recorded in the pane is seen by the browser mode, the CLI and the consolidation, and survives a save by
// Excel, LibreOffice or openpyxl. What is read back is parsed with zod: an edited store is said, never trusted.

export const REVIEW_SHEET = "_chitieu_review";
export const REVIEW_FORMAT = "chitieu-review";
const KEY = "chitieu.review";

export function isReviewSheet(name: string): boolean {
  return name.toLowerCase() === REVIEW_SHEET;
}

const indicatorCode = z.string().regex(/^[A-Z]{2,4}-\d{2}$/, dataHint("data.indicator-code"));
const who = {
  comment: z.string().max(4000),
  by: z.string().trim().min(1).max(200),
  at: z.iso.datetime(),
};

const storedFindingDecision = z
  .object({
    indicator: indicatorCode,
    kind: z.enum(["accepted", "returned"]),
    ...who,
    /** The figure the decision was made on, as its input cells held it (figureKey): a changed figure reopens it. */
    figure: z.string().max(2000),
  })
  .strict();

const storedReportDecision = z
  .object({
    kind: z.enum(["approved", "returned"]),
    ...who,
    /** A digest of every figure of the report when it was decided: any change reopens the report's decision. */
    figures: z.string().max(64),
  })
  .strict();

export const reviewStoreSchema = z
  .object({
    format: z.literal(REVIEW_FORMAT),
    version: z.literal(1),
    report: storedReportDecision.nullable(),
    findings: z.array(storedFindingDecision).max(1000),
  })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    for (const [i, d] of s.findings.entries()) {
      if (seen.has(d.indicator)) ctx.addIssue({ ...dataIssue("data.decided-twice", { indicator: d.indicator }), path: ["findings", i, "indicator"] });
      seen.add(d.indicator);
      // a return says what to add: the same rule as when it is recorded
      if (d.kind === "returned" && d.comment.trim() === "") ctx.addIssue({ ...dataIssue("data.return-needs-comment"), path: ["findings", i, "comment"] });
    }
  });

export type ReviewStore = z.infer<typeof reviewStoreSchema>;
export type StoredFindingDecision = ReviewStore["findings"][number];
export type StoredReportDecision = NonNullable<ReviewStore["report"]>;

export function emptyReviewStore(): ReviewStore {
  return { format: REVIEW_FORMAT, version: 1, report: null, findings: [] };
}

/** Key/value rows for columns A and B of the review sheet; the note asks (in both languages) not to edit it. */
export function reviewSheetRows(store: ReviewStore): [string, string][] {
  const both = (key: "review.sheet.about" | "review.sheet.note") => `${catalogs.vi[key]} / ${catalogs.en[key]}`;
  return jsonSheetRows(KEY, store, both("review.sheet.about"), both("review.sheet.note"));
}

export interface StoredReview {
  /** The decisions kept (null: none, or unreadable). */
  store: ReviewStore | null;
  /** Why a kept store could not be used, in both languages (then every finding is open, and the user is told). */
  damaged: { vi: string; en: string } | null;
}

function damaged(e: ChitieuError): StoredReview {
  return { store: null, damaged: { vi: e.text("vi"), en: e.text("en") } };
}

/** The decisions kept in the workbook, and the workbook without the review sheet (never a user's table). */
export function storedReview(snapshot: WorkbookSnapshot): { review: StoredReview; snapshot: WorkbookSnapshot } {
  const sheet = snapshot.sheets.find((s) => isReviewSheet(s.name));
  if (!sheet) return { review: { store: null, damaged: null }, snapshot };
  const rest = { ...snapshot, sheets: snapshot.sheets.filter((s) => s !== sheet) };
  const kept = jsonSheetText(sheet, KEY);
  if ("problem" in kept) return { review: damaged(new ChitieuError("error.store-damaged.review-text", { sheet: REVIEW_SHEET, detail: kept.problem })), snapshot: rest };
  let raw: unknown;
  try {
    raw = JSON.parse(kept.text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { review: damaged(new ChitieuError("error.store-damaged.review-text", { sheet: REVIEW_SHEET, detail }, { cause: e })), snapshot: rest };
  }
  const parsed = reviewStoreSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { review: damaged(new ChitieuError("error.store-damaged.review", { sheet: REVIEW_SHEET, issues: parsed.error.issues })), snapshot: rest };
  return { review: { store: parsed.data, damaged: null }, snapshot: rest };
}
