// Fuzzing mark → clear: random workbooks (several sheets, cells, existing conditional formats, notes, threaded
// comments with their placeholder notes, defined names, with or without a stylesheet) get random marks, then are
// cleared: every part comes back byte for byte, in the same zip order, and nothing of ours is left.

import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
import type { Mark, Severity } from "../../../../src/core/highlight-plan";
import { applyHighlightsWithReport, clearHighlights, hasHighlights } from "../../../../src/hosts/xlsx/mark";
import { readWorkbook } from "../../../../src/hosts/xlsx/read";
import { differingParts, open, plan, text, tinyWorkbook } from "./helpers";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships";
const THREADED_REL = "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment";
const PERSON_REL = "http://schemas.microsoft.com/office/2017/10/relationships/person";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const col = (n: number) => String.fromCharCode(65 + n); // A..H is all the generator uses
const ref = (c: { row: number; col: number }) => `${col(c.col)}${c.row}`;

interface CellSpec {
  row: number;
  col: number;
  value: number | string;
}
interface CfSpec {
  row: number;
  col: number;
  kind: "cellIs" | "expression" | "colorScale" | "dataBar";
  priority: number;
}
interface NoteSpec {
  row: number;
  col: number;
  text: string;
  threaded: boolean;
}
interface SheetSpec {
  name: string;
  cells: CellSpec[];
  cfs: CfSpec[];
  notes: NoteSpec[];
}
interface BookSpec {
  sheets: SheetSpec[];
  names: { name: string; sheet: number; row: number; col: number; hidden: boolean }[];
  styles: "default" | "none" | "no-dxfs";
}

const position = { row: fc.integer({ min: 1, max: 30 }), col: fc.integer({ min: 0, max: 7 }) };
const anyText = fc.string({ unit: "grapheme", maxLength: 30 });
const uniqueByCell = <T extends { row: number; col: number }>(a: fc.Arbitrary<T>, maxLength: number) =>
  fc.uniqueArray(a, { maxLength, selector: (x) => `${x.row}:${x.col}` });

const sheetSpec = fc.record({
  cells: uniqueByCell(fc.record({ ...position, value: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), anyText) }), 20),
  cfs: uniqueByCell(fc.record({ ...position, kind: fc.constantFrom("cellIs" as const, "expression" as const, "colorScale" as const, "dataBar" as const), priority: fc.integer({ min: 1, max: 50 }) }), 4),
  notes: uniqueByCell(fc.record({ ...position, text: anyText, threaded: fc.boolean() }), 4),
});
const bookSpec: fc.Arbitrary<BookSpec> = fc
  .record({
    sheets: fc.uniqueArray(fc.constantFrom("Sheet1", "Báo cáo 2025", "Dữ liệu & số", "O'Brien", "Tổng hợp", "Ghi chú"), { minLength: 1, maxLength: 3 }).chain((names) =>
      fc.tuple(...names.map((name) => sheetSpec.map((s) => ({ name, ...s })))),
    ),
    names: fc.uniqueArray(
      fc.record({ name: fc.constantFrom("Tong", "_xlnm.Print_Area", "Ti_le", "Muc_tieu", "DuLieu"), sheet: fc.nat({ max: 2 }), ...position, hidden: fc.boolean() }),
      { maxLength: 3, selector: (n) => n.name },
    ),
    styles: fc.constantFrom("default" as const, "none" as const, "no-dxfs" as const),
  })
  .map((b) => ({ ...b, names: b.names.map((n) => ({ ...n, sheet: n.sheet % b.sheets.length })) }));

function cellXml(c: CellSpec): string {
  return typeof c.value === "number" ? `<c r="${ref(c)}"><v>${c.value}</v></c>` : `<c r="${ref(c)}" t="inlineStr"><is><t xml:space="preserve">${esc(c.value)}</t></is></c>`;
}

function cfXml(cf: CfSpec): string {
  const rule = {
    cellIs: `<cfRule type="cellIs" dxfId="0" priority="${cf.priority}" operator="lessThan"><formula>0</formula></cfRule>`,
    expression: `<cfRule type="expression" dxfId="0" priority="${cf.priority}"><formula>LEN(${ref(cf)})&gt;3</formula></cfRule>`,
    colorScale: `<cfRule type="colorScale" priority="${cf.priority}"><colorScale><cfvo type="min"/><cfvo type="max"/><color rgb="FFF8696B"/><color rgb="FF63BE7B"/></colorScale></cfRule>`,
    dataBar: `<cfRule type="dataBar" priority="${cf.priority}"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar></cfRule>`,
  }[cf.kind];
  return `<conditionalFormatting sqref="${ref(cf)}">${rule}</conditionalFormatting>`;
}

const guid = (sheet: number, i: number) => `{${String(sheet).padStart(8, "0")}-0000-4000-8000-${String(i).padStart(12, "0")}}`;
const PERSON = "{5D3B7F1A-0000-4000-8000-000000000001}";

