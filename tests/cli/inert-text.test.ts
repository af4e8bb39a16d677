import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import rawUnits from "../../seeds/units.json";
import { defaultCatalog } from "../../src/core/catalog";
import { buildTemplateLayout, fillTemplateLayout } from "../../src/core/template";
import { writeTemplateXlsx } from "../../src/hosts/xlsx/template";
import { main } from "../../src/cli/main";
import { PYTHON, requireTools } from "../support/tools";

// Text that reaches what we write (a clerk's cell, a unit name from a units file) stays text there: control
// characters never reach an XML part (XML 1.0 forbids them, and Excel or openpyxl would refuse the file), a leading
// "=" stays a string and never becomes a formula, and JSON carries them escaped. We write no CSV anywhere (the CLI
// and the browser mode write .xlsx and JSON only), so there is no CSV to guard against formula injection.

const itWithOpenpyxl = requireTools(["openpyxl"]).it;

const INJECTION = "=cmd|' /C calc'!A0";
/** C0 controls other than tab, LF and CR: what XML 1.0 forbids and what no output of ours may hold raw. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

const dir = mkdtempSync(join(tmpdir(), "chitieu-inert-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const catalog = defaultCatalog();

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** Every text cell and note holding `needle`, as openpyxl sees them (data type "s" is a string, "f" a formula). */
function openpyxlFind(file: string, needle: string): { cells: { ref: string; type: string; value: string }[]; notes: { ref: string; text: string }[] } {
  const script = String.raw`
import json, sys, warnings
warnings.simplefilter("ignore")
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
needle = sys.argv[2]
out = {"cells": [], "notes": []}
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and needle in c.value:
                out["cells"].append({"ref": ws.title + "!" + c.coordinate, "type": c.data_type, "value": c.value})
            if c.comment is not None and needle in c.comment.text:
                out["notes"].append({"ref": ws.title + "!" + c.coordinate, "text": c.comment.text})
print(json.dumps(out))
`;
  const r = spawnSync(PYTHON, ["-c", script, file, needle], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`openpyxl could not open ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Every part we wrote (those not copied unchanged from `input`) holding a forbidden control character, raw or as a character reference. */
function partsWithControls(file: string, input?: string): string[] {
  const parts = unzipSync(new Uint8Array(readFileSync(file)));
  const original = input ? unzipSync(new Uint8Array(readFileSync(input))) : {};
  const copied = (name: string, bytes: Uint8Array) => original[name] !== undefined && Buffer.from(original[name]).equals(Buffer.from(bytes));
  return Object.entries(parts)
    .filter(([name, bytes]) => /\.(xml|vml|rels)$/.test(name) && !copied(name, bytes))
    .filter(([, bytes]) => {
      const text = new TextDecoder().decode(bytes);
      return FORBIDDEN.test(text) || /&#(x0*[0-8bcefBCEF]|x0*1[0-9a-fA-F]|0*[0-8]|0*1[124-9]|0*2[0-9]|0*3[01]);/.test(text);
    })
    .map(([name]) => name);
}

/** A district report whose yes/no answer cell (XHS-09, I30) holds `xml` as written in sharedStrings.xml. */
function reportWithAnswer(file: string, xml: string): void {
  const layout = buildTemplateLayout({ catalog, unit: { code: "huyen-tam-duong", name: "Tam Đường", kind: "huyện", level: "district" }, year: 2025 });
  const parts = unzipSync(writeTemplateXlsx(fillTemplateLayout(layout, new Map([["XHS-09", { value: "MARKER" }]]))));
  const strings = new TextDecoder().decode(parts["xl/sharedStrings.xml"]);
  expect(strings).toContain("<t>MARKER</t>");
  parts["xl/sharedStrings.xml"] = strToU8(strings.replace("<t>MARKER</t>", `<t>${xml}</t>`));
  writeFileSync(file, zipSync(parts));
}

/** Python's XML parser on one part: its text content, or the parser's complaint. */
function parsePart(file: string, part: string): string {
  const script = "import sys, zipfile, xml.etree.ElementTree as ET\nroot = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))\nsys.stdout.write(''.join(root.itertext()))";
  const r = spawnSync(PYTHON, ["-c", script, file, part], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${part} is not well-formed XML: ${r.stderr}`);
  return r.stdout;
}

