import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { ChitieuError } from "../../../../src/core/errors";
import { openPackage, savePackage } from "../../../../src/hosts/xlsx/package";
import { CORPUS_DIR, MINIMAL_PARTS, deflatedZeros, zipOf, zipWithRawEntry } from "./zip-fixtures";
import { caught as caughtError } from "../../../support/caught";
import { PYTHON, requireTools } from "../../../support/tools";

const python = requireTools(["python3"]);

const refusal = (fn: () => unknown) => caughtError(fn, ChitieuError);

const MB = 1024 * 1024;

describe("openPackage", () => {
  it("lists entries in zip order and returns their bytes and text", () => {
    const bytes = zipOf([...MINIMAL_PARTS, ["xl/media/b.bin", new Uint8Array([1, 2, 3])], ["docProps/a.xml", "<a>Tỉnh Lai Châu</a>"]]);
    const pkg = openPackage(bytes);
    expect(pkg.names).toEqual(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/media/b.bin", "docProps/a.xml"]);
    expect(Array.from(pkg.get("xl/media/b.bin")!)).toEqual([1, 2, 3]);
    expect(pkg.text("docProps/a.xml")).toBe("<a>Tỉnh Lai Châu</a>");
    expect(pkg.get("missing.xml")).toBeUndefined();
  });

  it("finds parts case-insensitively and with a leading slash, as OPC part names are", () => {
    const pkg = openPackage(zipOf(MINIMAL_PARTS));
    expect(pkg.text("/XL/Workbook.xml")).toContain("<workbook");
  });

  it("decodes UTF-16 parts that start with a byte-order mark", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from("<a>ấ</a>").flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
    const pkg = openPackage(zipOf([...MINIMAL_PARTS, ["x.xml", utf16]]));
    expect(pkg.text("x.xml")).toBe("<a>ấ</a>");
  });
});

describe("openPackage refuses what is not an .xlsx, naming what it is", () => {
  it("random bytes", () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24);
    expect(refusal(() => openPackage(random)).code).toBe("not-zip");
  });

  it("an empty file", () => {
    expect(refusal(() => openPackage(new Uint8Array(0))).text("vi")).toContain("Tệp rỗng");
  });

  it("a truncated .xlsx", () => {
    const full = readFileSync(path.join(CORPUS_DIR, "readxl__vietnamese-utf8.xlsx"));
    const e = refusal(() => openPackage(new Uint8Array(full.subarray(0, Math.floor(full.length / 2)))));
    expect(e.code).toBe("corrupt-zip");
    expect(e.text("vi")).toMatch(/hỏng|chưa tải về đầy đủ/);
  });

  it("an Excel 97-2003 .xls (OLE compound file)", () => {
    const cfb = new Uint8Array(1024);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    cfb.set(Array.from("Workbook").flatMap((c) => [c.charCodeAt(0), 0]), 512);
    const e = refusal(() => openPackage(cfb));
    expect(e.code).toBe("xls-binary");
    expect(e.text("vi")).toBe("Tệp là định dạng Excel 97-2003 (.xls), chưa hỗ trợ. Hãy mở bằng Excel và lưu lại dưới dạng .xlsx (Tệp › Lưu thành › Sổ làm việc Excel).");
  });

  it("a password-protected .xlsx (OLE container with EncryptionInfo/EncryptedPackage)", () => {
    const cfb = new Uint8Array(2048);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    cfb.set(Array.from("EncryptionInfo").flatMap((c) => [c.charCodeAt(0), 0]), 1024);
    cfb.set(Array.from("EncryptedPackage").flatMap((c) => [c.charCodeAt(0), 0]), 1152);
    const e = refusal(() => openPackage(cfb));
    expect(e.code).toBe("encrypted");
    expect(e.text("vi")).toContain("mật khẩu");
  });

  it("an OpenDocument spreadsheet", () => {
    const ods = zipOf([["mimetype", "application/vnd.oasis.opendocument.spreadsheet"], ["content.xml", "<office:document-content/>"]]);
    const e = refusal(() => openPackage(ods));
    expect(e.code).toBe("ods");
    expect(e.text("vi")).toContain(".ods");
  });

  it("a Word document and a zip without a workbook", () => {
    const docx = zipOf([["[Content_Types].xml", "<Types/>"], ["word/document.xml", "<w:document/>"]]);
    expect(refusal(() => openPackage(docx)).text("vi")).toContain("Word");
    const e = refusal(() => openPackage(zipOf([["readme.txt", "hello"]])));
    expect(e.code).toBe("not-workbook");
  });

  it("an HTML table saved with an Excel extension", () => {
    const html = new TextEncoder().encode("<html><body><table><tr><td>1</td></tr></table></body></html>");
    const e = refusal(() => openPackage(html));
    expect(e.code).toBe("not-zip");
    expect(e.text("vi")).toContain("HTML");
  });
});

