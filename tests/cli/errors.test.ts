import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import rawUnits from "../../seeds/units.json";
import { main } from "../../src/cli/main";
import { plainWorkbook } from "../support/plain-workbook";

// What the command line says when the user's own input is wrong: in Vietnamese (or English with --lang en), naming
// the file and the field, exit code 2, never a stack or an untranslated library message.

const dir = mkdtempSync(join(tmpdir(), "chitieu-cli-errors-"));

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function unitsFile(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("a bad --units file", () => {
  const units = JSON.parse(JSON.stringify(rawUnits)) as { units: Record<string, unknown>[] };
  delete units.units[3]!.name;
  const file = unitsFile("thieu-ten.json", JSON.stringify(units));

  it("names the file and the field in Vietnamese, with no English under the Vietnamese heading", async () => {
    const r = await run(["units", "--units", file]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`Tệp danh sách đơn vị ${file} không hợp lệ:\n- units.3.name: bắt buộc nhưng chưa có (cần string)\n`);
    expect(r.err).not.toContain("Invalid input");
  });

  it("says it in English with --lang en", async () => {
    const r = await run(["units", "--units", file, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`The unit registry ${file} is invalid:\n- units.3.name: required but missing (expected string)\n`);
  });

  it("lists every problem, each with its path, for the template command too", async () => {
    const two = JSON.parse(JSON.stringify(rawUnits)) as { units: Record<string, unknown>[] };
    two.units[0]!.code = "Tỉnh Lai Châu";
    two.units[1]!.validTo = "30/06/2025";
    const path = unitsFile("hai-loi.json", JSON.stringify(two));
    const r = await run(["template", "--unit", "Mường Kim", "--year", "2025", "--out", join(dir, "x.xlsx"), "--units", path]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("- units.0.code: mã đơn vị chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang\n");
    expect(r.err).toContain("- units.1.validTo: ngày có dạng YYYY-MM-DD\n");
  });

  it("that is not JSON says so, naming the file", async () => {
    const path = unitsFile("hong.json", "{ units: [");
    const r = await run(["units", "--units", path]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^Tệp ${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} không phải JSON hợp lệ \\(.+\\)\\.\\n$`));
  });

  it("that does not exist says so", async () => {
    const r = await run(["units", "--units", join(dir, "khong-co.json")]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`Không có tệp ${join(dir, "khong-co.json")}\n`);
  });
});

describe("a workbook that is not our template", () => {
  // an indicator table with no title: nothing in the file says the level or the year
  const table = join(dir, "bang-khong-tieu-de.xlsx");
  writeFileSync(table, plainWorkbook("Số liệu", [["Mã", "Tử số", "Mẫu số"], ["CQS-02", 85, 100]]));

  it("asks for the options that are missing, by their command-line names", async () => {
    const r = await run(["check", table]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("nên chưa biết cấp báo cáo và năm báo cáo: hãy ghi --level và --year (ví dụ --level xa --year 2025).");
  });

  it("asks only for the year when the level is given", async () => {
    const r = await run(["check", table, "--level", "xa", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("so it does not say the reporting year: please give --year (e.g. --level commune --year 2025).");
  });

  it("with no indicator table at all, says that first and asks for no option", async () => {
    const list = join(dir, "danh-sach.xlsx");
    writeFileSync(list, plainWorkbook("Danh sách", [["Họ tên", "Tuổi"], ["An", 30]]));
    for (const args of [[], ["--level", "xa", "--year", "2025"]]) {
      const r = await run(["check", list, ...args]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`Không dùng được tệp ${list}: Sổ tính này không có biểu mẫu Chỉ tiêu CĐS và không có bảng chỉ tiêu nào.`);
      expect(r.err).toContain('cột "Mã"');
      expect(r.err).not.toContain("--level");
    }
  });
});

describe("the command line's own refusals", () => {
  it("an unknown command and an invalid option are said in the chosen language", async () => {
    expect((await run(["kiem-tra"])).err).toMatch(/^Lệnh không rõ: kiem-tra\n/);
    expect((await run(["check", "--bogus", "--lang", "en"])).err).toMatch(/^Invalid option: /);
  });

  it("a bad level or year names what was typed and what is accepted", async () => {
    expect((await run(["units", "--year", "2019"])).err).toBe('Năm báo cáo không hợp lệ: "2019" (cần từ 2021 đến 2030)\n');
    const level = await run(["template", "--level", "thon", "--unit", "Mường Kim", "--year", "2025", "--out", join(dir, "y.xlsx")]);
    expect(level.err).toBe('Cấp báo cáo không hợp lệ: "thon" (tinh, huyen hoặc xa)\n');
  });
});
