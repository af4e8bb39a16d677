import { comparatorSymbol, formatMessage, formatNumber, type Lang, type MessageKey } from "../messages";
import type { RecordCounts, RecordLine, RecordStatus, ReviewRecord } from "./record";

// The review record in one language, as text laid out in tables: the one wording the printable page, the PDF, the
// CSV and the XLSX share, so the four never say a thing differently.

export interface RecordFindingRow {
  status: RecordStatus;
  decision: "accepted" | "returned" | null;
  /** STT, code, indicator, figure, target, assessment, explanation, decision, comment. */
  cells: [string, string, string, string, string, string, string, string, string];
  /** Who decided and when ("Nguyễn Thị Hoa, 27/11/2026"), or "" for no decision. */
  decidedBy: string;
  /** The same, for a printed line under the decision: "" when the record's reviewer took it (the header says who). */
  decisionNote: string;
}

export interface RecordText {
  lang: Lang;
  motto: [string, string];
  title: string;
  subtitle: string;
  /** Label and value of each header line (unit, level, period, reviewer, date, conclusion). */
  fields: [string, string][];
  pillarsTitle: string;
  pillarColumns: string[];
  /** One row per pillar, then the total: the heading then the counts. */
  pillarRows: [string, ...number[]][];
  findingsTitle: string;
  findingColumns: string[];
  findings: RecordFindingRow[];
  /** Shown instead of the findings table when there is no finding. */
  empty: string;
  signature: { title: string; hint: string; name: string };
  /** The words before an explanation or a comment printed under the indicator or the decision. */
  notes: { explanation: string; comment: string };
  /** "Trang {page}/{pages}" around its numbers, for a page margin that counts pages itself (CSS counters). */
  pageWord: { before: string; between: string };
}

const COUNT_COLUMNS: readonly (keyof RecordCounts)[] = ["total", "met", "explained", "unexplained", "errors", "missing", "accepted", "returned", "open"];

