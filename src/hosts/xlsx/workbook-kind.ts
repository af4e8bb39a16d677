// Whether a package is a macro-enabled workbook (.xlsm) or a plain one (.xlsx), from the content type of its workbook
// part. Excel refuses to open a file whose extension does not match that content type.

import { type XlsxPackage } from "./package";

export type WorkbookExtension = ".xlsx" | ".xlsm";

const MACRO_ENABLED = /^application\/vnd\.ms-excel\.(sheet|template)\.macroEnabled\.main\+xml$/i;

export function workbookExtension(pkg: XlsxPackage): WorkbookExtension {
  const types = pkg.text("[Content_Types].xml") ?? "";
  for (const m of types.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
    const type = /\sContentType\s*=\s*["']([^"']+)["']/.exec(m[0])?.[1] ?? "";
    if (MACRO_ENABLED.test(type)) return ".xlsm";
  }
  return ".xlsx";
}
