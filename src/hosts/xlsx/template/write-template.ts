// Renders a template layout into a real .xlsx package (hand-written OOXML, zipped with fflate).

import { strToU8, zipSync, type Zippable } from "fflate";
import { fillTemplateLayout, type IndicatorFigures } from "../../../core/template/fill";
import type { TemplateLayout } from "../../../core/template/types";
import { appXml, contentTypesXml, coreXml, customXml, rootRelsXml, workbookRelsXml, workbookXml } from "./package-parts";
import { SharedStrings } from "./shared-strings";
import { stylesXml } from "./styles-xml";
import { guideSheetXml, reportSheetXml } from "./worksheet-xml";

export interface WriteTemplateOptions {
  /** Figures to put in the input cells (fixtures and tests); cached results follow them. */
  values?: ReadonlyMap<string, IndicatorFigures>;
}

// a fixed timestamp keeps the bytes identical for identical layouts
const ZIP_TIME = new Date(2022, 1, 25, 0, 0, 0);

export function writeTemplateXlsx(layout: TemplateLayout, options: WriteTemplateOptions = {}): Uint8Array {
  const filled = options.values ? fillTemplateLayout(layout, options.values) : layout;
  const sheetNames = [filled.sheetName, filled.guide.sheetName];
  const styles = stylesXml(filled.styles, filled.differentialStyles);
  const strings = new SharedStrings();
  // sheets first: they fill the shared string table
  const report = reportSheetXml(filled, styles.index, styles.dxf, strings);
  const guide = guideSheetXml(filled, styles.index, strings);

  const files: Zippable = {
    "[Content_Types].xml": strToU8(contentTypesXml(sheetNames.length)),
    "_rels/.rels": strToU8(rootRelsXml()),
    "docProps/app.xml": strToU8(appXml(sheetNames)),
    "docProps/core.xml": strToU8(coreXml(filled.title, filled.date)),
    "docProps/custom.xml": strToU8(customXml(filled.metadata)),
    "xl/workbook.xml": strToU8(workbookXml(sheetNames, filled.print.titleRows)),
    "xl/_rels/workbook.xml.rels": strToU8(workbookRelsXml(sheetNames.length)),
    "xl/styles.xml": strToU8(styles.xml),
    "xl/sharedStrings.xml": strToU8(strings.xml()),
    "xl/worksheets/sheet1.xml": strToU8(report),
    "xl/worksheets/sheet2.xml": strToU8(guide),
  };
  return zipSync(files, { level: 6, mtime: ZIP_TIME });
}
