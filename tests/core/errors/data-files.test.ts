import rawUnits from "../../../seeds/units.json";
import rawCatalog from "../../../seeds/catalog.json";
import { loadCatalog } from "../../../src/core/catalog";
import { ChitieuError } from "../../../src/core/errors";
import { msg } from "../../../src/core/messages";
import { loadUnits } from "../../../src/core/units";
import { caught } from "../../support/caught";

// Data files are validated with zod: zod's own locale words its problems (Vietnamese or English), our schema's own
// checks are catalog messages, and every problem names its field path under a heading that names the file.

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe("a unit registry that does not match its schema", () => {
  const bad = copy(rawUnits) as { units: Record<string, unknown>[] };
  delete bad.units[0]!.name;
  bad.units[1]!.validFrom = "2025/01/01";
  bad.units[2]!.level = "thôn";
  const e = caught(() => loadUnits(bad, msg("file.units-at", { path: "don-vi.json" })), ChitieuError);

  it("is one data-file error naming the file", () => {
    expect(e.code).toBe("data-file");
    expect(e.text("vi").split("\n")[0]).toBe("Tệp danh sách đơn vị don-vi.json không hợp lệ:");
    expect(e.text("en").split("\n")[0]).toBe("The unit registry don-vi.json is invalid:");
  });

  it("lists each problem with its field path, in Vietnamese with zod's Vietnamese locale", () => {
    const lines = e.text("vi").split("\n").slice(1);
    expect(lines).toContain("- units.0.name: bắt buộc nhưng chưa có (cần string)");
    expect(lines).toContain("- units.1.validFrom: ngày có dạng YYYY-MM-DD");
    expect(lines.find((l) => l.startsWith("- units.2.level: "))).toMatch(/^- units\.2\.level: Tùy chọn không hợp lệ: mong đợi một trong các giá trị "province"\|"district"\|"commune"$/);
    expect(e.text("vi")).not.toMatch(/Invalid|expected|received/);
  });

  it("and in English with zod's English locale", () => {
    const lines = e.text("en").split("\n").slice(1);
    expect(lines).toContain("- units.0.name: required but missing (expected string)");
    expect(lines).toContain("- units.1.validFrom: date as YYYY-MM-DD");
    expect(lines.find((l) => l.startsWith("- units.2.level: "))).toMatch(/Invalid option: expected one of "province"\|"district"\|"commune"/);
  });

  it("words the schema's own cross-checks from the catalog", () => {
    const dup = copy(rawUnits) as { units: { code: string; parent?: string }[] };
    dup.units[1]!.code = dup.units[0]!.code;
    dup.units[2]!.parent = "tinh-khong-co";
    const err = caught(() => loadUnits(dup), ChitieuError);
    expect(err.text("vi")).toContain(`- (root): mã đơn vị ${dup.units[0]!.code} bị trùng`);
    expect(err.text("vi")).toContain(`không có đơn vị cấp trên tinh-khong-co`);
    expect(err.text("en")).toContain(`duplicate unit code ${dup.units[0]!.code}`);
    expect(err.text("vi").split("\n")[0]).toBe("Danh sách đơn vị không hợp lệ:");
  });
});

describe("an indicator catalog that does not match its schema", () => {
  it("names the catalog and the indicator's field path", () => {
    const bad = copy(rawCatalog) as { indicators: Record<string, unknown>[] };
    bad.indicators[0]!.code = "cqs 1";
    const e = caught(() => loadCatalog(bad), ChitieuError);
    expect(e.text("vi")).toContain("Danh mục chỉ tiêu không hợp lệ:\n- indicators.0.code: mã chỉ tiêu có dạng CQS-01");
    expect(e.text("en")).toContain("The indicator catalog is invalid:\n- indicators.0.code: code like CQS-01");
  });
});
