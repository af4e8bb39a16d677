// Inserting the template into a workbook the official already has: new sheets and our metadata go in, and every part
// of theirs stays byte-identical or only gains text (styles, sheet list, names, content types, relationships).

import { ChitieuError } from "../../../../src/core/errors";
import { createFileHost } from "../../../../src/hosts/xlsx/file-host";
import { readWorkbook } from "../../../../src/hosts/xlsx/read";
import { insertTemplateSheet } from "../../../../src/hosts/xlsx/template/insert";
import { pinned, refusalCode } from "../../../support/corpus-expected";
import { communeLayout, mark, USER_SHEET, userWorkbook } from "../../contract/scenarios";
import { corpusFiles, differingParts, featureCounts, isSubsequence, open, readCorpus, text } from "../mark/helpers";
import { buildWorkbook, inspectBytes } from "./harness";

const layout = communeLayout();
const outcomes: string[] = [];

/** Parts an insertion may edit; each only gains text, except our own chitieu.* properties, which are replaced. */
const EDITABLE = /^(?:xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|\[Content_Types\]\.xml|_rels\/\.rels|docProps\/custom\.xml)$/;

describe.each(corpusFiles())("%s", (file) => {
  it("takes the template as new sheets without changing anything of theirs, or is refused with its pinned code", () => {
    const original = readCorpus(file);
    let result;
    try {
      result = insertTemplateSheet(original, layout);
    } catch (e) {
      if (!(e instanceof ChitieuError) || e.code === "sheet-exists") throw e;
      expect({ file, insert: { refused: e.code } }).toEqual({ file, insert: pinned(file, "insert") });
      outcomes.push(`refused ${file}: ${e.code}`);
      return;
    }
    const before = open(original);
    const after = open(result.bytes);
    let changed: string[];
    try {
      changed = differingParts(before, after);
    } catch (e) {
      // a damaged entry we never had to read is copied as it was; reading the workbook refuses it before and after
      expect(e instanceof ChitieuError && e.code).toBe("corrupt-zip");
      expect(refusalCode(file, "read")).toBe("corrupt-zip");
      // the file host refuses the same insertion: it first looks for our highlights, which reads every part
      expect(refusalCode(file, "insert")).toBe("corrupt-zip");
      expect(() => readWorkbook(result.bytes)).toThrow(/damaged/);
      outcomes.push(`inserted ${file}: a damaged part of theirs copied unread`);
      return;
    }
    expect({ file, insert: "lossless" }).toEqual({ file, insert: pinned(file, "insert") });
    for (const name of changed) {
      if (!before.names.includes(name)) {
        expect(name).toMatch(/^xl\/worksheets\/sheet[0-9]+\.xml$|^docProps\/custom[0-9]*\.xml$|^xl\/styles[0-9]*\.xml$/);
        continue;
      }
      expect(name).toMatch(EDITABLE);
      const ours = (t: string) => t.replace(/<property\b[^>]*name="chitieu\.[\s\S]*?<\/property>/g, "").replace(/(\s(?:count|uniqueCount)=")[0-9]+/g, "$1");
      expect({ name, onlyGained: isSubsequence(ours(text(before, name)), ours(text(after, name))) }).toEqual({ name, onlyGained: true });
    }
    // nothing of theirs lost; what was added is exactly the template's (its print titles, rules, validations, merges)
    const theirs = featureCounts(before);
    expect(featureCounts(after)).toEqual({
      ...theirs,
      definedNames: (theirs.definedNames ?? 0) + 1,
      cfRules: (theirs.cfRules ?? 0) + layout.conditionalFormats.length,
      dvRules: (theirs.dvRules ?? 0) + layout.validations.length,
      merges: (theirs.merges ?? 0) + layout.merges.length,
    });

    // a file whose own parts the reader refuses (damaged, hostile) is refused the same way with the template in it
    const readError = (b: Uint8Array) => {
      try {
        readWorkbook(b);
        return undefined;
      } catch (e) {
        if (!(e instanceof ChitieuError)) throw e;
        return e.code;
      }
    };
    const refusal = readError(original);
    expect(refusal ?? null).toBe(refusalCode(file, "read"));
    if (refusal) {
      expect(readError(result.bytes)).toBe(refusal);
      outcomes.push(`inserted ${file}: ${changed.length} parts changed/added (reader refuses their own parts: ${refusal})`);
      return;
    }
    const snapshot = readWorkbook(result.bytes);
    expect(snapshot.metadata).toEqual(layout.metadata);
    const names = snapshot.sheets.map((s) => s.name);
    expect(names.slice(-2)).toEqual([layout.sheetName, result.guideSheetName]);
    const sheet = snapshot.sheets.find((s) => s.name === layout.sheetName);
    expect(sheet?.values[0]?.[0]).toBe(layout.cells.find((c) => c.ref === "A1")?.value);
    outcomes.push(`inserted ${file}: ${changed.length} parts changed/added`);
  });
});

