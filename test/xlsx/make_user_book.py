"""Builds a user's workbook the way a team would have it: our two sheets as plain ranges (with a
column of their own), plus a chart, an image, a comment, another sheet and a defined name."""
import sys
import datetime
import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName


def main(path, variant="plain"):
    wb = openpyxl.Workbook()
    if variant == "1904":
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "客户信息"
    headers = ["客户编号*", "客户名称*", "我的备注", "所属行业*", "联系人*", "联系电话", "当前阶段*", "负责人*", "匹配度", "合作意向", "预计金额(元)", "预计成交日期", "建档日期",
               "客户等级", "分级依据", "首次跟进日期", "最近跟进日期", "跟进次数", "下次跟进日期", "距下次跟进(天)", "跟进状态"]
    ws.append(headers)
    ws.append(["KH-202605-001", "上海明远精密机械有限公司", "老客户,别删", "C 制造业", "王经理", "13812345678", "需求确认", "张三", "高", "中", 200000, datetime.date(2026, 6, 1), datetime.date(2026, 1, 5)])
    ws.append([None, "杭州云栖餐饮管理有限公司", "=SUM(1,2)", "H 住宿和餐饮业", "李总", "02162345678", "新线索", "李四", "低", "低", "5万", "2026/7/1", datetime.date(2025, 10, 1)])
    ws.append(["KH-202605-003", "北京鼎盛物流有限公司 🚚", "𠮷野家", "G 交通运输、仓储和邮政业", "赵总", None, "输单", "张三"])
    ws["C2"].comment = Comment("这是用户的批注", "用户")
    fu = wb.create_sheet("跟进记录")
    fu.append(["日期*", "客户编号*", "客户名称", "跟进人*", "跟进方式*", "沟通内容摘要*", "客户反馈", "下一步计划", "下次跟进日期", "阶段更新"])
    fu.append([datetime.date(2026, 5, 11), "KH-202605-001", "上海明远精密机械有限公司", "张三", "电话", "沟通需求", None, None, datetime.date(2026, 5, 13)])
    other = wb.create_sheet("销售报表")
    other.append(["月份", "金额"])
    for i in range(1, 7):
        other.append([f"{i}月", i * 1000])
    chart = BarChart()
    chart.add_data(Reference(other, min_col=2, min_row=1, max_row=7), titles_from_data=True)
    other.add_chart(chart, "D2")
    try:
        from openpyxl.drawing.image import Image
        from PIL import Image as PILImage
        img_path = path + ".png"
        PILImage.new("RGB", (8, 8), (200, 30, 30)).save(img_path)
        other.add_image(Image(img_path), "D20")
    except ImportError:
        pass
    dn = DefinedName("报表金额", attr_text="'销售报表'!$B$2:$B$7")
    if hasattr(wb.defined_names, "append"):
        wb.defined_names.append(dn)
    else:
        wb.defined_names["报表金额"] = dn
    wb.save(path)


if __name__ == "__main__":
    main(*sys.argv[1:])