/** dd/mm/yyyy in Vietnamese, yyyy-mm-dd (unambiguous) in English; from yyyy-mm-dd or an ISO date-time. */
export function recordDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return lang === "vi" ? `${m[3]}/${m[2]}/${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

export function recordText(record: ReviewRecord, lang: Lang): RecordText {
  const m = (key: MessageKey, params: Record<string, string | number> = {}) => formatMessage({ key, params }, lang);
  const { header, reportDecision } = record;
  const conclusion = reportDecision
    ? m("record.conclusion.by", { conclusion: m(`record.conclusion.${reportDecision.kind}`), by: reportDecision.by, date: recordDate(reportDecision.at, lang) }) +
      (reportDecision.comment.trim() ? `: ${reportDecision.comment.trim()}` : "")
    : m("record.conclusion.open");
  const blank = "……………………………";
  const pillarRows: [string, ...number[]][] = record.pillars.map((p) => [p.heading[lang], ...COUNT_COLUMNS.map((c) => p.counts[c])]);
  pillarRows.push([m("record.total"), ...COUNT_COLUMNS.map((c) => record.total[c])]);
  return {
    lang,
    motto: [m("record.motto.country"), m("record.motto.line")],
    title: m("record.title"),
    subtitle: m("record.subtitle"),
    fields: [
      [m("record.field.unit"), header.unit ?? m("record.unit.unknown")],
      [m("record.field.level"), capitalise(m(`term.level.${header.level}`))],
      [m("record.field.period"), header.period],
      [m("record.field.reviewer"), header.reviewer ?? blank],
      [m("record.field.date"), recordDate(header.date, lang)],
      [m("record.field.conclusion"), conclusion],
    ],
    pillarsTitle: m("record.section.pillars"),
    pillarColumns: [m("record.col.pillar"), ...COUNT_COLUMNS.map((c) => m(`record.col.${c}`))],
    pillarRows,
    findingsTitle: m("record.section.findings"),
    findingColumns: (["no", "code", "indicator", "figure", "target", "status", "explanation", "decision", "comment"] as const).map((c) => m(`record.col.${c}`)),
    findings: record.lines.map((l, i) => ({
      status: l.status,
      decision: l.decision?.kind ?? null,
      cells: [
        String(i + 1),
        l.code,
        l.label[lang],
        figureText(l, lang),
        targetText(l, lang),
        m(statusKey(l)),
        l.explanation ?? "",
        decisionText(l, lang),
        l.decision?.comment.trim() ?? "",
      ],
      decidedBy: decidedBy(l, lang),
      decisionNote: l.decision && l.decision.by.trim() !== (header.reviewer ?? "") ? decidedBy(l, lang) : "",
    })),
    empty: m("record.empty"),
    signature: { title: m("record.signature.reviewer"), hint: m("record.signature.hint"), name: header.reviewer ?? "" },
    notes: { explanation: m("record.note.explanation"), comment: m("record.note.comment") },
    pageWord: pageWord(m("record.page", { page: "\u0000", pages: "\u0001" })),
  };
}

function pageWord(text: string): { before: string; between: string } {
  const [before = "", rest = ""] = text.split("\u0000");
  return { before, between: rest.split("\u0001")[0] ?? "" };
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);
}

function statusKey(l: RecordLine): MessageKey {
  const offTrack = l.findingStatus === "off-track";
  switch (l.status) {
    case "met":
      return l.findingStatus === "on-track" ? "record.status.on-track" : "record.status.met";
    case "explained":
      return offTrack ? "record.status.off-track-explained" : "record.status.explained";
    case "unexplained":
      return offTrack ? "record.status.off-track-unexplained" : "record.status.unexplained";
    case "error":
      return "record.status.error";
    case "missing":
      return "record.status.missing";
  }
}

/** The figure as read: "45/60 (75%)" for a ratio, "75%", "12", "Có"; the marker or "—" when there is none. */
export function figureText(l: Pick<RecordLine, "figure" | "value" | "percent">, lang: Lang): string {
  const f = l.figure;
  const n = (x: number) => formatNumber(Math.round(x * 100) / 100, lang);
  if (f.answer !== undefined) return formatMessage({ key: f.answer === "yes" ? "record.figure.yes" : "record.figure.no", params: {} }, lang);
  if (f.numerator !== null && f.denominator !== null) {
    const ratio = `${n(f.numerator)}/${n(f.denominator)}`;
    return l.value === null ? ratio : `${ratio} (${n(l.value)}%)`;
  }
  const v = l.value ?? f.value;
  if (v !== null) return `${n(v)}${l.percent ? "%" : ""}`;
  if (f.numerator !== null || f.denominator !== null) return `${f.numerator === null ? "?" : n(f.numerator)}/${f.denominator === null ? "?" : n(f.denominator)}`;
  return f.marker ?? "—";
}

export function targetText(l: Pick<RecordLine, "target" | "percent" | "yesNo">, lang: Lang): string {
  const t = l.target;
  if (!t) return "";
  if (l.yesNo) return formatMessage({ key: "record.target.yes", params: { year: t.year } }, lang);
  return formatMessage({ key: "record.target", params: { comparator: comparatorSymbol(t.comparator), target: t.value, unit: l.percent ? "%" : "", year: t.year } }, lang);
}

function decisionText(l: RecordLine, lang: Lang): string {
  const d = l.decision;
  if (!d) return l.status === "met" ? "" : formatMessage({ key: "record.decision.open", params: {} }, lang);
  return formatMessage({ key: `record.decision.${d.kind}`, params: {} }, lang);
}

function decidedBy(l: RecordLine, lang: Lang): string {
  const d = l.decision;
  return d ? formatMessage({ key: "record.decision.by", params: { by: d.by.trim(), date: recordDate(d.at, lang) } }, lang) : "";
}
