import type { Level } from "../catalog/schema";
import type { TemplateMetadata } from "../snapshot";

// Which unit, level and year a workbook reports on: what the user says wins, then the template's metadata.

/** Provinces in the DTI ranking: 63 until the 2025 merger, 34 from the 2025 assessment on (Resolution 202/2025/QH15). */
export function provincesInRanking(year: number): number {
  return year >= 2025 ? 34 : 63;
}

export interface CheckContext {
  level: Level;
  year: number;
  unitCode: string | null;
  /** Where level and year came from ("sheet": read from an office's own sheet, see the report's mapping.guessed). */
  source: "options" | "metadata" | "mixed" | "sheet";
  /** How many provinces a rank is out of in this reporting year. */
  fieldSizeNow: number;
}

export class CheckError extends Error {
  constructor(readonly code: "no-context" | "no-indicators" | "bad-year", readonly vi: string, readonly en: string) {
    super(en);
    this.name = "CheckError";
  }
}

export interface ContextOptions {
  level?: Level;
  year?: number;
  unitCode?: string;
}

export function resolveContext(opts: ContextOptions, metadata: TemplateMetadata | null): CheckContext {
  const level = opts.level ?? metadata?.level;
  const year = opts.year ?? metadata?.year;
  if (level === undefined || year === undefined) {
    const what = [level === undefined ? ["cấp báo cáo", "the level"] : null, year === undefined ? ["năm báo cáo", "the year"] : null].filter((x) => x !== null) as string[][];
    throw new CheckError(
      "no-context",
      `Sổ tính không phải biểu mẫu chuẩn nên không biết ${what.map((w) => w[0]).join(" và ")}: hãy chọn (ví dụ --level xa --year 2025).`,
      `The workbook is not our template, so ${what.map((w) => w[1]).join(" and ")} is unknown: please give it (e.g. --level commune --year 2025).`,
    );
  }
  if (!Number.isInteger(year) || year < 2021 || year > 2030) {
    throw new CheckError("bad-year", `Năm báo cáo ${year} nằm ngoài giai đoạn 2021–2030 của Nghị quyết.`, `Reporting year ${year} is outside the resolution's 2021–2030.`);
  }
  const fromOptions = opts.level !== undefined && opts.year !== undefined;
  const fromMeta = opts.level === undefined && opts.year === undefined;
  return {
    level,
    year,
    unitCode: opts.unitCode ?? metadata?.unitCode ?? null,
    source: fromOptions ? "options" : fromMeta ? "metadata" : "mixed",
    fieldSizeNow: provincesInRanking(year),
  };
}
