/**
 * The Office.js members the double implements, checked against @types/office-js at compile time:
 * a misspelt member here (or one Excel does not have) does not compile.
 */
type Members<T> = readonly (keyof T)[];
const members = <T>() => <const L extends Members<T>>(list: L): L => list;

export const DOUBLE_API = {
  RequestContext: members<Excel.RequestContext>()(["workbook", "sync", "trackedObjects", "runtime"]),
  Workbook: members<Excel.Workbook>()(["worksheets", "tables", "names", "settings", "application", "getSelectedRange"]),
  Application: members<Excel.Application>()(["suspendApiCalculationUntilNextSync", "suspendScreenUpdatingUntilNextSync", "load"]),
  WorksheetCollection: members<Excel.WorksheetCollection>()(["add", "getItem", "getItemOrNullObject", "getActiveWorksheet", "getCount", "items", "load"]),
  Worksheet: members<Excel.Worksheet>()([
    "name", "id", "position", "visibility", "getRange", "getRanges", "getRangeByIndexes", "getUsedRange", "getUsedRangeOrNullObject", "activate", "delete",
    "protection", "freezePanes", "tables", "names", "charts", "onChanged", "onSelectionChanged", "autoFilter", "isNullObject", "load",
    "pageLayout", "horizontalPageBreaks", "verticalPageBreaks",
  ]),
  AutoFilter: members<Excel.AutoFilter>()(["enabled", "isDataFiltered", "load"]),
  RangeAreas: members<Excel.RangeAreas>()(["address", "areaCount", "format", "getSpecialCells", "load"]),
  RangeView: members<Excel.RangeView>()(["cellAddresses", "rowCount", "load"]),
  WorksheetProtection: members<Excel.WorksheetProtection>()(["protected", "protect", "unprotect", "load"]),
  WorksheetFreezePanes: members<Excel.WorksheetFreezePanes>()(["freezeRows"]),
  Range: members<Excel.Range>()([
    "values", "formulas", "numberFormat", "text", "valueTypes", "address", "rowCount", "columnCount", "rowIndex", "columnIndex",
    "getRowsBelow", "getRowsAbove", "getResizedRange", "getOffsetRange", "getCell", "getColumn", "getRow", "getLastRow", "getEntireColumn",
    "getUsedRangeOrNullObject", "select", "insert", "delete", "clear", "merge", "find", "findOrNullObject", "getIntersectionOrNullObject", "getSpecialCells", "getSpecialCellsOrNullObject", "getVisibleView", "format", "dataValidation", "conditionalFormats", "worksheet", "isNullObject", "load",
  ]),
  RangeFormat: members<Excel.RangeFormat>()(["fill", "font", "protection", "columnWidth", "rowHeight", "wrapText", "horizontalAlignment", "verticalAlignment", "shrinkToFit", "autofitColumns", "load"]),
  RangeFill: members<Excel.RangeFill>()(["color", "clear", "load"]),
  RangeFont: members<Excel.RangeFont>()(["color", "bold", "size", "load"]),
  FormatProtection: members<Excel.FormatProtection>()(["locked", "load"]),
  DataValidation: members<Excel.DataValidation>()(["rule", "prompt", "errorAlert", "ignoreBlanks", "clear", "load"]),
  ConditionalFormatCollection: members<Excel.ConditionalFormatCollection>()(["add", "clearAll", "getCount"]),
  ConditionalFormat: members<Excel.ConditionalFormat>()(["custom", "priority", "stopIfTrue", "load"]),
  TableCollection: members<Excel.TableCollection>()(["add", "getItem", "getItemOrNullObject", "getCount", "items", "load"]),
  Table: members<Excel.Table>()([
    "name", "id", "showTotals", "style", "rows", "columns", "worksheet", "getRange", "getHeaderRowRange", "getDataBodyRange", "getTotalRowRange", "delete", "resize", "autoFilter", "isNullObject", "load",
  ]),
  TableRowCollection: members<Excel.TableRowCollection>()(["add", "count", "getCount", "load"]),
  TableColumnCollection: members<Excel.TableColumnCollection>()(["add", "getItemOrNullObject", "items", "count", "load"]),
  TableColumn: members<Excel.TableColumn>()(["name", "index", "getDataBodyRange", "isNullObject", "load"]),
  NamedItemCollection: members<Excel.NamedItemCollection>()(["add", "getItemOrNullObject", "items", "load"]),
  NamedItem: members<Excel.NamedItem>()(["name", "formula", "visible", "getRange", "getRangeOrNullObject", "delete", "isNullObject", "load"]),
  SettingCollection: members<Excel.SettingCollection>()(["add", "getItemOrNullObject"]),
  Setting: members<Excel.Setting>()(["value", "delete", "isNullObject", "load"]),
  ChartCollection: members<Excel.ChartCollection>()(["add", "count", "getItemAt", "getCount", "load"]),
  Chart: members<Excel.Chart>()(["name", "chartType", "title", "legend", "dataLabels", "axes", "series", "setPosition", "delete", "load"]),
  ChartTitle: members<Excel.ChartTitle>()(["text", "visible", "load"]),
  ChartLegend: members<Excel.ChartLegend>()(["visible", "load"]),
  ChartDataLabels: members<Excel.ChartDataLabels>()(["showValue", "load"]),
  ChartAxes: members<Excel.ChartAxes>()(["categoryAxis"]),
  ChartAxis: members<Excel.ChartAxis>()(["reversePlotOrder", "load"]),
  ChartSeriesCollection: members<Excel.ChartSeriesCollection>()(["count", "getItemAt", "getCount", "load"]),
  ChartSeries: members<Excel.ChartSeries>()(["name", "setValues", "setXAxisValues", "load"]),
  PageLayout: members<Excel.PageLayout>()(["orientation", "zoom", "load"]),
  PageBreakCollection: members<Excel.PageBreakCollection>()(["add", "getCount", "removePageBreaks", "load"]),
} as const;
