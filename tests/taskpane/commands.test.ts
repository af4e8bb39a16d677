import "./support/dom-polyfills";
import { checkCommand, clearCommand, insertTemplateCommand, runCommand } from "../../src/commands/commands";
import { takeRecentCommandResult } from "../../src/app/command-log";
import { sheetExists } from "../../src/hosts/host";
import { fakeHost } from "./support/fake-host";
import { districtSnapshot } from "./support/fixtures";

// The ribbon buttons: they use the last choice, never ask, always complete, and leave their result for the pane.

beforeEach(() => localStorage.clear());

const remember = (choice: object) => localStorage.setItem("chitieu.choice", JSON.stringify(choice));

describe("ribbon commands", () => {
  it("insert uses the last saved choice", async () => {
    remember({ level: "district", year: 2025, unitCode: "huyen-tam-duong" });
    const host = fakeHost(districtSnapshot());
    const outcome = await insertTemplateCommand(host);
    expect(host.inserted[0]?.metadata).toMatchObject({ unitCode: "huyen-tam-duong", level: "district", year: 2025 });
    expect(outcome.vi).toBe('Đã chèn biểu mẫu huyện Tam Đường năm 2025 vào trang "Báo cáo".');
  });

  it("insert falls back to tỉnh Lai Châu for the current year (within 2021–2030) when nothing was saved", async () => {
    const host = fakeHost(districtSnapshot());
    await insertTemplateCommand(host);
    const year = Math.min(2030, Math.max(2021, new Date().getFullYear()));
    expect(host.inserted[0]?.metadata).toMatchObject({ unitCode: "tinh-lai-chau", level: "province", year });
  });

  it("insert takes the suggested free name when the sheet exists", async () => {
    const host = fakeHost(districtSnapshot());
    host.failNext("insertTemplate", sheetExists("Báo cáo", ["Báo cáo"]));
    const outcome = await insertTemplateCommand(host);
    expect(host.inserted.map((l) => l.sheetName)).toEqual(["Báo cáo (2)"]);
    expect(outcome.vi).toContain('"Báo cáo (2)"');
  });

  it("check marks the workbook and sums up the result", async () => {
    const host = fakeHost(districtSnapshot());
    const outcome = await checkCommand(host);
    expect(host.applied).toHaveLength(1);
    expect(outcome.vi).toBe("Đã kiểm tra: 2 đạt, 2 chưa đạt, 1 số liệu sai, 18 chưa nhập.");
  });

  it("check of a workbook without metadata uses the saved level and year", async () => {
    remember({ level: "district", year: 2025, unitCode: "huyen-tam-duong" });
    const host = fakeHost({ ...districtSnapshot(), metadata: null });
    expect((await checkCommand(host)).en).toBe("Checked: 2 met, 2 not met, 1 invalid, 18 missing.");
  });

  it("a failure is logged, kept for the pane, and the event still completes", async () => {
    const host = fakeHost(districtSnapshot());
    host.failNext("clearHighlights", new Error("Excel đã đóng"));
    const completed = jest.fn();
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await runCommand("clear", () => clearCommand(host), { completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalled();
    expect(takeRecentCommandResult()).toMatchObject({ command: "clear", ok: false, vi: "Đã xảy ra lỗi không lường trước: Excel đã đóng" });
    log.mockRestore();
  });
});
