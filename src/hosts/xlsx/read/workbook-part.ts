// workbook.xml: the sheets in tab order, their visibility, defined names and the date system.

import type { Deadline } from "../limits";
import { child, childrenNamed, parseXmlTree } from "../xml/tree";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface WorkbookSheetEntry {
  name: string;
  sheetId: string;
  /** Relationship id pointing at the sheet part. */
  relId: string;
  state: SheetState;
}

export interface DefinedName {
  name: string;
  /** Formula text, e.g. "Sheet1!$A$1:$B$4". */
  formula: string;
  /** Tab index the name is scoped to; undefined for workbook scope. */
  localSheetId?: number;
  hidden: boolean;
}

export interface WorkbookPart {
  sheets: WorkbookSheetEntry[];
  definedNames: DefinedName[];
  date1904: boolean;
}

function isTrue(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

export function parseWorkbookPart(text: string, part: string, deadline?: Deadline): WorkbookPart {
  const root = parseXmlTree(text, part, deadline);
  const sheets = childrenNamed(child(root, "sheets"), "sheet").map((s) => {
    const state = s.attrs.state;
    return {
      name: (s.attrs.name ?? "").normalize("NFC"),
      sheetId: s.attrs.sheetId ?? "",
      relId: s.attrs.id ?? "",
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
    } satisfies WorkbookSheetEntry;
  });
  const definedNames = childrenNamed(child(root, "definedNames"), "definedName").map((d) => {
    const local = d.attrs.localSheetId;
    const n: DefinedName = { name: d.attrs.name ?? "", formula: d.text, hidden: isTrue(d.attrs.hidden) };
    if (local !== undefined && /^\d+$/.test(local)) n.localSheetId = Number(local);
    return n;
  });
  const date1904 = isTrue(child(root, "workbookPr")?.attrs.date1904);
  return { sheets, definedNames, date1904 };
}
