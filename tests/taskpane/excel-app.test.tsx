import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { ExcelApp } from "../../src/app/screens/ExcelApp";
import { TaskPane } from "../../src/taskpane/TaskPane";
import { sheetExists, type HostCapabilities } from "../../src/hosts/host";
import { ACTIONS, toHostError } from "../../src/hosts/office/errors";
import { loadUnits } from "../../src/core/units";
import type { Choice } from "../../src/app/choice";
import { fakeHost, FULL_CAPABILITIES, type FakeHost } from "./support/fake-host";
import { catalog, districtSnapshot, officeTableSnapshot, strangerSnapshot } from "./support/fixtures";
import { renderInFrame } from "./support/render";

const registry = loadUnits();
const TAM_DUONG: Choice = { level: "district", year: 2025, unitCode: "huyen-tam-duong" };

/** Renders the pane and lets its opening read (readMetadata) settle, as a user would see it. */
async function renderPane(host: FakeHost, choice: Choice = TAM_DUONG, lang: "vi" | "en" = "vi") {
  const result = renderInFrame(<ExcelApp host={host} catalog={catalog} registry={registry} initialChoice={choice} />, lang);
  await act(async () => {});
  return result;
}

async function checkNow() {
  fireEvent.click(screen.getByRole("button", { name: "Kiểm tra sổ tính" }));
  await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
}

beforeEach(() => localStorage.clear());

describe("start screen", () => {
  it("offers only the units that exist in the chosen year and level", async () => {
    await renderPane(fakeHost(districtSnapshot()));
    const unit = screen.getByLabelText("Đơn vị báo cáo") as HTMLSelectElement;
    expect([...unit.options].map((o) => o.text)).toContain("huyện Tam Đường");
    expect(unit.value).toBe("huyen-tam-duong");

    fireEvent.change(screen.getByLabelText("Năm báo cáo"), { target: { value: "2026" } });
    expect(screen.getByText(/Năm 2026 không có đơn vị cấp huyện nào/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Chèn biểu mẫu" }).hasAttribute("disabled")).toBe(true);

    fireEvent.change(screen.getByLabelText("Cấp báo cáo"), { target: { value: "commune" } });
    const communes = [...(screen.getByLabelText("Đơn vị báo cáo") as HTMLSelectElement).options].map((o) => o.text);
    expect(communes).toContain("xã Mường Kim");
    expect(communes.some((c) => c.startsWith("huyện"))).toBe(false);
  });

  it("inserts the template of the chosen unit and year and says where", async () => {
    const host = fakeHost(districtSnapshot());
    await renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: "Chèn biểu mẫu" }));
    expect(await screen.findByText('Đã chèn biểu mẫu vào trang "Báo cáo".')).toBeTruthy();
    expect(host.inserted[0]?.metadata).toMatchObject({ unitCode: "huyen-tam-duong", level: "district", year: 2025 });
  });

  it("when the sheet name is taken, shows the Vietnamese message and inserts under the suggested name on request", async () => {
    const host = fakeHost(districtSnapshot());
    host.failNext("insertTemplate", sheetExists("Báo cáo", ["Báo cáo"]));
    await renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: "Chèn biểu mẫu" }));
    expect(await screen.findByText(/Sổ tính đã có trang "Báo cáo". Có thể chèn biểu mẫu với tên "Báo cáo \(2\)"/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: 'Chèn với tên "Báo cáo (2)"' }));
    expect(await screen.findByText('Đã chèn biểu mẫu vào trang "Báo cáo (2)".')).toBeTruthy();
    expect(host.inserted.at(-1)).toMatchObject({ sheetName: "Báo cáo (2)", metadata: { sheet: "Báo cáo (2)" } });
  });
});

