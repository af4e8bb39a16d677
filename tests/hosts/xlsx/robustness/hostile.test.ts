// Hostile and odd files, made by tests/support/workbooks/hostile.ts: each is refused with a message that says what the
// file is and what to do, or read, checked, marked and cleared byte for byte, within bounded time and memory.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../../src/cli/main";
import { defaultCatalog } from "../../../../src/core/catalog";
import { checkWorkbook } from "../../../../src/core/check";
import { ChitieuError } from "../../../../src/core/errors";
import { applyHighlights, applyHighlightsWithReport, clearHighlights } from "../../../../src/hosts/xlsx/mark";
import { openPackage } from "../../../../src/hosts/xlsx/package";
import { readWorkbook } from "../../../../src/hosts/xlsx/read";
import { listCfbStreams } from "../../../support/workbooks/cfb";
import { HOSTILE_CASES, macroWorkbook } from "../../../support/workbooks/hostile";
import { partsNotRestored, tryWorkbook } from "../../../support/workbooks/outcome";

const MB = 1024 * 1024;
const byId = (id: string) => HOSTILE_CASES.find((c) => c.id === id)!;

/** What must happen to each file: the refusal's code and words that name the file's nature and the remedy. */
const EXPECTED: Record<string, { code: string; vi: RegExp; en: RegExp } | "lossless"> = {
  "zip-bomb": { code: "too-large", vi: /bom nén/, en: /zip bomb/ },
  "zip-bomb-lying-size": { code: "too-large", vi: /nhiều dữ liệu hơn kích thước khai báo/, en: /more data than its declared size/ },
  "billion-laughs": { code: "xml-entities", vi: /bom thực thể XML/, en: /entity bomb/ },
  "external-entity": { code: "xml-entities", vi: /<!ENTITY>/, en: /XML entities/ },
  "whole-grid": "lossless",
  "million-rows": "lossless",
  "too-wide": { code: "too-many-cells", vi: /A1:XFD1048576.*hãy xóa ô đó/, en: /A1:XFD1048576.*delete it/ },
  "deep-nesting": "lossless",
  "path-traversal": "lossless",
  "duplicate-entries": "lossless",
  truncated: { code: "corrupt-zip", vi: /chưa tải về đầy đủ.*tải lại/, en: /download|truncated/i },
  "png-renamed": { code: "not-zip", vi: /hình ảnh.*Hãy gửi tệp Excel gốc/, en: /image.*original Excel file/ },
  "rar-renamed": { code: "not-zip", vi: /tệp nén RAR.*Hãy giải nén/, en: /archive.*Extract it/ },
  encrypted: { code: "encrypted", vi: /mật khẩu.*gỡ mật khẩu/, en: /password-protected.*remove the password/ },
  xls: { code: "xls-binary", vi: /Excel 97-2003 \(\.xls\).*lưu lại dưới dạng \.xlsx/, en: /Excel 97-2003.*save it as \.xlsx/ },
  ods: { code: "ods", vi: /OpenDocument \(\.ods.*lưu lại dưới dạng \.xlsx/, en: /OpenDocument.*save it as \.xlsx/ },
  "xlsm-macros": "lossless",
};

describe("every hostile case has a pinned outcome", () => {
  it("and no case is left without one", () => {
    expect(HOSTILE_CASES.map((c) => c.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(HOSTILE_CASES.filter((c) => c.id !== "million-rows").map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const bytes = c.make();
    const copy = bytes.slice();
    const heapBefore = process.memoryUsage().heapUsed;
    const outcome = tryWorkbook(bytes);
    expect(outcome.ms).toBeLessThan(10_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(400 * MB);
    expect(bytes).toEqual(copy); // the input is never touched
    const want = EXPECTED[c.id]!;
    if (want === "lossless") {
      expect(outcome).toMatchObject({ kind: "lossless", marked: true });
    } else {
      expect(outcome).toMatchObject({ kind: "refused", stage: "read", code: want.code });
      if (outcome.kind !== "refused") return;
      expect(outcome.vi).toMatch(want.vi);
      expect(outcome.en).toMatch(want.en);
      expect(outcome.vi).toBe(outcome.vi.normalize("NFC"));
    }
  }, 30_000);
});

describe("hostile files, case by case", () => {
  // The bound is on this process's CPU time: wall-clock time on a machine shared by many jobs says more about the others.
  const cpuSeconds = (fn: () => void) => {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1e6;
  };

  it("a million rows: read, marked and cleared within 10 s of CPU each, or refused when the reader's 10 s budget runs out", () => {
    const bytes = byId("million-rows").make();
    let snapshot: ReturnType<typeof readWorkbook> | undefined;
    let refusal: unknown;
    const readCpu = cpuSeconds(() => {
      try {
        snapshot = readWorkbook(bytes);
      } catch (e) {
        refusal = e;
      }
    });
    // read within 10 s of CPU; or, on a loaded machine, the reader's own 10 s wall-clock budget ran out first: then it
    // refused with "timeout" (a bounded refusal, not a hang), having used no more CPU than the budget
    expect(readCpu).toBeLessThan(10);
    if (refusal !== undefined) {
      expect((refusal as { code?: string }).code).toBe("timeout");
      return;
    }
    expect(snapshot!.sheets[0]!.values.length).toBe(1_000_000);
    expect(snapshot!.sheets[0]!.values[999_999]).toEqual([1_000_000]);
    let marked: Uint8Array = new Uint8Array();
    expect(cpuSeconds(() => (marked = applyHighlights(bytes, { marks: [{ sheet: "Sheet1", cell: "A1", severity: "error", status: "invalid", indicator: "x", message: { vi: "Ô A1", en: "A1" } }] })))).toBeLessThan(10);
    let cleared: Uint8Array = new Uint8Array();
    expect(cpuSeconds(() => (cleared = clearHighlights(marked)))).toBeLessThan(10);
    expect(partsNotRestored(bytes, cleared)).toEqual([]);
  }, 120_000);

  it("a whole-grid dimension and whole-column rules cost nothing: the three cells are read, their rules kept", () => {
    const bytes = byId("whole-grid").make();
    const s = readWorkbook(bytes).sheets[0]!;
    expect([s.top, s.left, s.values.length, s.values[0]!.length]).toEqual([0, 0, 3, 2]); // 0-based
    const sheet = new TextDecoder().decode(openPackage(applyHighlights(bytes, { marks: [{ sheet: "Sheet1", cell: "XFD1048576", severity: "info", status: "below", indicator: "x", message: { vi: "a", en: "a" } }] })).get("xl/worksheets/sheet1.xml"));
    expect(sheet).toContain('sqref="A:XFD"');
    expect(sheet).toContain('sqref="XFD1048576"');
  });

  it("zip entries named ../ or / are never resolved or written anywhere: kept as they are in the marked copy", () => {
    const bytes = byId("path-traversal").make();
    const marked = openPackage(applyHighlights(bytes, { marks: [{ sheet: "Sheet1", cell: "A1", severity: "error", status: "invalid", indicator: "x", message: { vi: "a", en: "a" } }] }));
    expect(marked.names).toEqual(expect.arrayContaining(["../../../tmp/chitieu-evil.txt", "/etc/chitieu-evil.txt"]));
    expect(new TextDecoder().decode(marked.get("/etc/chitieu-evil.txt"))).toBe("evil");
  });

  it("duplicate zip entries: the first one is read, as Excel and most readers do", () => {
    const s = readWorkbook(byId("duplicate-entries").make()).sheets[0]!;
    expect(s.values[0]![0]).toBe(1);
  });

  it("the compound files the tests write are real ones: their directory lists the streams", () => {
    expect(listCfbStreams(byId("encrypted").make()).sort()).toEqual(["EncryptedPackage", "EncryptionInfo"]);
    expect(listCfbStreams(byId("xls").make())).toEqual(["Workbook"]);
  });

  it("a file that is not a report is read, then the check says so instead of failing", () => {
    const snapshot = readWorkbook(byId("whole-grid").make());
    expect(() => checkWorkbook(snapshot, { catalog: defaultCatalog(), year: 2025, level: "district" })).toThrow(ChitieuError);
  });
});

describe("an .xlsm with macros", () => {
  const { bytes, vba } = macroWorkbook();
  const report = applyHighlightsWithReport(bytes, { marks: [{ sheet: "Sheet1", cell: "B2", severity: "warning", status: "below", indicator: "x", message: { vi: "Ô B2", en: "B2" } }] });
  const marked = openPackage(report.bytes);
  const text = (name: string) => new TextDecoder().decode(marked.get(name));

  it("keeps its VBA project byte for byte, its macro-enabled content type and the relationship to it", () => {
    expect(marked.get("xl/vbaProject.bin")).toEqual(vba);
    expect(text("[Content_Types].xml")).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
    expect(text("[Content_Types].xml")).toContain('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>');
    expect(text("xl/_rels/workbook.xml.rels")).toContain('Target="vbaProject.bin"');
  });

  it("is cleared back to every original byte", () => {
    expect(partsNotRestored(bytes, clearHighlights(report.bytes))).toEqual([]);
  });
});

describe("chitieu with an .xlsm", () => {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-xlsm-"));
  const input = join(dir, "bao-cao.xlsm");
  writeFileSync(input, macroWorkbook().bytes);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (args: string[]) => {
    let out = "";
    let err = "";
    const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
    return { code, out, err };
  };

  it("refuses to write its marked copy under an .xlsx name, and says which name to use", async () => {
    const r = await run(["check", input, "--year", "2025", "--level", "huyen", "--out", join(dir, "danh-dau.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("có macro (.xlsm)");
    expect(r.err).toContain("--out danh-dau.xlsm");
    expect(existsSync(join(dir, "danh-dau.xlsx"))).toBe(false);
  });

  it("clears into an .xlsm with its macros intact, and refuses an .xlsx name there too", async () => {
    const marked = join(dir, "marked.xlsm");
    writeFileSync(marked, applyHighlights(macroWorkbook().bytes, { marks: [{ sheet: "Sheet1", cell: "A1", severity: "error", status: "invalid", indicator: "x", message: { vi: "a", en: "a" } }] }));
    expect((await run(["clear", marked, "--out", join(dir, "sach.xlsx")])).code).toBe(2);
    const r = await run(["clear", marked, "--out", join(dir, "sach.xlsm")]);
    expect(r.code).toBe(0);
    const cleared = openPackage(new Uint8Array(readFileSync(join(dir, "sach.xlsm"))));
    expect(cleared.get("xl/vbaProject.bin")).toEqual(macroWorkbook().vba);
    expect(partsNotRestored(macroWorkbook().bytes, new Uint8Array(readFileSync(join(dir, "sach.xlsm"))))).toEqual([]);
  });
});
