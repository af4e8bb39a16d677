import { inResolutionPeriod, RESOLUTION_PERIOD, type Level } from "../core/catalog";
import { findUnits, isValidInYear, unitTitle, type ReportingUnit, type UnitRegistry } from "../core/units";
import { UsageError } from "./files";

// Turning what the user typed into values, with a specific message when it can't be done.

const LEVEL_WORDS: Record<string, Level> = {
  province: "province", tinh: "province", "tỉnh": "province",
  district: "district", huyen: "district", "huyện": "district",
  commune: "commune", xa: "commune", "xã": "commune", phuong: "commune", "phường": "commune",
};

export function parseLevel(s: string | undefined): Level | undefined {
  if (s === undefined) return undefined;
  const level = LEVEL_WORDS[s.normalize("NFC").trim().toLowerCase()];
  if (!level) throw new UsageError(`Cấp báo cáo không hợp lệ: "${s}" (tinh, huyen hoặc xa)`, `Invalid level "${s}" (province, district or commune)`);
  return level;
}

export function parseYear(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const y = Number(s);
  if (!inResolutionPeriod(y)) {
    const { from, to } = RESOLUTION_PERIOD;
    throw new UsageError(`Năm báo cáo không hợp lệ: "${s}" (cần từ ${from} đến ${to})`, `Invalid reporting year "${s}" (expected ${from} to ${to})`);
  }
  return y;
}

/** The one unit the user means, existing in that year at that level; otherwise a message listing what would fit. */
export function resolveUnit(reg: UnitRegistry, query: string, year: number, level: Level | undefined): ReportingUnit {
  const all = findUnits(reg, query);
  const fitting = all.filter((u) => isValidInYear(u, year) && (level === undefined || u.level === level));
  if (fitting.length === 1) return fitting[0]!;
  if (fitting.length > 1) {
    const list = fitting.map((u) => `${u.code} (${unitTitle(u)})`).join(", ");
    throw new UsageError(`Có nhiều đơn vị tên "${query}": ${list}. Hãy ghi rõ mã hoặc --level.`, `Several units match "${query}": ${list}. Give the code or --level.`);
  }
  if (all.length > 0) {
    const list = all.map((u) => `${unitTitle(u)} (${u.validFrom ?? "…"} – ${u.validTo ?? "…"})`).join(", ");
    throw new UsageError(
      `Đơn vị "${query}" không tồn tại ở cấp/năm đã chọn (${year}): ${list}.`,
      `Unit "${query}" does not exist at that level in ${year}: ${list}.`,
    );
  }
  throw new UsageError(
    `Không tìm thấy đơn vị "${query}". Xem danh sách: npx chitieu units --year ${year}`,
    `Unit "${query}" not found. See the list: npx chitieu units --year ${year}`,
  );
}
