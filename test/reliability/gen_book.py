"""Writes a team's workbook from a JSON spec (stdin): customer rows with extra user columns in a
shuffled order, merged cells in a user column, a hidden column, error values, and another sheet
whose name has spaces and quotes. Then dumps every cell as JSON (stdout)."""
import json
import sys
import datetime
import openpyxl


def dump(path):
    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                v = c.value
                if isinstance(v, (datetime.datetime, datetime.date)):
                    v = v.isoformat()
                out[f"{ws.title}!{c.coordinate}"] = [v if not isinstance(v, float) else repr(v), c.data_type]
        out[f"{ws.title}!merged"] = sorted(str(r) for r in ws.merged_cells.ranges)
    return out


def make(path, spec):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "客户信息"
    headers = spec["headers"]
    ws.append(headers)
    for r in spec["rows"]:
        ws.append([r.get(h) for h in headers])
    if spec.get("merge") and len(spec["rows"]) >= 2:
        col = openpyxl.utils.get_column_letter(headers.index("我的备注") + 1)
        ws.merge_cells(f"{col}2:{col}3")
    ws.column_dimensions[openpyxl.utils.get_column_letter(headers.index("我的备注") + 1)].hidden = True
    fu = wb.create_sheet("跟进记录")
    fu.append(["日期*", "客户编号*", "跟进人*", "跟进方式*", "沟通内容摘要*", "我的列"])
    fu.append([datetime.date(2026, 5, 1), spec["rows"][0].get("客户编号*"), "张三", "电话", "第一次", "保留我"])
    other = wb.create_sheet(spec["other"])
    other["A1"] = "别动我"
    other["B2"] = "#N/A"
    wb.save(path)


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], json.load(sys.stdin))
    print(json.dumps(dump(sys.argv[2]), ensure_ascii=False, default=str))