/** A workbook as Excel would save it from the spec: notes with their VML, threaded comments with placeholders. */
function build(spec: BookSpec): Uint8Array {
  const overrides: string[] = [];
  const extra: Record<string, string> = {};
  const anyThreaded = spec.sheets.some((s) => s.notes.some((n) => n.threaded));
  const sheets = spec.sheets.map((s, si) => {
    const n = si + 1;
    const rows = new Map<number, CellSpec[]>();
    for (const c of [...s.cells].sort((a, b) => a.row - b.row || a.col - b.col)) rows.set(c.row, [...(rows.get(c.row) ?? []), c]);
    const sheetData = `<sheetData>${[...rows].map(([r, cs]) => `<row r="${r}">${cs.map(cellXml).join("")}</row>`).join("")}</sheetData>`;
    const rels: string[] = [];
    const parts: Record<string, string> = {};
    if (s.notes.length > 0) {
      rels.push(`<Relationship Id="rId1" Type="${R}/comments" Target="../comments${n}.xml"/>`, `<Relationship Id="rId2" Type="${R}/vmlDrawing" Target="../drawings/vmlDrawing${n}.vml"/>`);
      const authors = anyThreaded ? `<author>tc=${guid(n, 0)}</author><author>Nguyễn Văn An</author>` : "<author>Nguyễn Văn An</author>";
      const comments = s.notes
        .map((note, i) =>
          note.threaded
            ? `<comment ref="${ref(note)}" authorId="0" shapeId="0"><text><t>[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    ${esc(note.text)}</t></text></comment>`
            : `<comment ref="${ref(note)}" authorId="${anyThreaded ? 1 : 0}"><text><r><rPr><b/><sz val="9"/></rPr><t xml:space="preserve">${esc(note.text)} #${i}</t></r></text></comment>`,
        )
        .join("");
      parts[`xl/comments${n}.xml`] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors>${authors}</authors><commentList>${comments}</commentList></comments>`;
      const shapes = s.notes
        .map(
          (note, i) =>
            `<v:shape id="_x0000_s${1024 * n + 1 + i}" type="#_x0000_t202" style="position:absolute;visibility:hidden" fillcolor="#ffffe1"><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>${note.row - 1}</x:Row><x:Column>${note.col}</x:Column></x:ClientData></v:shape>`,
        )
        .join("\r\n");
      parts[`xl/drawings/vmlDrawing${n}.vml`] =
        `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n <o:shapelayout v:ext="edit">\r\n  <o:idmap v:ext="edit" data="${n}"/>\r\n </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>\r\n${shapes}</xml>`;
      overrides.push(`<Override PartName="/xl/comments${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>`);
      const threaded = s.notes.filter((x) => x.threaded);
      if (threaded.length > 0) {
        rels.push(`<Relationship Id="rId3" Type="${THREADED_REL}" Target="../threadedComments/threadedComment${n}.xml"/>`);
        parts[`xl/threadedComments/threadedComment${n}.xml`] =
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}">` +
          threaded.map((t, i) => `<threadedComment ref="${ref(t)}" dT="2025-03-0${1 + (i % 9)}T08:00:00.00" personId="${PERSON}" id="${guid(n, i + 1)}"><text>${esc(t.text)}</text></threadedComment>`).join("") +
          "</ThreadedComments>";
        overrides.push(`<Override PartName="/xl/threadedComments/threadedComment${n}.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>`);
      }
    }
    const cfs = [...s.cfs].map(cfXml).join("");
    const body = `${sheetData}${cfs}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${s.notes.length > 0 ? '<legacyDrawing r:id="rId2"/>' : ""}`;
    return {
      name: esc(s.name),
      body,
      rels: rels.length > 0 ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_R}">${rels.join("")}</Relationships>` : undefined,
      extraParts: parts,
    };
  });
  if (anyThreaded) {
    extra["xl/persons/person.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><person displayName="Nguyễn Văn An" id="${PERSON}" userId="an@example.gov.vn" providerId="None"/></personList>`;
    overrides.push(`<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>`);
  }
  const styles =
    spec.styles === "none"
      ? null
      : spec.styles === "no-dxfs"
        ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellXfs count="1"><xf/></cellXfs></styleSheet>`
        : undefined;
  let bytes = tinyWorkbook({
    sheets,
    styles,
    extraParts: extra,
    contentTypesExtra: `<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>${overrides.join("")}`,
  });
  // defined names and the persons relationship go into the workbook parts tinyWorkbook wrote
  if (spec.names.length > 0 || anyThreaded) {
    const pkg = open(bytes);
    const files: Record<string, Uint8Array> = {};
    for (const name of pkg.names) files[name] = pkg.get(name)!;
    const definedNames = spec.names
      .map((d) => `<definedName name="${d.name}"${d.hidden ? ' hidden="1"' : ""}${d.name.startsWith("_xlnm") ? ` localSheetId="${d.sheet}"` : ""}>'${esc(spec.sheets[d.sheet]!.name.replace(/'/g, "''"))}'!$${col(d.col)}$${d.row}</definedName>`)
      .join("");
    if (definedNames) files["xl/workbook.xml"] = strToU8(text(pkg, "xl/workbook.xml").replace("</sheets>", `</sheets><definedNames>${definedNames}</definedNames>`));
    if (anyThreaded) files["xl/_rels/workbook.xml.rels"] = strToU8(text(pkg, "xl/_rels/workbook.xml.rels").replace("</Relationships>", `<Relationship Id="rIdP" Type="${PERSON_REL}" Target="persons/person.xml"/></Relationships>`));
    bytes = zipSync(files);
  }
  return bytes;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const marksFor = (spec: BookSpec) =>
  fc.array(
    fc.record({ sheet: fc.nat({ max: spec.sheets.length - 1 }), ...position, severity: fc.constantFrom(...SEVERITIES), vi: anyText, en: anyText, upper: fc.boolean() }),
    { minLength: 1, maxLength: 12 },
  ).map((ms) =>
    ms.map(
      (m): Mark => ({
        // sheet names are matched ignoring case, as Excel does
        sheet: m.upper ? spec.sheets[m.sheet]!.name.toUpperCase() : spec.sheets[m.sheet]!.name,
        cell: `${col(m.col)}${m.row}`,
        severity: m.severity,
        status: m.severity === "error" ? "invalid" : "below",
        indicator: "1.1",
        message: { vi: m.vi || "Chưa đạt", en: m.en || "Below target" },
      }),
    ),
  );

