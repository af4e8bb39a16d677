// A native Excel chart (DrawingML): a clustered bar chart of two series over the same categories, with the values
// cached in the chart part so Excel, LibreOffice and viewers that do not recalculate all draw it.

import { XML_DECLARATION } from "../template/xml-text";
import { escapeText } from "../xml/escape";

export interface ChartSpec {
  title: string;
  /** Sheet name and 1-based rows of the data: categories in A, series in B and C, their names in row `headerRow`. */
  sheet: string;
  headerRow: number;
  firstRow: number;
  categories: string[];
  series: { name: string; values: number[] }[];
}

const C_NS = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const COLOURS = ["4472C4", "ED7D31"];

function ref(sheet: string, col: string, from: number, to: number): string {
  return `'${sheet.replace(/'/g, "''")}'!$${col}$${from}:$${col}$${to}`;
}

function strCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeText(v)}</c:v></c:pt>`).join("")}</c:strCache>`;
}

function numCache(values: number[]): string {
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("")}</c:numCache>`;
}

/** A chart's bold title in Vietnamese, `size` in hundredths of a point (DrawingML). Shared by the bar and line charts. */
export function chartTitleXml(text: string, size: number): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="${size}" b="1"/><a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title>'
  );
}

export function chartXml(spec: ChartSpec): string {
  const last = spec.firstRow + spec.categories.length - 1;
  const series = spec.series
    .map((s, i) => {
      const col = String.fromCharCode(66 + i); // B, C
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeText(ref(spec.sheet, col, spec.headerRow, spec.headerRow))}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${COLOURS[i % COLOURS.length]}"/></a:solidFill></c:spPr>` +
        '<c:invertIfNegative val="0"/>' +
        `<c:cat><c:strRef><c:f>${escapeText(ref(spec.sheet, "A", spec.firstRow, last))}</c:f>${strCache(spec.categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeText(ref(spec.sheet, col, spec.firstRow, last))}</c:f>${numCache(s.values)}</c:numRef></c:val>` +
        "</c:ser>"
      );
    })
    .join("");
  const title = chartTitleXml(spec.title, 1400);
  return (
    XML_DECLARATION +
    `<c:chartSpace ${C_NS}>` +
    '<c:roundedCorners val="0"/>' +
    "<c:chart>" +
    title +
    '<c:autoTitleDeleted val="0"/>' +
    "<c:plotArea><c:layout/>" +
    '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    series +
    '<c:gapWidth val="80"/><c:axId val="111111111"/><c:axId val="222222222"/></c:barChart>' +
    '<c:catAx><c:axId val="111111111"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="222222222"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="222222222"/><c:scaling><c:orientation val="minMax"/><c:max val="100"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="111111111"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>' +
    "</c:plotArea>" +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    "</c:chart>" +
    "</c:chartSpace>"
  );
}

/** The drawing that places the chart: from (col, row) to (col, row), 0-based. */
export function drawingXml(from: { col: number; row: number }, to: { col: number; row: number }): string {
  const marker = (tag: string, p: { col: number; row: number }) => `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    XML_DECLARATION +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    "<xdr:twoCellAnchor>" +
    marker("from", from) +
    marker("to", to) +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic>' +
    "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
  );
}