describe("openPackage limits", () => {
  it("refuses an input over the size limit before looking inside", () => {
    const e = refusal(() => openPackage(zipOf(MINIMAL_PARTS), { maxInputBytes: 100 }));
    expect(e.code).toBe("too-large");
  });

  it("refuses more entries than allowed", () => {
    const parts = [...MINIMAL_PARTS, ...Array.from({ length: 20 }, (_, i): [string, string] => [`x/${i}.xml`, "<a/>"])];
    expect(refusal(() => openPackage(zipOf(parts), { maxEntries: 10 })).code).toBe("too-large");
  });

  it("refuses a 300 MB part of zeros from its declared size, without inflating it", () => {
    const compressed = deflatedZeros(300 * MB);
    const zip = zipWithRawEntry([
      { name: "[Content_Types].xml", compressed: new Uint8Array([3, 0]), declaredSize: 0 },
      { name: "xl/workbook.xml", compressed: new Uint8Array([3, 0]), declaredSize: 0 },
      { name: "xl/worksheets/sheet1.xml", compressed, declaredSize: 300 * MB },
    ]);
    const before = process.memoryUsage().arrayBuffers;
    const t = performance.now();
    const e = refusal(() => openPackage(zip));
    expect(e.code).toBe("too-large");
    expect(performance.now() - t).toBeLessThan(1000);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20 * MB);
  });

  it("refuses a part whose compression ratio marks a zip bomb", () => {
    // 20 MB claimed from 40 KB (500:1): refused from the directory alone, before any inflation
    const zip = zipWithRawEntry([
      { name: "[Content_Types].xml", compressed: new Uint8Array([3, 0]), declaredSize: 0 },
      { name: "xl/workbook.xml", compressed: new Uint8Array([3, 0]), declaredSize: 0 },
      { name: "xl/worksheets/sheet1.xml", compressed: new Uint8Array(40 * 1024), declaredSize: 20 * MB },
    ]);
    const e = refusal(() => openPackage(zip));
    expect(e.code).toBe("too-large");
    expect(e.text("en")).toContain("zip bomb");
  });

  it("stops inflating a part whose header lies about its size, keeping memory bounded", () => {
    const compressed = deflatedZeros(300 * MB);
    const zip = zipWithRawEntry([
      { name: "[Content_Types].xml", compressed: new Uint8Array([3, 0]), declaredSize: 0 },
      { name: "xl/workbook.xml", compressed: new Uint8Array([3, 0]), declaredSize: 0 },
      { name: "xl/worksheets/sheet1.xml", compressed, declaredSize: 1000 },
    ]);
    const pkg = openPackage(zip); // declared sizes look harmless
    const before = process.memoryUsage().arrayBuffers;
    const t = performance.now();
    const e = refusal(() => pkg.get("xl/worksheets/sheet1.xml"));
    expect(e.code).toBe("too-large");
    expect(performance.now() - t).toBeLessThan(2000);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(100 * MB);
  });

  it("reports a part whose CRC does not match as damaged", () => {
    const bytes = readFileSync(path.join(CORPUS_DIR, "poi__clusterfuzz-testcase-minimized-POIXSSFFuzzer-5937385319563264.xlsx"));
    const pkg = openPackage(new Uint8Array(bytes));
    expect(pkg.text("xl/worksheets/sheet1.xml")).toContain("<worksheet");
    expect(refusal(() => pkg.get("xl/worksheets/sheet8.xml")).code).toBe("corrupt-zip");
  });
});

describe("savePackage", () => {
  const corpusFile = path.join(CORPUS_DIR, "poi__commentTest.xlsx");

  it("without changes, keeps every entry's bytes and the order", () => {
    const original = openPackage(new Uint8Array(readFileSync(corpusFile)));
    const saved = openPackage(savePackage(original, new Map()));
    expect(saved.names).toEqual(original.names);
    for (const n of original.names) expect(Buffer.compare(saved.get(n)!, original.get(n)!)).toBe(0);
  });

  it("replaces, deletes and appends only the parts asked for", () => {
    const original = openPackage(new Uint8Array(readFileSync(corpusFile)));
    const sheet = original.names.find((n) => n.startsWith("xl/worksheets/sheet"))!;
    const deleted = original.names.find((n) => n.startsWith("docProps/app"))!;
    const changes = new Map<string, Uint8Array | string | null>([
      [sheet, "<worksheet>đã sửa</worksheet>"],
      [deleted, null],
      ["customXml/item9.xml", "<chitieu/>"],
    ]);
    const saved = openPackage(savePackage(original, changes));
    expect(saved.names).toEqual([...original.names.filter((n) => n !== deleted), "customXml/item9.xml"]);
    expect(saved.text(sheet)).toBe("<worksheet>đã sửa</worksheet>");
    expect(saved.get(deleted)).toBeUndefined();
    for (const n of original.names.filter((x) => x !== sheet && x !== deleted)) {
      expect(Buffer.compare(saved.get(n)!, original.get(n)!)).toBe(0);
    }
  });

  const saved = () => savePackage(openPackage(new Uint8Array(readFileSync(corpusFile))), new Map([["xl/new.xml", "<a>Mường Tè</a>"]]));

  it("writes a zip fflate reads", () => {
    expect(new TextDecoder().decode(unzipSync(saved())["xl/new.xml"])).toBe("<a>Mường Tè</a>");
  });

  python.it("writes a zip whose every entry Python's zipfile checks without error", () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "pkg-")), "out.xlsx");
    writeFileSync(file, saved());
    const bad = execFileSync(PYTHON, ["-c", "import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).testzip())", file], { encoding: "utf8" });
    expect(bad.trim()).toBe("None");
  });
});

describe("file refusal messages", () => {
  it("carry Vietnamese (NFC, with diacritics) and English text", () => {
    const e = refusal(() => openPackage(new Uint8Array([1, 2, 3, 4, 5])));
    expect(e.text("vi")).toBe(e.text("vi").normalize("NFC"));
    expect(e.text("vi")).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    expect(e.text("en").length).toBeGreaterThan(20);
    expect(e.message).toBe(e.text("en"));
  });
});