describe("opening on a workbook", () => {
  it("says whose template the workbook holds, and on which sheet", async () => {
    const snapshot = districtSnapshot();
    snapshot.metadata = { templateVersion: "1", catalogId: "nq09", catalogVersion: "1.0", unitCode: "xa-muong-kim", level: "commune", year: 2026, sheet: "Báo cáo" };
    const host = fakeHost(snapshot);
    await renderPane(host);
    expect(await screen.findByText('Sổ tính này có biểu mẫu của xã Mường Kim, năm 2026, ở trang "Báo cáo".')).toBeTruthy();
    // a light read, not a whole snapshot
    expect(host.calls.map((c) => c.method)).toEqual(["readMetadata"]);
  });

  it("says nothing of a template when the workbook holds none, and then after inserting one", async () => {
    const host = fakeHost(strangerSnapshot());
    await renderPane(host);
    await waitFor(() => expect(host.calls.map((c) => c.method)).toEqual(["readMetadata"]));
    expect(screen.queryByTestId("held-template")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Chèn biểu mẫu" }));
    expect(await screen.findByText('Sổ tính này có biểu mẫu của huyện Tam Đường, năm 2025, ở trang "Báo cáo".')).toBeTruthy();
  });

  it("shows why the workbook could not be read when the pane opens", async () => {
    const host = fakeHost(districtSnapshot());
    host.failNext("readMetadata", toHostError({ code: "InvalidOperationInCellEditMode", message: "edit mode" }, ACTIONS.metadata));
    await renderPane(host);
    expect((await screen.findByTestId("error")).textContent).toContain("Excel đang ở chế độ sửa ô.");
  });
});

describe("check screen", () => {
  it("counts met, not met, invalid and missing figures, and marks the workbook", async () => {
    const host = fakeHost(districtSnapshot());
    await renderPane(host);
    await checkNow();
    const count = (id: string) => within(screen.getByTestId(id)).getByRole("definition").textContent;
    expect([count("count-met"), count("count-notMet"), count("count-invalid"), count("count-missing")]).toEqual(["2", "2", "1", "18"]);
    expect(screen.getByTestId("check-context").textContent).toBe("huyện Tam Đường · cấp huyện · năm 2025");
    expect(host.applied).toHaveLength(1);
    expect(await screen.findByText(`Đã đánh dấu ${host.applied[0]!.marks.length} ô trong sổ tính.`)).toBeTruthy();
  });

  it("shows one gap bar per indicator below target, largest first, labelled in words", async () => {
    await renderPane(fakeHost(districtSnapshot()));
    await checkNow();
    const bars = screen.getAllByTestId("gap-bar").map((b) => b.textContent);
    expect(bars).toEqual(["XHS-06thiếu 18,75 điểm %", "CQS-09thiếu 8 điểm %"]);
    expect(screen.getByRole("img", { name: /Mức thiếu so với mục tiêu/ })).toBeTruthy();
  });

  it("groups findings by severity (errors first, unmet targets by whether they are explained), then by pillar", async () => {
    await renderPane(fakeHost(districtSnapshot()));
    await checkNow();
    const headings = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(["Lỗi (1)", "Chưa đạt — chưa giải trình (2)", "Thông tin (20)"]);
    const warnings = within(screen.getByTestId("severity-unexplained"));
    expect(warnings.getAllByRole("heading", { level: 4 }).map((h) => h.textContent)).toEqual(["Chính quyền số", "Xã hội số"]);
    const error = within(screen.getByTestId("severity-error")).getByTestId("finding");
    expect(error.textContent).toContain("XHS-09");
    expect(error.textContent).toContain('Ô số liệu ghi "Có lẽ": hãy ghi "Có" hoặc "Không"');
  });

  it("folds a long list of missing figures so errors and shortfalls stay in view, one click from opening", async () => {
    await renderPane(fakeHost(districtSnapshot()));
    await checkNow();
    const folded = screen.getByTestId("severity-info").querySelector("details")!;
    expect(folded.open).toBe(false);
    expect(folded.querySelector("summary")?.textContent).toBe("Thông tin (20)");
    expect(screen.getByTestId("severity-error").querySelector("details")).toBeNull();
    fireEvent.click(folded.querySelector("summary")!);
    expect(folded.open).toBe(true);
  });

  it("selects a finding's cell on click and on Enter (a real button)", async () => {
    const host = fakeHost(districtSnapshot());
    await renderPane(host);
    await checkNow();
    const finding = within(screen.getByTestId("severity-error")).getByRole("button", { name: /XHS-09/ });
    fireEvent.click(finding);
    await waitFor(() => expect(host.selected).toEqual([{ sheet: "Báo cáo", cell: "I30" }]));
    // a native <button> turns Enter/Space into a click; check it is one and reachable by Tab
    expect(finding.tagName).toBe("BUTTON");
    expect(finding.getAttribute("tabindex")).not.toBe("-1");
  });

  it("re-checks and clears the highlights on request", async () => {
    const host = fakeHost(districtSnapshot());
    await renderPane(host);
    await checkNow();
    fireEvent.click(screen.getByRole("button", { name: "Xóa đánh dấu" }));
    expect(await screen.findByText("Đã xóa các đánh dấu của Chỉ tiêu CĐS.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra lại" }));
    await waitFor(() => expect(host.calls.filter((c) => c.method === "readSnapshot")).toHaveLength(2));
  });

  it("switches every text to English and back", async () => {
    await renderPane(fakeHost(districtSnapshot()));
    await checkNow();
    fireEvent.change(screen.getByLabelText("Ngôn ngữ"), { target: { value: "en" } });
    expect(screen.getByRole("heading", { name: "Check results" })).toBeTruthy();
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(["Errors (1)", "Not met — unexplained (2)", "Information (20)"]);
    expect(screen.getByText("2025 target not met: 22% against a target of ≥ 30% (8 percentage points short)")).toBeTruthy();
    expect(screen.getAllByTestId("gap-bar").map((b) => b.textContent)).toEqual(["XHS-0618.75 points short", "CQS-098 points short"]);
    expect(document.documentElement.lang).toBe("en");
    fireEvent.change(screen.getByLabelText("Language"), { target: { value: "vi" } });
    expect(screen.getByRole("heading", { name: "Kết quả kiểm tra" })).toBeTruthy();
  });
});

