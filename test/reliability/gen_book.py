"""Writes a team's workbook from a JSON spec (stdin): customer rows with extra user columns in a
shuffled order, merged cells in a user column, a hidden column, error values, and another sheet
whose name has spaces and quotes. Then dumps every cell as JSON (stdout)."""
import json
import os
import sys
import datetime
import openpyxl

# The shared helper beside the tests; no __pycache__ left in the tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from filled_cells import typed_cells  # noqa: E402  (a shared helper beside the tests, not a package)


def dump(path):
    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        # Floats as their repr, so a test sees the exact number written.
        out.update(typed_cells(ws, lambda v: repr(v) if isinstance(v, float) else v))
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
