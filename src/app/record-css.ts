// The printable review record's stylesheet: plain classes (the page is printed, and rendered to static HTML in tests,
// where no runtime style engine runs). A4 portrait; on paper only the record shows, the table's header repeats on
// each page, a row is never split, and the page margin carries "Trang x/y" where the browser supports margin boxes.

/** CSS string text: quotes and backslashes escaped, so a translated word cannot end the string. */
function cssString(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function recordCss(pageWord: { before: string; between: string }): string {
  return `
@page { size: A4 portrait; margin: 12mm 12mm 14mm 12mm;
  @bottom-center { content: ${cssString(pageWord.before)} counter(page) ${cssString(pageWord.between)} counter(pages); font: 8pt "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; color: #444; } }
.ctr-page { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif Condensed", "DejaVu Serif", "Noto Serif", serif; font-size: 10pt; line-height: 1.25;
  color: #000; background: #fff; max-width: 186mm; margin: 0 auto; padding: 8px; box-sizing: border-box; }
.ctr-motto { text-align: center; font-weight: bold; margin: 0; }
.ctr-motto-line { text-align: center; font-weight: bold; margin: 0 0 8pt; }
.ctr-title { text-align: center; font-size: 13pt; font-weight: bold; margin: 0; }
.ctr-subtitle { text-align: center; font-style: italic; margin: 1pt 0 6pt; }
.ctr-fields { margin: 0 0 4pt; padding: 0; list-style: none; }
.ctr-fields li { margin: 0; }
.ctr-label { font-weight: bold; }
.ctr-section { font-size: 10.5pt; font-weight: bold; margin: 6pt 0 2pt; }
.ctr-table { width: 100%; border-collapse: collapse; font-size: 7.2pt; line-height: 1.1; table-layout: fixed; }
.ctr-table th, .ctr-table td { border: 0.5pt solid #777; padding: 1pt 2pt; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
.ctr-table th { background: #d9e1f2; font-weight: bold; text-align: center; vertical-align: middle; }
.ctr-table tr { break-inside: avoid; page-break-inside: avoid; }
.ctr-table thead { display: table-header-group; }
.ctr-num { text-align: center !important; }
.ctr-total td { font-weight: bold; }
.ctr-note { display: block; color: #444; font-size: 7pt; }
.ctr-findings col.ctr-c-no { width: 4%; } .ctr-findings col.ctr-c-code { width: 6.5%; } .ctr-findings col.ctr-c-label { width: 36%; }
.ctr-findings col.ctr-c-figure { width: 10.5%; } .ctr-findings col.ctr-c-target { width: 13.5%; } .ctr-findings col.ctr-c-status { width: 16%; }
.ctr-findings col.ctr-c-decision { width: 13.5%; }
.ctr-pillars col.ctr-c-pillar { width: 19%; }
.ctr-status-met { background: #c6efce; color: #006100; font-weight: bold; }
.ctr-status-explained { background: #ffeb9c; color: #7f6000; font-weight: bold; }
.ctr-status-unexplained { background: #ffc7ce; color: #9c0006; font-weight: bold; }
.ctr-status-error { background: #ff9999; color: #7f0000; font-weight: bold; }
.ctr-status-missing { background: #ededed; color: #595959; font-weight: bold; }
.ctr-signature { margin: 10pt 0 0 55%; text-align: center; break-inside: avoid; page-break-inside: avoid; }
.ctr-signature-title { font-weight: bold; margin: 0; }
.ctr-signature-hint { font-style: italic; margin: 0 0 40pt; }
.ctr-signature-name { font-weight: bold; margin: 0; }
@media print {
  html, body { background: #fff !important; }
  body * { visibility: hidden; }
  .ctr-page, .ctr-page * { visibility: visible; }
  .ctr-page { position: absolute; left: 0; top: 0; width: 100%; max-width: none; padding: 0; }
  .ctr-table th, .ctr-status-met, .ctr-status-explained, .ctr-status-unexplained, .ctr-status-error, .ctr-status-missing {
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
}
