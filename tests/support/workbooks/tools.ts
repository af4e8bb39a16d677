// LibreOffice and openpyxl, the independent readers of what we write, driven for the robustness specs.

import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { PYTHON, requireTools } from "../tools";

export { PYTHON } from "../tools";

/** `it` for tests that need LibreOffice and openpyxl, through the one guard (fails in CI, skips with advice elsewhere). */
export function itWithTools(): (name: string, fn?: jest.ProvidesCallback, timeout?: number) => void {
  return requireTools(["soffice", "openpyxl"]).it;
}

/** A throwaway LibreOffice profile, so that parallel runs do not share (and lock) one. */
export function soffice(dir: string, filter: string, files: string[]): string[] {
  const profile = join(dir, "lo-profile");
  mkdirSync(profile, { recursive: true });
  const out = join(dir, "lo-out");
  mkdirSync(out, { recursive: true });
  execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", filter, "--outdir", out, ...files], { stdio: "pipe", timeout: 120_000 });
  const ext = filter.split(":")[0]!;
  return files.map((f) => join(out, basename(f).replace(/\.[^.]+$/, `.${ext}`)));
}

/** What LibreOffice made of a workbook: conditional-format ranges and note texts, from its flat ODF export. */
export function libreOfficeView(fods: string): { conditionalRanges: string[]; notes: string[] } {
  const xml = readFileSync(fods, "utf8");
  const conditionalRanges = [...xml.matchAll(/<calcext:conditional-format calcext:target-range-address="([^"]+)"/g)].map((m) => m[1]!);
  const notes = [...xml.matchAll(/<office:annotation\b[\s\S]*?<\/office:annotation>/g)].map((m) => m[0].replace(/<[^>]+>/g, ""));
  return { conditionalRanges, notes };
}

/** Runs a Python snippet with /usr/bin/python3 (openpyxl importable); its stdout parsed as JSON. */
export function python(dir: string, script: string, args: string[] = []): unknown {
  const file = join(dir, `script-${Math.random().toString(36).slice(2)}.py`);
  writeFileSync(file, script);
  return JSON.parse(execFileSync(PYTHON, [file, ...args], { encoding: "utf8", timeout: 60_000, stdio: ["ignore", "pipe", "pipe"] }));
}

/** Conditional-format fills and notes of one sheet as openpyxl reads them. */
export const OPENPYXL_VIEW = String.raw`
import json, sys, warnings
warnings.simplefilter("ignore")
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]] if len(sys.argv) > 2 else wb.worksheets[0]
rules = []
for cf in ws.conditional_formatting:
    for r in cf.rules:
        fill = r.dxf.fill.bgColor.rgb if r.dxf is not None and r.dxf.fill is not None else None
        rules.append({"sqref": str(cf.sqref), "fill": fill})
notes = {c.coordinate: c.comment.text for row in ws.iter_rows() for c in row if c.comment}
values = [[c.value for c in row] for row in ws.iter_rows(max_row=3, max_col=2)]
print(json.dumps({"sheets": wb.sheetnames, "rules": rules, "notes": notes, "values": values}, default=str))
`;
