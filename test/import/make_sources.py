"""Writes .xlsx import sources the way a team's own files look (openpyxl: shared strings, real date cells)."""
import datetime
import sys
import openpyxl


def team_list(path, epoch1904=False):
    wb = openpyxl.Workbook()
    if epoch1904:
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Sheet1"
    other = wb.create_sheet("说明")
    other["A1"] = "这张表是销售部的客户名单"
    ws["A1"] = "2025年客户名单"
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(["单位名称", "对接人", "手机号", "行业类别", "录入日期", "预算", "地区"])
    ws.append(["杭州云栖软件有限公司", "陈工", 13800138000, "互联网", datetime.date(2025, 3, 8), 200000, "浙江杭州"])
    ws.append(["成都天府餐饮管理有限公司", "刘店长", "139 0013 9000", "餐饮", "2025.4.9", "80万", "成都"])
    ws["E4"].number_format = "yyyy-mm-dd"
    wb.save(path)


def second_sheet(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "封面"
    ws["A1"] = "封面"
    data = wb.create_sheet("跟进")
    data.append(["跟进日期", "客户名称", "方式", "跟进内容"])
    data.append([datetime.date(2026, 5, 6), "杭州云栖软件有限公司", "电联", "约了下周演示"])
    data["A2"].number_format = "yyyy/m/d"
    wb.save(path)


def fake_encrypted(path):
    # An encrypted .xlsx is an OLE2 compound file, not a zip.
    with open(path, "wb") as f:
        f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + b"\0" * 504)


if __name__ == "__main__":
    kind, out = sys.argv[1], sys.argv[2]
    {"team": lambda: team_list(out), "team1904": lambda: team_list(out, True), "second": lambda: second_sheet(out), "encrypted": lambda: fake_encrypted(out)}[kind]()
