// Where the locator looks: an office's table may sit anywhere in the used range, below pages of its own data.

import { cpuMs } from "../../support/cpu";
import { defaultCatalog } from "../../../src/core/catalog";
import { checkWorkbook, findHeader, locateIndicators } from "../../../src/core/check";
import type { RawValue } from "../../../src/core/snapshot";
import { sheetOf } from "./snapshot-of";

const catalog = defaultCatalog();

/** `n` rows of an office's own records (names, dates, amounts) with nothing that looks like a header. */
function ownData(n: number, width = 6): RawValue[][] {
  return Array.from({ length: n }, (_, i) => [i + 1, `Hộ gia đình số ${i + 1}`, 45000 + i, "Bản Nậm Xe", 12.5 * i, ...Array<RawValue>(width - 5).fill(null)]);
}

const TABLE: RawValue[][] = [
  ["Mã", "Chỉ tiêu", "Tử số", "Mẫu số"],
  ["CQS-02", "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", 850, 1000],
  ["CQS-09", "Tỷ lệ CBCCVC tham gia khai thác dữ liệu và công nghệ số", 12, 100],
];

describe("finding an indicator table below the office's own data", () => {
  it.each([0, 60, 89, 149, 1000])("finds the header and the rows after %i rows of data", (above) => {
    const sheet = sheetOf("Dữ liệu", [...ownData(above), [], ...TABLE]);
    const header = findHeader(sheet);
    expect(header).toEqual({ rowIndex: above + 1, columns: { code: 0, label: 1, numerator: 2, denominator: 3 } });
    const located = locateIndicators({ sheets: [sheet], metadata: null }, catalog);
    expect(located.rows.map((r) => [r.indicator.code, r.row, r.numerator?.address])).toEqual([
      ["CQS-02", above + 3, `C${above + 3}`],
      ["CQS-09", above + 4, `C${above + 4}`],
    ]);
  });

  it("judges the rows it finds there", () => {
    const sheet = sheetOf("Dữ liệu", [...ownData(150), [], ...TABLE]);
    const report = checkWorkbook({ sheets: [sheet], metadata: null }, { catalog, level: "district", year: 2025 });
    expect(report.findings.find((f) => f.indicator === "CQS-09")).toMatchObject({ status: "below", value: 12, gap: -18, sheet: "Dữ liệu" });
  });

  it("does not take a long sentence that mentions its words for a header", () => {
    const sentence = "Ghi chú: mã chỉ tiêu và tử số, mẫu số được lấy theo hướng dẫn của Sở Khoa học và Công nghệ tỉnh Lai Châu năm 2025";
    const sheet = sheetOf("Dữ liệu", [[sentence, "Tử số"], ...TABLE]);
    expect(findHeader(sheet)?.rowIndex).toBe(1);
  });

  it("scans a 1,000,000-cell sheet of short text with no header in bounded time", () => {
    const row: RawValue[] = Array.from({ length: 20 }, (_, c) => `Ô ${c}`);
    const sheet = sheetOf("Lớn", Array.from({ length: 50_000 }, () => row));
    let header: ReturnType<typeof findHeader> = null;
    // every cell is folded once: about a microsecond each on a slow machine
    expect(cpuMs(() => (header = findHeader(sheet)))).toBeLessThan(5_000);
    expect(header).toBeNull();
  });
});
