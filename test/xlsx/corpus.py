"""Workbooks written by other programs, for the file door's corpus test.

  corpus.py fill TEMPLATE OUT            our template filled with the corpus data and saved by openpyxl
  corpus.py excel365 IN OUT VARIANT      IN's parts reshaped as Excel 365 writes them (VARIANT: prefixed | plain | calc)
  corpus.py dump FILE                    every cell of every sheet: value, type (formulas as text)
  corpus.py data                         the corpus data as JSON (dates as ISO text)
  corpus.py parts FILE PART ...          the text of some parts, as JSON

The data is fixed (three customers, two follow-ups); the test grades the same data with the core
and compares.
"""
import datetime
import io
import json
import os
import re
import sys
import zipfile

import openpyxl

# The shared helper beside the tests; no __pycache__ left in the tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from filled_cells import typed_cells  # noqa: E402  (a shared helper beside the tests, not a package)

CUSTOMERS = [
    {"A": "KH-202601-001", "B": "上海明远精密机械有限公司", "C": "明远", "F": "C 制造业", "M": "王经理", "P": "13812345678", "T": 600000, "U": datetime.date(2026, 6, 10),
     "V": "高", "W": "高", "X": "需求确认", "AD": "张三", "AE": datetime.date(2026, 1, 5), "AG": "老客户,别删"},
    {"A": "KH-202601-002", "B": "杭州云栖餐饮管理有限公司", "F": "H 住宿和餐饮业", "M": "李总", "T": 20000, "U": datetime.date(2026, 12, 1),
     "V": "低", "W": "低", "X": "新线索", "AD": "李四", "AE": datetime.date(2025, 10, 1), "AG": "备注二"},
    {"A": "KH-202601-003", "B": "北京鼎盛物流有限公司 🚚", "C": "𠮷野家", "F": "G 交通运输、仓储和邮政业", "M": "赵总", "T": 150000, "U": datetime.date(2026, 8, 1),
     "V": "中", "W": "中", "X": "方案提交", "AD": "张三", "AE": datetime.date(2026, 2, 1), "AG": "备注三"},
]
FOLLOW_UPS = [
    {"A": datetime.date(2026, 5, 11), "B": "KH-202601-001", "D": "张三", "E": "电话", "F": "沟通需求", "I": datetime.date(2026, 5, 13)},
    {"A": datetime.date(2026, 4, 1), "B": "KH-202601-003", "D": "张三", "E": "上门拜访", "F": "演示产品"},
]


def fill(template, out):
    wb = openpyxl.load_workbook(template)
    cu, fu = wb["客户信息"], wb["跟进记录"]
    put(cu, CUSTOMERS)
    put(fu, FOLLOW_UPS)
    # The tables grow by the rows filled in and keep the template's width, whatever columns it has.
    grow(cu.tables["CRM_Customers"], 1 + len(CUSTOMERS))
    grow(fu.tables["CRM_FollowUps"], 1 + len(FOLLOW_UPS))
    wb.save(out)


def put(ws, rows):
    """The rows below the header, each a {column letter: value}; dates shown as dates."""
    for i, row in enumerate(rows):
        for col, v in row.items():
            cell = ws[f"{col}{i + 2}"]
            cell.value = v
            if isinstance(v, datetime.date):
                cell.number_format = "yyyy-mm-dd"


def grow(table, last_row):
    first_col, first_row, last_col, _ = openpyxl.utils.cell.range_boundaries(table.ref)
    ref = "%s%d:%s%d" % (openpyxl.utils.get_column_letter(first_col), first_row, openpyxl.utils.get_column_letter(last_col), last_row)
    table.ref = ref
    table.autoFilter.ref = ref


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XR = "http://schemas.microsoft.com/office/spreadsheetml/2014/revision"
X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def cell_re(ref):
    return re.compile(r'<c r="%s"[^>]*?(/>|>.*?</c>)' % ref, re.S)


def set_cell(xml, ref, new):
    """Replaces cell `ref` (or inserts it in column order in its row)."""
    m = cell_re(ref).search(xml)
    if m:
        return xml[:m.start()] + new + xml[m.end():]
    row = re.match(r"[A-Z]+(\d+)", ref).group(1)
    rm = re.search(r'<row r="%s"[^>]*?(/>|>)' % row, xml)
    if rm.group(1) == "/>":
        return xml[:rm.start()] + rm.group(0)[:-2] + ">" + new + "</row>" + xml[rm.end():]
    end = xml.index("</row>", rm.end())
    col = col_num(ref)
    inner = xml[rm.end():end]
    at = len(inner)
    for c in re.finditer(r'<c r="([A-Z]+)\d+"', inner):
        if col_num(c.group(1)) > col:
            at = c.start()
            break
    return xml[:rm.end()] + inner[:at] + new + inner[at:] + xml[end:]