describe("error states", () => {
  it("a workbook with no indicator table: says so first, asks no level or year, and offers to insert the template", async () => {
    const host = fakeHost(strangerSnapshot());
    await renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra sổ tính" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Sổ tính này không có biểu mẫu Chỉ tiêu CĐS và không có bảng chỉ tiêu nào.");
    expect(alert.textContent).toContain('cột "Mã"'); // what was looked for
    expect(within(alert).getByTestId("template-offer").textContent).toContain("chèn biểu mẫu");
    expect(screen.queryByTestId("context-retry")).toBeNull();
    expect(screen.queryByText(/chưa biết cấp báo cáo/)).toBeNull();
    expect(screen.getAllByLabelText("Cấp báo cáo")).toHaveLength(1);
    expect(screen.getAllByLabelText("Năm báo cáo")).toHaveLength(1);
    fireEvent.click(within(alert).getByRole("button", { name: "Chèn biểu mẫu" }));
    expect(await screen.findByText('Đã chèn biểu mẫu vào trang "Báo cáo".')).toBeTruthy();
    expect(host.inserted[0]?.metadata).toMatchObject({ unitCode: "huyen-tam-duong", level: "district", year: 2025 });
  });

  it("an office's table with no stated level: one set of level and year fields, and a choice contradicting the title is warned of", async () => {
    const host = fakeHost(officeTableSnapshot());
    await renderPane(host, { level: "commune", year: 2026, unitCode: "" });
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra sổ tính" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Sổ tính không phải biểu mẫu chuẩn của Chỉ tiêu CĐS nên chưa biết cấp báo cáo và năm báo cáo.");
    expect(alert.textContent).not.toContain("--"); // the pane offers its pickers, not command-line options
    expect(screen.getAllByLabelText("Cấp báo cáo")).toHaveLength(1);
    expect(screen.getAllByLabelText("Năm báo cáo")).toHaveLength(1);
    const retry = screen.getByTestId("context-retry");
    // what the title states is offered; the clerk picks the commune level anyway
    expect((within(retry).getByLabelText("Cấp báo cáo") as HTMLSelectElement).value).toBe("district");
    fireEvent.change(within(retry).getByLabelText("Cấp báo cáo"), { target: { value: "commune" } });
    fireEvent.click(within(retry).getByRole("button", { name: "Kiểm tra với lựa chọn này" }));
    const warning = await screen.findByTestId("context-conflict");
    expect(warning.textContent).toBe(
      'Sổ tính ghi cấp huyện (ô A1 của trang "Báo cáo": "UBND HUYỆN TAM ĐƯỜNG") nhưng bạn đã chọn cấp xã: kết quả dưới đây theo mục tiêu cấp xã, như bạn chọn.',
    );
  });

  it("a filled template without our metadata is recognised from its visible header and checked at the level and year it states", async () => {
    const host = fakeHost({ ...districtSnapshot(), metadata: null });
    await renderPane(host, { level: "province", year: 2025, unitCode: "tinh-lai-chau" });
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra sổ tính" }));
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
    expect(screen.queryByTestId("context-retry")).toBeNull();
    // the unit, level and year come from the sheet's header cells (the properties were dropped)
    expect(screen.getByTestId("check-context").textContent).toBe("huyện Tam Đường · cấp huyện · năm 2025");
    expect(within(screen.getByTestId("count-notMet")).getByRole("definition").textContent).toBe("2");
  });

  it("a protected sheet: shows the host's Vietnamese explanation", async () => {
    const host = fakeHost(districtSnapshot());
    host.failNext(
      "applyHighlights",
      toHostError({ code: "AccessDenied", message: "protected" }, ACTIONS.apply),
    );
    await renderPane(host);
    await checkNow();
    expect((await screen.findByRole("alert")).textContent).toContain("Trang tính đang được bảo vệ");
  });

  it("an old Excel: says what is missing and what still works", async () => {
    const caps: HostCapabilities = {
      ...FULL_CAPABILITIES,
      highlightMethod: "fill",
      changeEvents: false,
      missing: [
        { feature: "conditional-formats", requirement: "ExcelApi 1.6" },
        { feature: "change-events", requirement: "ExcelApi 1.7" },
      ],
    };
    await renderPane(fakeHost(districtSnapshot(), caps));
    const notice = screen.getByTestId("capabilities").textContent ?? "";
    expect(notice).toContain("Phiên bản Excel này thiếu một số tính năng");
    expect(notice).toContain("cần ExcelApi 1.6");
    expect(notice).toContain("tự kiểm tra lại khi sửa số liệu");
    expect(notice).toContain("Vẫn dùng được: chèn biểu mẫu, kiểm tra và danh sách phát hiện.");
  });

  it("an unexpected failure is shown, not swallowed", async () => {
    const host = fakeHost(districtSnapshot());
    host.failNext("readSnapshot", new Error("boom"));
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra sổ tính" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Đã xảy ra lỗi không lường trước: boom");
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it("outside Excel: explains and links the browser mode", () => {
    renderInFrame(<TaskPane inExcel={false} />);
    expect(screen.getByText("Trang này chạy bên trong Excel")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Mở chế độ trình duyệt" }).getAttribute("href")).toBe("index.html");
  });
});

