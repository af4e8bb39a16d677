// xl/styles.xml from the layout's named styles: each style id becomes one cellXfs entry.

import type { CellStyle, DifferentialStyle, StyleId } from "../../../core/template/types";
import { escapeAttr } from "../xml/escape";
import { attrs, XML_DECLARATION } from "./xml-text";

const FONT_NAME = "Times New Roman";
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10 };
const FIRST_CUSTOM_FORMAT = 164;

export interface StylesPart<K extends string = StyleId> {
  xml: string;
  /** cellXfs index of each style id. */
  index: Record<K, number>;
  /** dxfId of each conditional-format style. */
  dxf: Record<"met" | "notMet", number>;
}

/** Keeps unique entries in insertion order and hands back their index. */
class Pool {
  readonly items: string[] = [];
  add(xml: string): number {
    const at = this.items.indexOf(xml);
    if (at >= 0) return at;
    this.items.push(xml);
    return this.items.length - 1;
  }
}

const argb = (rgb: string) => `FF${rgb.toUpperCase()}`;

function fontXml(f: CellStyle["font"]): string {
  const parts = [
    f?.bold ? "<b/>" : "",
    f?.italic ? "<i/>" : "",
    f?.underline ? "<u/>" : "",
    `<sz val="${f?.size ?? 11}"/>`,
    f?.color ? `<color rgb="${argb(f.color)}"/>` : "",
    `<name val="${FONT_NAME}"/>`,
    '<family val="1"/>',
  ];
  return `<font>${parts.join("")}</font>`;
}

function fillXml(rgb: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb(rgb)}"/><bgColor indexed="64"/></patternFill></fill>`;
}

const THIN_BORDER =
  '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>';

export function stylesXml<K extends string = StyleId>(styles: Record<K, CellStyle>, dxfs: Record<"met" | "notMet", DifferentialStyle>): StylesPart<K> {
  const fonts = new Pool();
  fonts.add(fontXml({ size: 11 }));
  const fills = new Pool();
  fills.add('<fill><patternFill patternType="none"/></fill>');
  fills.add('<fill><patternFill patternType="gray125"/></fill>');
  const borders = new Pool();
  borders.add("<border><left/><right/><top/><bottom/><diagonal/></border>");
  borders.add(THIN_BORDER);
  const customFormats = new Map<string, number>();
  const formatId = (code: string | undefined): number => {
    if (code === undefined) return 0;
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = customFormats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + customFormats.size;
      customFormats.set(code, id);
    }
    return id;
  };

  const xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  const index = {} as Record<K, number>;
  for (const [id, style] of Object.entries(styles) as [K, CellStyle][]) {
    const fontId = fonts.add(fontXml(style.font));
    const fillId = style.fill ? fills.add(fillXml(style.fill)) : 0;
    const borderId = style.border === "thin" ? 1 : 0;
    const numFmtId = formatId(style.numFmt);
    const a = style.align;
    const alignment = a ? `<alignment${attrs({ horizontal: a.horizontal, vertical: a.vertical, wrapText: a.wrap })}/>` : "";
    // every cell states its protection explicitly: inputs unlocked, the rest locked
    const protection = `<protection locked="${style.locked ? 1 : 0}"${style.hidden ? ' hidden="1"' : ""}/>`;
    xfs.push(
      `<xf${attrs({ numFmtId, fontId, fillId, borderId, xfId: 0, applyNumberFormat: numFmtId !== 0, applyFont: true, applyFill: fillId !== 0, applyBorder: borderId !== 0, applyAlignment: !!a, applyProtection: true })}>${alignment}${protection}</xf>`,
    );
    index[id] = xfs.length - 1;
  }

  const dxfOrder: ("met" | "notMet")[] = ["met", "notMet"];
  const dxfXml = dxfOrder
    .map((k) => {
      const d = dxfs[k];
      return `<dxf><font><color rgb="${argb(d.fontColor)}"/></font><fill><patternFill patternType="solid"><fgColor rgb="${argb(d.fill)}"/><bgColor rgb="${argb(d.fill)}"/></patternFill></fill></dxf>`;
    })
    .join("");

  const numFmts = [...customFormats.entries()].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`).join("");
  const xml =
    XML_DECLARATION +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    (customFormats.size ? `<numFmts count="${customFormats.size}">${numFmts}</numFmts>` : "") +
    `<fonts count="${fonts.items.length}">${fonts.items.join("")}</fonts>` +
    `<fills count="${fills.items.length}">${fills.items.join("")}</fills>` +
    `<borders count="${borders.items.length}">${borders.items.join("")}</borders>` +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    `<dxfs count="${dxfOrder.length}">${dxfXml}</dxfs>` +
    '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    "</styleSheet>";
  return { xml, index, dxf: { met: 0, notMet: 1 } };
}
