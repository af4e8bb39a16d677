import { isCellError, type RawValue } from "../snapshot";

// The clerk's explanation of a figure: what the template's "Ghi chú" and "Minh chứng" cells (or the note column the
// mapping found in an office's own table) hold on the indicator's row. And the figure's key: its input cells as
// typed, what a reviewer's decision is made on.

/** A cell as text, as the user sees it typed (a cached formula result as its value). */
export function cellText(raw: RawValue | undefined): string {
  if (raw === null || raw === undefined) return "";
  if (isCellError(raw)) return raw.error;
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  return String(raw).trim();
}

/** The explanation the cells hold, in order and joined; null when they are all empty. */
export function explanationOf(cells: readonly { raw: RawValue }[]): string | null {
  const parts = cells.map((c) => cellText(c.raw).replace(/\s+/g, " ")).filter((t) => t !== "");
  return parts.length > 0 ? parts.join(" — ") : null;
}

/** "45 / 60" for a ratio's two inputs, else the value as typed; "" when nothing was entered. */
export function figureKeyOf(parts: { numerator?: { raw: RawValue }; denominator?: { raw: RawValue }; value?: { raw: RawValue } }, ratio: boolean): string {
  if (ratio && (parts.numerator || parts.denominator)) {
    const n = cellText(parts.numerator?.raw);
    const d = cellText(parts.denominator?.raw);
    return n === "" && d === "" ? "" : `${n} / ${d}`;
  }
  return cellText(parts.value?.raw);
}
