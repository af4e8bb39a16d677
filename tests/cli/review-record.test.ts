import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog, findIndicator } from "../../src/core/catalog";
import { check } from "../../src/core/findings";
import { buildReviewRecord, localDate, recordText, type FindingDecision, type ReviewedFinding } from "../../src/core/review";
import { buildTemplateLayout } from "../../src/core/template";
import { writeTemplateXlsx } from "../../src/hosts/xlsx/template";
import { main } from "../../src/cli/main";
import { writeRecordPdf } from "../../src/cli/record-pdf";
import { PYTHON, requireTools } from "../support/tools";
import { ratio } from "../core/judge/fixtures";

// `chitieu review`: the review record of one workbook as a PDF to print and file, a CSV or an XLSX, read back by the
// tools a user would open them with (poppler for the PDF, openpyxl for the workbook).

jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), "chitieu-review-"));
const catalog = defaultCatalog();

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** Mường Kim's 2025 report: CQS-01 met, CQS-02 50% against ≥ 60% (not met), CQS-03 with a numerator above its denominator. */
function muongKim(): string {
  const layout = buildTemplateLayout({ catalog, unit: { code: "xa-muong-kim", name: "Mường Kim", level: "commune", kind: "xã" }, year: 2025 });
  const file = join(dir, `muong-kim-${Math.random().toString(36).slice(2)}.xlsx`);
  const values = new Map([
    ["CQS-01", { numerator: 40, denominator: 40 }],
    ["CQS-02", { numerator: 50, denominator: 100 }],
    ["CQS-03", { numerator: 120, denominator: 100 }],
  ]);
  writeFileSync(file, writeTemplateXlsx(layout, { values }));
  return file;
}

const today = localDate(new Date()).split("-").reverse().join("/");
const pdf = requireTools(["pdftotext"]);

function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

function pdfInfo(file: string): { pages: number; size: string } {
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)![1]), size: /^Page size:\s+(.*)$/m.exec(info)![1]!.trim() };
}

