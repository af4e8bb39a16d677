import { formatMessage, type Lang, type MessageKey } from "../messages";
import type { ReviewRecord } from "./record";
import { recordDate, recordText } from "./record-text";

// The review record as one CSV table, a row per finding with the unit and period on each, so it can be filtered and
// pivoted in Excel. UTF-8 with a byte-order mark (Excel reads Vietnamese correctly only with it), CRLF, RFC 4180 quoting.

/**
 * A cell Excel would run as a formula (= + - @, or a tab or carriage return that some tools strip first) is prefixed
 * with an apostrophe, as OWASP advises for CSV injection: the text shows as typed and nothing is evaluated.
 */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function recordCsv(record: ReviewRecord, lang: Lang): string {
  const text = recordText(record, lang);
  const m = (key: MessageKey) => formatMessage({ key, params: {} }, lang);
  const heading = record.pillars.reduce((map, p) => map.set(p.pillar, p.heading[lang]), new Map<string, string>());
  const unit = text.fields[0]![1];
  const columns = [
    m("record.col.unit"),
    m("record.col.period"),
    ...text.findingColumns.slice(0, 3),
    m("record.col.pillar"),
    ...text.findingColumns.slice(3),
    m("record.col.decided-by"),
    m("record.col.decided-at"),
  ];
  const rows = text.findings.map((row, i) => {
    const line = record.lines[i]!;
    const [no, code, indicator, ...rest] = row.cells;
    return [unit, record.header.period, no, code, indicator, heading.get(line.pillar) ?? line.pillar, ...rest, line.decision?.by ?? "", line.decision ? recordDate(line.decision.at, lang) : ""];
  });
  return "\uFEFF" + [columns, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