const scenario = bookSpec.chain((spec) => fc.tuple(fc.constant(spec), marksFor(spec), fc.boolean(), fc.constantFrom("vi" as const, "en" as const)));

describe("mark → clear on random workbooks", () => {
  it("the generator makes workbooks our reader reads, with the features asked for", () => {
    fc.assert(
      fc.property(bookSpec, (spec) => {
        const bytes = build(spec);
        expect(readWorkbook(bytes).sheets.map((s) => s.name)).toEqual(spec.sheets.map((s) => s.name));
        const pkg = open(bytes);
        const threaded = spec.sheets.some((s) => s.notes.some((n) => n.threaded));
        expect(pkg.names.some((n) => n.startsWith("xl/threadedComments/"))).toBe(threaded);
        if (spec.names.length > 0) expect(text(pkg, "xl/workbook.xml").match(/<definedName /g)).toHaveLength(spec.names.length);
      }),
      { numRuns: 30 },
    );
  });

  it("clear gives back every original part byte for byte, whatever was marked", () => {
    fc.assert(
      fc.property(scenario, ([spec, marks, notes, lang]) => {
        const input = build(spec);
        const report = applyHighlightsWithReport(input, plan(...marks), { notes, lang });
        expect(hasHighlights(report.bytes)).toBe(true);
        // notes only on free cells: never on a cell that has a note or a threaded comment already
        for (const [sheet, cells] of report.notedCells) {
          const own = new Set(spec.sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase())!.notes.map(ref));
          expect(cells.filter((c) => own.has(c))).toEqual([]);
        }
        if (notes) {
          const free = marks.filter((m) => !spec.sheets.find((s) => s.name.toLowerCase() === m.sheet.toLowerCase())!.notes.some((n) => ref(n) === m.cell));
          const noted = [...report.notedCells.values()].reduce((n, cells) => n + cells.length, 0);
          expect(noted > 0).toBe(free.length > 0);
        }
        const cleared = clearHighlights(report.bytes);
        const before = open(input);
        const after = open(cleared);
        expect(after.names).toEqual(before.names);
        expect(differingParts(before, after)).toEqual([]);
        expect(hasHighlights(cleared)).toBe(false);
        // marking the cleared copy again gives the same marked copy: nothing of the first round was left behind
        expect(Buffer.from(applyHighlightsWithReport(cleared, plan(...marks), { notes, lang }).bytes).equals(Buffer.from(report.bytes))).toBe(true);
      }),
      { numRuns: 250 },
    );
  });
});

describe("cases the fuzzers found", () => {
  it("a workbook that declares styles.xml but lacks the part gets our stylesheet under our own name, and clearing restores it exactly", () => {
    // found by the package fuzzer: an entry stored as "/xl/styles.xml" (or dropped) left the declaration behind, and
    // marking declared "/xl/styles.xml" a second time, an invalid package that clearing could not undo
    const input = tinyWorkbook({
      sheets: [{ name: "Sheet1" }],
      styles: null,
      contentTypesExtra: '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    });
    const marked = open(applyHighlightsWithReport(input, plan({ sheet: "Sheet1", cell: "B2", severity: "error", status: "invalid", indicator: "1.1", message: { vi: "a", en: "a" } })).bytes);
    const types = text(marked, "[Content_Types].xml");
    expect(types.match(/PartName="\/xl\/styles\.xml"/g)).toHaveLength(1);
    expect(types).toContain('PartName="/xl/chitieuCdsStyles.xml"');
    const before = open(input);
    const after = open(clearHighlights(applyHighlightsWithReport(input, plan({ sheet: "Sheet1", cell: "B2", severity: "error", status: "invalid", indicator: "1.1", message: { vi: "a", en: "a" } })).bytes));
    expect(after.names).toEqual(before.names);
    expect(differingParts(before, after)).toEqual([]);
  });
});