pdf.describe("chitieu review --out x.pdf", () => {
  it("writes an A4 record whose text, with its diacritics, a PDF reader finds", async () => {
    const input = muongKim();
    const out = join(dir, "ra-soat.pdf");
    const r = await run(["review", input, "--out", out, "--reviewer", "Nguyễn Thị Hoa"]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain(`Đã ghi biên bản rà soát ${out}`);
    expect(r.out).toContain("1 đạt, 0 chưa đạt có giải trình, 1 chưa đạt chưa giải trình, 1 sai số liệu");
    expect(pdfInfo(out).size).toBe("595.28 x 841.89 pts (A4)");
    const text = pdfText(out).normalize("NFC");
    for (const line of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "BIÊN BẢN RÀ SOÁT SỐ LIỆU CHỈ TIÊU CHUYỂN ĐỔI SỐ",
      "Đơn vị báo cáo: xã Mường Kim",
      "Cấp: Cấp xã",
      "Kỳ báo cáo: 2025",
      "Người rà soát: Nguyễn Thị Hoa",
      `Ngày rà soát: ${today}`,
      "I. Tổng hợp theo trụ cột",
      "Chính quyền số",
      "Nền tảng và nguồn lực",
      "II. Chi tiết các chỉ tiêu",
      "50/100 (50%)",
      "≥ 60% (năm",
      "Số liệu sai",
      "NGƯỜI RÀ SOÁT",
      "Trang 1/",
    ]) expect(text).toContain(line);
    // the assessment wraps in its column: "Chưa đạt —" on CQS-02's line, the rest on the next
    const lines = text.split("\n");
    const at = lines.findIndex((l) => /^\s*2\s+CQS-02\s/.test(l));
    expect(`${lines[at]} ${lines[at + 1]}`).toMatch(/Chưa đạt —.*chưa.*giải trình/);
  });

  it("speaks English with --lang en", async () => {
    const out = join(dir, "review-en.pdf");
    expect((await run(["review", muongKim(), "--out", out, "--lang", "en"])).code).toBe(0);
    const text = pdfText(out);
    expect(text).toContain("REVIEW RECORD OF THE DIGITAL TRANSFORMATION INDICATORS");
    expect(text).toContain("Reporting unit: xã Mường Kim");
    expect(text).toContain("Page 1/");
  });

  // rows of two lines mostly (DejaVu Sans is wide), four where an explanation and a comment are added: every third here
  it.each([60, 120])("lays %i findings on A4 pages of at least 15, the table's header on each, no finding split or lost, each page numbered", async (count) => {
    const out = join(dir, `many-${count}.pdf`);
    writeFileSync(out, await writeRecordPdf(recordText(manyFindings(count), "vi")));
    const { pages, size } = pdfInfo(out);
    expect(size).toBe("595.28 x 841.89 pts (A4)");
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(count / 40));
    expect(pages).toBeLessThanOrEqual(Math.ceil(count / 15));
    for (let p = 1; p <= pages; p++) {
      const page = execFileSync("pdftotext", ["-layout", "-f", String(p), "-l", String(p), out, "-"], { encoding: "utf8" });
      expect(page).toContain(`Trang ${p}/${pages}`);
      // a page with findings opens with the table's header (the signature may stand on a page of its own)
      if (/^\s*\d+\s+[A-Z]{2,3}-\d\d\s/m.test(page)) expect(page).toMatch(/STT\s+Mã\s+Chỉ tiêu\s+Số liệu\s+Mục tiêu\s+Đánh giá\s+Quyết định/);
    }
    const numbers = [...pdfText(out).matchAll(/^\s*(\d+)\s+[A-Z]{2,3}-\d\d\s/gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  });
});

/** A province's record of `count` findings: the catalog's indicators over and over, every third one explained and decided. */
function manyFindings(count: number) {
  const codes = ["CQS-01", "CQS-02", "CQS-03", "CQS-04", "CQS-05", "CQS-07", "CQS-08", "KTS-05", "KTS-06", "XHS-02", "XHS-06", "NL-03"];
  const decision: FindingDecision = { kind: "returned", comment: "Bổ sung danh sách kèm theo", by: "Nguyễn Thị Hoa", at: "2026-11-27T08:00:00Z" };
  const findings: ReviewedFinding[] = Array.from({ length: count }, (_, i) => {
    const f = check(findIndicator(catalog, codes[i % codes.length]!)!, ratio(40 + (i % 60), 100), { level: "province", year: 2025 });
    return { ...f, explanation: i % 3 === 0 ? "Số liệu quý IV chưa tổng hợp xong" : null, decision: i % 3 === 0 ? decision : null };
  });
  return buildReviewRecord({ catalog, unit: "tỉnh Lai Châu", level: "province", year: 2025, findings, reportDecision: null, reviewer: "Nguyễn Thị Hoa", date: "2026-11-27" });
}

const xlsx = requireTools(["openpyxl"]);

xlsx.describe("chitieu review --out x.xlsx, read by openpyxl", () => {
  it("has the header and the per-pillar counts on the first sheet, one row per finding on the second", async () => {
    const out = join(dir, "ra-soat.xlsx");
    expect((await run(["review", muongKim(), "--out", out, "--reviewer", "Nguyễn Thị Hoa"])).code).toBe(0);
    const script = [
      "import json,sys,openpyxl",
      "wb=openpyxl.load_workbook(sys.argv[1])",
      "print(json.dumps({ws.title:[[c for c in row] for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}, ensure_ascii=False))",
    ].join("\n");
    const r = spawnSync(PYTHON, ["-c", script, out], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    const book = JSON.parse(r.stdout) as Record<string, (string | number | null)[][]>;
    expect(Object.keys(book)).toEqual(["Biên bản rà soát", "Chi tiết chỉ tiêu"]);
    const first = book["Biên bản rà soát"]!;
    expect(first[0]![0]).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(first[3]![0]).toBe("BIÊN BẢN RÀ SOÁT SỐ LIỆU CHỈ TIÊU CHUYỂN ĐỔI SỐ");
    expect(first.slice(6, 12).map((row) => row.slice(0, 2))).toEqual([
      ["Đơn vị báo cáo", "xã Mường Kim"], ["Cấp", "Cấp xã"], ["Kỳ báo cáo", "2025"], ["Người rà soát", "Nguyễn Thị Hoa"], ["Ngày rà soát", today], ["Kết luận", "Chưa kết luận"],
    ]);
    const total = first.find((row) => row[0] === "Cộng")!;
    // Chính quyền số: CQS-01 met, CQS-02 short, CQS-03 invalid; every other commune indicator empty
    const government = first.find((row) => row[0] === "Chính quyền số")!;
    expect(government.slice(2, 7)).toEqual([1, 0, 1, 1, (government[1] as number) - 3]);
    expect(total.slice(2, 6)).toEqual([1, 0, 1, 1]);
    expect(total[9]).toBe((total[1] as number) - 1);
    const detail = book["Chi tiết chỉ tiêu"]!;
    expect(detail[1]).toEqual(["STT", "Mã", "Chỉ tiêu", "Số liệu", "Mục tiêu", "Đánh giá", "Giải trình", "Quyết định", "Ý kiến người rà soát"]);
    expect(detail[3]!.slice(1, 8)).toEqual(["CQS-02", findIndicator(catalog, "CQS-02")!.label.vi, "50/100 (50%)", "≥ 60% (năm 2025)", "Chưa đạt — chưa giải trình", null, "Chưa quyết định"]);
    expect(detail.length - 2).toBe(total[1]);
  });
});

describe("chitieu review --out x.csv", () => {
  it("writes a CSV Excel opens as UTF-8, one row per finding", async () => {
    const out = join(dir, "ra-soat.csv");
    expect((await run(["review", muongKim(), "--out", out])).code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toBe("Đơn vị,Kỳ báo cáo,STT,Mã,Chỉ tiêu,Trụ cột,Số liệu,Mục tiêu,Đánh giá,Giải trình,Quyết định,Ý kiến người rà soát,Người quyết định,Thời điểm quyết định");
    expect(lines[1]).toMatch(/^xã Mường Kim,2025,1,CQS-01,/);
  });
});

describe("what chitieu review refuses", () => {
  it("never writes over its input, which stays as it was", async () => {
    const input = muongKim();
    const before = readFileSync(input);
    const r = await run(["review", input, "--out", input]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Không ghi đè tệp gốc");
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("names the kinds it writes when --out is another", async () => {
    const out = join(dir, "ra-soat.docx");
    const r = await run(["review", muongKim(), "--out", out]);
    expect(r).toMatchObject({ code: 2 });
    expect(r.err).toContain("Biên bản rà soát ghi được dạng .pdf, .csv hoặc .xlsx, không phải .docx. Hãy dùng --out ra-soat.pdf.");
    expect(existsSync(out)).toBe(false);
    expect((await run(["--lang", "en", "review", muongKim(), "--out", out])).err).toContain("The review record can be written as .pdf, .csv or .xlsx, not .docx");
  });

  it("asks for --out, and for exactly one workbook", async () => {
    expect((await run(["review", muongKim()])).err).toContain("Thiếu --out, ví dụ: chitieu review bao-cao.xlsx --out ra-soat.pdf");
    expect((await run(["review", "--out", join(dir, "x.pdf")])).err).toContain("Cần đúng một tệp .xlsx");
    expect((await run(["review", muongKim(), muongKim(), "--out", join(dir, "y.pdf")])).code).toBe(2);
  });

  it("keeps an existing record unless --force is given", async () => {
    const out = join(dir, "existing.csv");
    writeFileSync(out, "giữ nguyên");
    expect((await run(["review", muongKim(), "--out", out])).code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("giữ nguyên");
    expect((await run(["review", muongKim(), "--out", out, "--force"])).code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^\uFEFFĐơn vị/);
  });

  it("says plainly that a file that is not a workbook cannot be used", async () => {
    const bad = join(dir, "not-a-workbook.xlsx");
    writeFileSync(bad, "hello");
    const r = await run(["review", bad, "--out", join(dir, "bad.pdf")]);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(join(dir, "bad.pdf"))).toBe(false);
  });

  it("has its own help", async () => {
    const r = await run(["review", "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("review <tệp.xlsx> --out <ra-soat.pdf|.csv|.xlsx>");
    expect(r.out).not.toContain("consolidate <");
  });
});
