// styles.xml -> the number format code of each cell style index (the `s` attribute of a cell).

import type { Deadline } from "../limits";
import { child, childrenNamed, parseXmlTree } from "../xml/tree";
import { builtInFormat } from "./number-formats";

export interface CellFormats {
  /** Format code for a cell style index; "General" when unknown. */
  formatOf(styleIndex: number): string;
}

export const GENERAL_ONLY: CellFormats = { formatOf: () => "General" };

// Workbooks made from one template carry the same styles part: a consolidation of thousands parses it once.
let last: { text: string; formats: CellFormats } | undefined;

export function parseStyles(text: string, part: string, deadline?: Deadline): CellFormats {
  if (last?.text === text) return last.formats;
  const formats = parseStylesText(text, part, deadline);
  last = { text, formats };
  return formats;
}

function parseStylesText(text: string, part: string, deadline?: Deadline): CellFormats {
  const root = parseXmlTree(text, part, deadline);
  const custom = new Map<number, string>();
  for (const f of childrenNamed(child(root, "numFmts"), "numFmt")) {
    const id = Number(f.attrs.numFmtId);
    if (Number.isInteger(id) && f.attrs.formatCode !== undefined) custom.set(id, f.attrs.formatCode);
  }
  const codes = childrenNamed(child(root, "cellXfs"), "xf").map((xf) => {
    const id = Number(xf.attrs.numFmtId ?? "0");
    return custom.get(id) ?? builtInFormat(id) ?? "General";
  });
  return { formatOf: (i) => codes[i] ?? "General" };
}
