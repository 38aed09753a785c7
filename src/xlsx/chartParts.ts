import type { DashChart } from "../core/dashboard/layout";
import { rangeRef } from "../core/dashboard/layout";
import { escapeXml } from "./xml";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

export const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
export const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";

/** One palette for every chart: readable in print and for colour-blind readers (Okabe–Ito order). */
const PALETTE = ["1F77B4", "E69F00", "009E73", "CC79A7", "56B4E9", "D55E00", "F0E442", "0072B2", "999999", "7F7F7F", "B07AA1", "4E79A7"];

const solid = (rgb: string) => `<c:spPr><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill></c:spPr>`;
const v = (x: number | null) => (x === null || !Number.isFinite(x) ? "" : String(x));

function textProps(size: number, bold = false): string {
  // East Asian text needs an ea font, or viewers fall back to one without Chinese glyphs.
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"><a:latin typeface="Calibri"/><a:ea typeface="Microsoft YaHei"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
}

function title(text: string): string {
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1"><a:latin typeface="Calibri"/><a:ea typeface="Microsoft YaHei"/></a:rPr><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

function series(sheet: string, c: DashChart, inner: { before: string; labels: string }): string {
  const cats = c.cache.categories;
  const vals = c.cache.values;
  const strCache = `<c:strCache><c:ptCount val="${cats.length}"/>${cats.map((x, i) => `<c:pt idx="${i}"><c:v>${escapeXml(x)}</c:v></c:pt>`).join("")}</c:strCache>`;
  const numPts = vals.map((x, i) => (v(x) === "" ? "" : `<c:pt idx="${i}"><c:v>${v(x)}</c:v></c:pt>`)).join("");
  const numCache = `<c:numCache><c:formatCode>${escapeXml(c.cache.valueFormat)}</c:formatCode><c:ptCount val="${vals.length}"/>${numPts}</c:numCache>`;
  return `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeXml(c.series)}</c:v></c:tx>${inner.before}${inner.labels}`
    + (c.cache.dates
      ? `<c:cat><c:numRef><c:f>${escapeXml(rangeRef(sheet, c.categories))}</c:f><c:numCache><c:formatCode>${escapeXml(c.cache.dates.format)}</c:formatCode><c:ptCount val="${c.cache.dates.serials.length}"/>${c.cache.dates.serials.map((x, i) => `<c:pt idx="${i}"><c:v>${x}</c:v></c:pt>`).join("")}</c:numCache></c:numRef></c:cat>`
      : `<c:cat><c:strRef><c:f>${escapeXml(rangeRef(sheet, c.categories))}</c:f>${strCache}</c:strRef></c:cat>`)
    + `<c:val><c:numRef><c:f>${escapeXml(rangeRef(sheet, c.values))}</c:f>${numCache}</c:numRef></c:val>`;
}

function dataLabels(opts: { value: boolean; percent: boolean; pos?: string }): string {
  return `<c:dLbls>${textProps(900)}${opts.pos ? `<c:dLblPos val="${opts.pos}"/>` : ""}<c:showLegendKey val="0"/><c:showVal val="${opts.value ? 1 : 0}"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="${opts.percent ? 1 : 0}"/><c:showBubbleSize val="0"/></c:dLbls>`;
}

function axes(horizontal: boolean, valueFormat: string, categoryFormat?: string): string {
  // A horizontal bar lists its first category at the top, as the table beside it does.
  const cat = `<c:catAx><c:axId val="10"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/><c:numFmt formatCode="${escapeXml(categoryFormat ?? "General")}" sourceLinked="${categoryFormat ? 0 : 1}"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(900)}<c:crossAx val="20"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const val = `<c:valAx><c:axId val="20"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "t" : "l"}"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode="${escapeXml(valueFormat)}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(900)}<c:crossAx val="10"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  return cat + val;
}

/**
 * A DrawingML chart part (ECMA-376 Part 1, §21.2) over ranges of the dashboard sheet, with the
 * values as built cached so a viewer that does not recalculate still draws it.
 * @example chartXml("看板", chart) // "<?xml …?><c:chartSpace …>"
 */
export function chartXml(sheet: string, c: DashChart): string {
  let plot: string;
  let legend = "";
  switch (c.kind) {
    case "pie": {
      const points = c.cache.categories.map((_x, i) => `<c:dPt><c:idx val="${i}"/><c:bubble3D val="0"/>${solid(PALETTE[i % PALETTE.length] as string)}</c:dPt>`).join("");
      plot = `<c:pieChart><c:varyColors val="1"/>${series(sheet, c, { before: points, labels: dataLabels({ value: true, percent: true, pos: "bestFit" }) })}</c:ser><c:firstSliceAng val="0"/></c:pieChart>`;
      legend = `<c:legend><c:legendPos val="r"/><c:overlay val="0"/>${textProps(900)}</c:legend>`;
      break;
    }
    case "bar":
    case "column": {
      const horizontal = c.kind === "bar";
      plot = `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series(sheet, c, { before: `${solid(PALETTE[0] as string)}<c:invertIfNegative val="0"/>`, labels: dataLabels({ value: true, percent: false, pos: "outEnd" }) })}</c:ser><c:gapWidth val="60"/><c:axId val="10"/><c:axId val="20"/></c:barChart>${axes(horizontal, c.cache.valueFormat, c.cache.dates?.format)}`;
      break;
    }
    case "line": {
      const line = `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${PALETTE[0]}"/></a:solidFill><a:round/></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="5"/>${solid(PALETTE[0] as string)}</c:marker>`;
      plot = `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series(sheet, c, { before: line, labels: dataLabels({ value: true, percent: false, pos: "t" }) })}<c:smooth val="0"/></c:ser><c:marker val="1"/><c:axId val="10"/><c:axId val="20"/></c:lineChart>${axes(false, c.cache.valueFormat, c.cache.dates?.format)}`;
      break;
    }
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>${title(c.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>${textProps(1000)}</c:chartSpace>`;
}

/** The drawing part placing each chart over its cells (twoCellAnchor: it moves with the cells). */
export function drawingXml(charts: readonly DashChart[]): string {
  const anchors = charts.map((c, i) => {
    const a = c.anchor;
    const pos = (tag: string, col: number, row: number) => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return `<xdr:twoCellAnchor editAs="oneCell">${pos("from", a.col0, a.row0)}${pos("to", a.col1, a.row1)}`
      + `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(c.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`
      + `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
  }).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors}</xdr:wsDr>`;
}

export function relsXml(rels: ReadonlyArray<{ id: string; type: string; target: string }>): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join("")}</Relationships>`;
}