def col_num(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n


def ensure_row(xml, n):
    if re.search(r'<row r="%d"[\s>/]' % n, xml):
        return xml
    return xml.replace("</sheetData>", '<row r="%d"></row></sheetData>' % n)


def excel_root(xml, root):
    """Excel 365's namespaces on a part's root: mc:Ignorable with x14ac, xr and an xr:uid."""
    m = re.search(r"<%s\b[^>]*>" % root, xml)
    tag = m.group(0)
    new = re.sub(r'\s(xmlns:mc|mc:Ignorable|xmlns:x14ac|xmlns:xr)="[^"]*"', "", tag)
    new = new[:-1] + ' xmlns:mc="%s" mc:Ignorable="x14ac xr" xmlns:x14ac="%s" xmlns:xr="%s" xr:uid="{00000000-0001-0000-0000-000000000000}">' % (MC, X14AC, XR)
    return xml[:m.start()] + new + xml[m.end():]


def prefixed(xml):
    """Every SpreadsheetML element with an x: prefix, the namespace declared as xmlns:x."""
    xml = xml.replace('xmlns="%s"' % MAIN, 'xmlns:x="%s"' % MAIN, 1)
    return re.sub(r"<(/?)([A-Za-z][\w]*)(?=[\s/>])", lambda m: "<%sx:%s" % (m.group(1), m.group(2)), xml)


def single_quoted(xml):
    """Attributes in single quotes (values without an apostrophe), as some writers produce."""
    return re.sub(r'(\s[\w:]+)="([^"\']*)"', r"\1='\2'", xml)


def without_r(xml):
    """Rows and cells without r where their position follows from the previous one."""
    out = []
    last_row = 0
    pos = 0
    for m in re.finditer(r'<row r="(\d+)"([^>]*?)(/>|>(.*?)</row>)', xml, re.S):
        n = int(m.group(1))
        head = '<row%s' % m.group(2) if n == last_row + 1 else '<row r="%d"%s' % (n, m.group(2))
        last_row = n
        body = m.group(4)
        if body is None:
            out.append(xml[pos:m.start()] + head + "/>")
        else:
            cells = []
            last_col = 0
            for c in re.finditer(r'<c r="([A-Z]+)\d+"', body):
                col = col_num(c.group(1))
                cells.append((c, col == last_col + 1))
                last_col = col
            new_body = body
            for c, drop in reversed(cells):
                if drop:
                    new_body = new_body[:c.start()] + "<c" + new_body[c.end():]
            out.append(xml[pos:m.start()] + head + ">" + new_body + "</row>")
        pos = m.end()
    out.append(xml[pos:])
    return "".join(out)


def excel365(src, out, variant):
    zin = zipfile.ZipFile(src)
    parts = {n: zin.read(n) for n in zin.namelist()}
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    wb = parts["xl/workbook.xml"].decode()
    sheet_rid = dict(re.findall(r'<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"', wb))
    if not sheet_rid:
        sheet_rid = {a: b for b, a in re.findall(r'<sheet [^>]*r:id="([^"]+)"[^>]*name="([^"]+)"', wb)}
    target = {i: t for i, t in re.findall(r'<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"', rels)}
    if not target:
        target = {i: t for t, i in re.findall(r'<Relationship [^>]*Target="([^"]+)"[^>]*Id="([^"]+)"', rels)}
    path = lambda name: "xl/" + target[sheet_rid[name]].lstrip("/").replace("xl/", "")
    cu_path, fu_path = path("客户信息"), path("跟进记录")
    cu = parts[cu_path].decode()
    # Shared formulas in a user column (S, with cached string results) ...
    cu = set_cell(cu, "S2", '<c r="S2" t="str"><f t="shared" ref="S2:S4" si="0">B2&amp;"-需求"</f><v>上海明远精密机械有限公司-需求</v></c>')
    cu = set_cell(cu, "S3", '<c r="S3" t="str"><f t="shared" si="0"/><v>杭州云栖餐饮管理有限公司-需求</v></c>')
    cu = set_cell(cu, "S4", '<c r="S4" t="str"><f t="shared" si="0"/><v>北京鼎盛物流有限公司 🚚-需求</v></c>')
    # ... and in our derived Grade column, filled past the table: its master is overwritten by grading.
    for n in (5, 6):
        cu = ensure_row(cu, n)
    cu = set_cell(cu, "AH2", '<c r="AH2" t="str"><f t="shared" ref="AH2:AH6" si="1">A2&amp;"?"</f><v>KH-202601-001?</v></c>')
    for n in (3, 4, 5, 6):
        cu = set_cell(cu, "AH%d" % n, '<c r="AH%d" t="str"><f t="shared" si="1"/><v>x</v></c>' % n)
    cu = set_cell(cu, "A5", '<c r="A5" t="inlineStr"><is><t>表格下方的用户单元格</t></is></c>')
    # Inline rich text, and t="e", "b", "d" cells (closeDate as an ISO date cell is read by grading).
    cu = set_cell(cu, "C2", '<c r="C2" t="inlineStr"><is><r><t>明远</t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve"> 精密</t></r></is></c>')
    cu = set_cell(cu, "Y3", '<c r="Y3" t="e"><v>#N/A</v></c>')
    cu = set_cell(cu, "Y4", '<c r="Y4" t="b"><v>1</v></c>')
    style = re.search(r'<c r="U2"( s="\d+")?', cu).group(1) or ""
    cu = set_cell(cu, "U2", '<c r="U2"%s t="d"><v>2026-06-10T00:00:00</v></c>' % style)
    cu = excel_root(cu, "worksheet")
    cu = re.sub(r"<row ([^>]*?)(/?)>", lambda m: "<row %s x14ac:dyDescent=\"0.25\"%s>" % (m.group(1), m.group(2)), cu)
    fu = parts[fu_path].decode()
    # An Excel 2010 list validation (x14, in extLst) over the table's rows: logging extends it.
    ext = ('<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
           '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1">'
           "<x14:formula1><xm:f>'下拉选项'!$A$2:$A$5</xm:f></x14:formula1><xm:sqref>G2:G3</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>")
    fu = re.sub(r"<extLst>.*?</extLst>", "", fu, flags=re.S)
    fu = fu.replace("</worksheet>", ext + "</worksheet>")
    fu = excel_root(fu, "worksheet")
    fu = without_r(fu)
    # calcPr: without fullCalcOnLoad, with fullCalcOnLoad="0", or absent.
    wb = re.sub(r"<calcPr\b[^>]*/>", "", wb)
    calc = {"prefixed": '<calcPr calcId="191029" fullCalcOnLoad="0"/>', "plain": "", "calc": '<calcPr calcId="191029"/>'}[variant]
    if calc:
        at = wb.index("</definedNames>") + len("</definedNames>") if "</definedNames>" in wb else wb.index("</sheets>") + len("</sheets>")
        wb = wb[:at] + calc + wb[at:]
    if variant == "plain":
        # Space before an end tag's ">" is XML too: rows ending "</row >" and "</row\n\t>".
        cu = cu.replace("</row>", "</row >")
        fu = fu.replace("</row>", "</row\n\t>")
    if variant == "prefixed":
        cu, fu, wb = prefixed(cu), prefixed(fu), prefixed(wb)
        cu, wb = single_quoted(cu), single_quoted(wb)
        parts["xl/styles.xml"] = single_quoted(prefixed(parts["xl/styles.xml"].decode())).encode()
    parts[cu_path], parts[fu_path], parts["xl/workbook.xml"] = cu.encode(), fu.encode(), wb.encode()
    parts.pop("xl/calcChain.xml", None)
    zout = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
    for name in zin.namelist():
        if name in parts:
            zout.writestr(name, parts[name])
    zout.close()


def dump(path):
    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        # Anything JSON has no type for (an error value, a time) as its text.
        out.update(typed_cells(ws, lambda v: v if isinstance(v, (str, int, float, bool)) else str(v)))
    return out


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "fill":
        fill(sys.argv[2], sys.argv[3])
    elif mode == "excel365":
        excel365(sys.argv[2], sys.argv[3], sys.argv[4])
    elif mode == "data":
        iso = lambda row: {k: (v.isoformat() if isinstance(v, datetime.date) else v) for k, v in row.items()}
        print(json.dumps({"customers": [iso(r) for r in CUSTOMERS], "followUps": [iso(r) for r in FOLLOW_UPS]}, ensure_ascii=False))
    elif mode == "parts":
        z = zipfile.ZipFile(sys.argv[2])
        print(json.dumps({n: z.read(n).decode("utf-8") for n in sys.argv[3:]}, ensure_ascii=False))
    elif mode == "dump":
        print(json.dumps(dump(sys.argv[2]), ensure_ascii=False, default=str))