describe("a clerk's cell holding a formula-looking text", () => {
  const input = join(dir, "formula-cell.xlsx");
  const marked = join(dir, "formula-cell-marked.xlsx");
  const json = join(dir, "formula-cell.json");
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    reportWithAnswer(input, INJECTION.replace("'", "&apos;"));
    result = await run(["check", input, "--out", marked, "--json", json]);
  });

  it("is checked, and its finding quotes the text in the JSON report", () => {
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(json, "utf8")) as { findings: { indicator: string; status: string; message: string }[] };
    const finding = report.findings.find((f) => f.indicator === "XHS-09")!;
    expect(finding.status).toBe("invalid");
    expect(finding.message).toContain(INJECTION);
  });

  itWithOpenpyxl("gives a marked copy where openpyxl sees the cell as the string it was and the note quoting it literally", () => {
    const seen = openpyxlFind(marked, "cmd|");
    expect(seen.cells).toEqual([{ ref: "Báo cáo!I30", type: "s", value: INJECTION }]);
    expect(seen.notes.map((n) => n.ref)).toEqual(["Báo cáo!I30"]);
    expect(seen.notes[0]!.text).toContain(`"${INJECTION}"`);
  });
});

describe("a clerk's cell holding control characters (written as character references, as an odd exporter might)", () => {
  // XML 1.0 forbids them even as references, yet our reader takes the file; the findings then quote them.
  const input = join(dir, "control-cell.xlsx");
  const marked = join(dir, "control-cell-marked.xlsx");
  const json = join(dir, "control-cell.json");
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    reportWithAnswer(input, `&#1;${INJECTION.replace("'", "&apos;")}&#7;`);
    result = await run(["check", input, "--out", marked, "--json", json]);
  });

  it("writes JSON with every control character escaped", () => {
    expect(result.code).toBe(0);
    const text = readFileSync(json, "utf8");
    expect(text.replace(/\n/g, "")).not.toMatch(FORBIDDEN);
    expect(text).toContain(JSON.stringify(`\u0001${INJECTION}\u0007`).slice(1, -1));
  });

  itWithOpenpyxl("writes notes without them: every part we wrote is well-formed XML, the note's text shown literally", () => {
    // the clerk's own shared strings are kept byte for byte (we never rewrite their parts); only ours are checked
    expect(partsWithControls(marked, input)).toEqual([]);
    const notes = parsePart(marked, "xl/chitieuCdsNotes1.xml");
    expect(notes).toContain(`"${INJECTION}"`);
    expect(notes).not.toMatch(FORBIDDEN);
  });
});

describe("a unit name from a units file holding a control character and a formula-looking text", () => {
  const name = `\u0001${INJECTION}\u001f`;
  const unitsFile = join(dir, "units.json");
  const template = join(dir, "hostile-unit.xlsx");
  const marked = join(dir, "hostile-unit-marked.xlsx");
  beforeAll(() => {
    const registry = structuredClone(rawUnits) as { units: { code: string; name: string }[] };
    registry.units.find((u) => u.code === "huyen-tam-duong")!.name = name;
    writeFileSync(unitsFile, JSON.stringify(registry));
  });

  it("lists the unit as JSON with the control characters escaped", async () => {
    const r = await run(["units", "--units", unitsFile, "--year", "2025", "--json"]);
    expect(r.code).toBe(0);
    expect(r.out.replace(/\n/g, "")).not.toMatch(FORBIDDEN);
    expect(r.out).toContain(JSON.stringify(name).slice(1, -1));
  });

  itWithOpenpyxl("writes a template (and a marked copy of it) where the name is a string shown literally, never a formula", async () => {
    const t = await run(["template", "--units", unitsFile, "--unit", "huyen-tam-duong", "--year", "2025", "--out", template]);
    expect(t).toMatchObject({ code: 0 });
    expect(partsWithControls(template)).toEqual([]);
    const cells = openpyxlFind(template, "cmd|").cells;
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) {
      expect(c.type).toBe("s");
      expect(c.value).toContain(INJECTION);
      expect(c.value).not.toMatch(FORBIDDEN);
    }

    const c = await run(["check", template, "--units", unitsFile, "--out", marked]);
    expect(c.code).toBe(0);
    expect(partsWithControls(marked, template)).toEqual([]);
    expect(openpyxlFind(marked, "cmd|").cells).toEqual(cells);
  });
});
