// Saving bytes the page made (a marked copy, a blank template) as a download: a blob URL, nothing sent anywhere.

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function downloadBytes(fileName: string, bytes: Uint8Array, mime = XLSX_MIME): void {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the download has started from the click; keep the URL a moment for slow browsers
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const MARKED = "-da-danh-dau";
const CLEARED = "-da-xoa-danh-dau";
const REVIEWED = "-da-ra-soat";

/** The name without its extension and without the suffix we add, so a re-marked copy is not "…-da-danh-dau-da-danh-dau". */
function plainBase(original: string): string {
  let base = original.replace(/\.[^./\\]*$/, "");
  for (let again = true; again; ) {
    again = false;
    for (const suffix of [MARKED, CLEARED, REVIEWED]) {
      if (base.toLowerCase().endsWith(suffix)) {
        base = base.slice(0, -suffix.length);
        again = true;
      }
    }
  }
  return base || "so-tinh";
}

/** "bao-cao.xlsx" (or "bao-cao-da-danh-dau.xlsx") → "bao-cao-da-danh-dau.xlsx" (any extension is replaced by .xlsx). */
export function markedFileName(original: string): string {
  return `${plainBase(original)}${MARKED}.xlsx`;
}

/** "bao-cao-da-danh-dau.xlsx" → "bao-cao-da-xoa-danh-dau.xlsx": a clean copy, never the original's own name. */
export function clearedFileName(original: string): string {
  return `${plainBase(original)}${CLEARED}.xlsx`;
}

// the one reader of picked files lives with the shared UI (the task pane reads units' files too)
export { readFileBytes } from "../app/file-bytes";

/** "bao-cao.xlsx" → "bao-cao-da-ra-soat.xlsx": the copy with the reviewer's decisions, never the original's own name. */
export function reviewedFileName(original: string): string {
  return `${plainBase(original)}${REVIEWED}.xlsx`;
}

/** "bao-cao-da-danh-dau.xlsx" → "bao-cao-bien-ban-ra-soat.csv": the review record of that workbook. */
export function recordFileName(original: string, ext: "csv" | "xlsx"): string {
  return `${plainBase(original)}-bien-ban-ra-soat.${ext}`;
}

export const CSV_MIME = "text/csv;charset=utf-8";
