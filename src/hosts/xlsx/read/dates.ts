// Cells of type "d" hold ISO 8601 text; the core works with Excel serial numbers, like every other date cell.

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30); // serial 0 in the 1900 system (after Excel's 1900 leap-year bug)
const EPOCH_1904 = Date.UTC(1904, 0, 1);

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Serial number for an ISO date-time, or null when the text is not one. Time zones are ignored: Excel has none. */
export function isoToSerial(iso: string, date1904: boolean): number | null {
  const m = ISO.exec(iso.trim());
  if (!m) {
    const t = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/.exec(iso.trim());
    if (!t) return null;
    return (Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3] ?? 0) + Number(t[4] ?? 0)) / 86400;
  }
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)) + Math.round(Number(m[7] ?? 0) * 1000);
  if (!Number.isFinite(ms)) return null;
  return (ms - (date1904 ? EPOCH_1904 : EPOCH_1900)) / MS_PER_DAY;
}
