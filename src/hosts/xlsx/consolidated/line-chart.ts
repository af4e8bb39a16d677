// A native Excel line chart (DrawingML) of series laid out in rows: the years across one header row, each series on
// its own row. Values are cached in the chart part so Excel, LibreOffice and viewers that do not recalculate draw it;
// a year without a value is left out of the cache and drawn as a gap.

import { cellAddress } from "../../../core/a1";
import { XML_DECLARATION } from "../template/xml-text";
import { escapeText } from "../xml/escape";
import { chartTitleXml } from "./chart";

export interface LineSeries {
  name: string;
  /** 1-based row holding the series (its name in `nameColumn`, its values under the years). */
  row: number;
  values: (number | null)[];
  colour: string;
  dashed?: boolean;
}

export interface LineChartSpec {
  title: string;
  sheet: string;
  /** 1-based row of the years, 0-based first and last columns of the years, and the 0-based column of the names. */
  yearRow: number;
  firstColumn: number;
  lastColumn: number;
  nameColumn: number;
  years: number[];
  series: LineSeries[];
  /** Axis bounds (percent indicators: 0 to 100); left to the application when absent. */
  min?: number;
  max?: number;
}

const C_NS = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const abs = (a1: string) => a1.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");

function rowRef(sheet: string, row: number, from: number, to: number): string {
  return `'${sheet.replace(/'/g, "''")}'!${abs(cellAddress(row - 1, from))}:${abs(cellAddress(row - 1, to))}`;
}

function numCache(values: readonly (number | null)[], format = "General"): string {
  const pts = values.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("");
  return `<c:numCache><c:formatCode>${format}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

export function lineChartXml(spec: LineChartSpec): string {
  const catRef = rowRef(spec.sheet, spec.yearRow, spec.firstColumn, spec.lastColumn);
  const series = spec.series
    .map((s, i) => {
      const nameRef = `'${spec.sheet.replace(/'/g, "''")}'!${abs(cellAddress(s.row - 1, spec.nameColumn))}`;
      const line = `<a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${s.colour}"/></a:solidFill>${s.dashed ? '<a:prstDash val="dash"/>' : ""}<a:round/></a:ln>`;
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeText(nameRef)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeText(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
        `<c:spPr>${line}</c:spPr>` +
        `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr><a:solidFill><a:srgbClr val="${s.colour}"/></a:solidFill></c:spPr></c:marker>` +
        `<c:cat><c:numRef><c:f>${escapeText(catRef)}</c:f>${numCache(spec.years)}</c:numRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeText(rowRef(spec.sheet, s.row, spec.firstColumn, spec.lastColumn))}</c:f>${numCache(s.values)}</c:numRef></c:val>` +
        '<c:smooth val="0"/></c:ser>'
      );
    })
    .join("");
  const title = chartTitleXml(spec.title, 1100);
  const bounds = (spec.max !== undefined ? `<c:max val="${spec.max}"/>` : "") + (spec.min !== undefined ? `<c:min val="${spec.min}"/>` : "");
  return (
    XML_DECLARATION +
    `<c:chartSpace ${C_NS}>` +
    '<c:roundedCorners val="0"/>' +
    "<c:chart>" +
    title +
    '<c:autoTitleDeleted val="0"/>' +
    "<c:plotArea><c:layout/>" +
    '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
    series +
    '<c:marker val="1"/><c:axId val="333333333"/><c:axId val="444444444"/></c:lineChart>' +
    '<c:catAx><c:axId val="333333333"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="444444444"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="444444444"/><c:scaling><c:orientation val="minMax"/>${bounds}</c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="333333333"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    "</c:plotArea>" +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    "</c:chart>" +
    "</c:chartSpace>"
  );
}

/** A drawing placing several charts, each by its cells (0-based, from and to), with relationship ids rId1, rId2… */
export function chartsDrawingXml(anchors: readonly { from: { col: number; row: number }; to: { col: number; row: number } }[]): string {
  const marker = (tag: string, p: { col: number; row: number }) => `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    XML_DECLARATION +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    anchors
      .map(
        (a, i) =>
          "<xdr:twoCellAnchor>" +
          marker("from", a.from) +
          marker("to", a.to) +
          `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
          '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
          `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
          "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>",
      )
      .join("") +
    "</xdr:wsDr>"
  );
}