afterAll(() => {
  const inserted = outcomes.filter((o) => o.startsWith("inserted")).length;
  console.log([`template inserted into ${inserted} of ${outcomes.length} corpus files`, ...outcomes.filter((o) => o.startsWith("refused"))].join("\n"));
});

describe("inserting into the official's own workbook on the file host", () => {
  it("refuses a name that differs only in case, suggesting a free one", async () => {
    const host = createFileHost(await buildWorkbook({ sheets: [{ name: "BÁO CÁO", cells: { A1: { value: 1 } } }] }));
    const attempt = host.insertTemplate(layout);
    await expect(attempt).rejects.toBeInstanceOf(ChitieuError);
    await expect(attempt).rejects.toMatchObject({ code: "sheet-exists", params: { suggestion: "Báo cáo (2)" } });
  });

  it("names the guide sheet freely when the workbook already has one called “Hướng dẫn”", async () => {
    const host = createFileHost(await buildWorkbook({ sheets: [{ name: "Hướng dẫn", cells: { A1: { value: "của họ" } } }] }));
    await host.insertTemplate(layout);
    expect(inspectBytes(() => host.bytes()).sheetNames()).toEqual(["Hướng dẫn", "Báo cáo", "Hướng dẫn (2)"]);
  });

  it("keeps the marks of the last check on the user's sheet, and clearing still removes exactly them", async () => {
    const host = createFileHost(await buildWorkbook(userWorkbook()));
    const inspect = inspectBytes(() => host.bytes());
    await host.applyHighlights({ marks: [mark(USER_SHEET, "B3", "error"), mark(USER_SHEET, "B4", "warning")] });
    await host.insertTemplate(layout);
    const ourRules = () => inspect.rules(USER_SHEET).filter((r) => r.formula.includes("chitieu-cds"));
    expect(ourRules().flatMap((r) => r.areas).sort()).toEqual(["B3", "B4"]);
    expect(inspect.notes().filter((n) => n.content.startsWith("Chỉ tiêu CĐS: ")).map((n) => n.cell)).toEqual(["B3", "B4"]);
    const withTemplate = host.bytes();
    await host.clearHighlights();
    expect(ourRules()).toEqual([]);
    // the template's own conditional formats keep pointing at its own styles
    const report = text(open(host.bytes()), "xl/worksheets/sheet2.xml");
    const dxfIds = [...report.matchAll(/dxfId="([0-9]+)"/g)].map((m) => Number(m[1]));
    const dxfCount = Number(/<dxfs count="([0-9]+)"/.exec(text(open(host.bytes()), "xl/styles.xml"))?.[1]);
    expect(Math.max(...dxfIds)).toBeLessThan(dxfCount);
    expect(differingParts(open(withTemplate), open(host.bytes())).length).toBeGreaterThan(0);
  });
});