describe("ribbon results", () => {
  it("the last ribbon command's failure is shown once when the pane opens", async () => {
    const { recordCommandResult } = await import("../../src/app/command-log");
    recordCommandResult({ command: "check", ok: false, vi: "Không đọc được sổ tính: lỗi thử", en: "Could not read: test" });
    await act(async () => void await renderPane(fakeHost(districtSnapshot())));
    expect(screen.getByRole("alert").textContent).toContain("Không đọc được sổ tính: lỗi thử");
  });
});

describe("following the clerk's edits", () => {
  it("re-checks when the workbook changes while the results are shown", async () => {
    const host = fakeHost(districtSnapshot());
    let fire: (() => void) | undefined;
    const watch = jest.fn((onChange: () => void) => {
      fire = onChange;
      return () => (fire = undefined);
    });
    renderInFrame(<ExcelApp host={host} catalog={catalog} registry={registry} initialChoice={TAM_DUONG} watchChanges={watch} />);
    await act(async () => {});
    await checkNow();
    const readsAfterCheck = host.calls.filter((c) => c.method === "readSnapshot").length;
    await new Promise((r) => setTimeout(r, 1600)); // our own marking is ignored for a moment
    await act(async () => fire?.());
    await waitFor(() => expect(host.calls.filter((c) => c.method === "readSnapshot").length).toBe(readsAfterCheck + 1));
  });

  function watched(host: FakeHost) {
    const events: { fire?: () => void } = {};
    const watch = (onChange: () => void) => {
      events.fire = onChange;
      return () => (events.fire = undefined);
    };
    renderInFrame(<ExcelApp host={host} catalog={catalog} registry={registry} initialChoice={TAM_DUONG} watchChanges={watch} />);
    return events;
  }
  const reads = (host: FakeHost) => host.calls.filter((c) => c.method === "readSnapshot").length;

  it("re-checks an edit made right after a finding's cell was selected", async () => {
    const host = fakeHost(districtSnapshot());
    const events = watched(host);
    await act(async () => {});
    await checkNow();
    await new Promise((r) => setTimeout(r, 1600));
    const before = reads(host);
    fireEvent.click(within(screen.getByTestId("severity-error")).getByRole("button", { name: /XHS-09/ }));
    await waitFor(() => expect(host.selected).toHaveLength(1));
    // the clerk types into the selected cell at once
    await act(async () => events.fire?.());
    await waitFor(() => expect(reads(host)).toBe(before + 1));
  });

  it("shows the results as stale when the workbook changes just after a check, until the next check", async () => {
    const host = fakeHost(districtSnapshot());
    const events = watched(host);
    await act(async () => {});
    await checkNow();
    const before = reads(host);
    await act(async () => events.fire?.());
    expect(await screen.findByText(/Kết quả cũ: sổ tính đã thay đổi/)).toBeTruthy();
    expect(reads(host)).toBe(before);
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra lại" }));
    await waitFor(() => expect(reads(host)).toBe(before + 1));
    await waitFor(() => expect(screen.queryByText(/Kết quả cũ/)).toBeNull());
  });

  it("says so when the workbook cannot be watched, and the check still works by the button", async () => {
    const host = fakeHost(districtSnapshot());
    const watch = (_onChange: () => void, onError: (e: unknown) => void) => {
      onError(toHostError({ code: "GeneralException", message: "no events" }, ACTIONS.watch));
      return () => undefined;
    };
    renderInFrame(<ExcelApp host={host} catalog={catalog} registry={registry} initialChoice={TAM_DUONG} watchChanges={watch} />);
    await act(async () => {});
    await checkNow();
    expect(await screen.findByText(/Không theo dõi được thay đổi: Excel báo lỗi GeneralException/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Kiểm tra lại" })).toBeTruthy();
  });
});
