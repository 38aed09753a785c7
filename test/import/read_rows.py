"""Prints every row of one sheet as [value, type] pairs (openpyxl, an independent reader), as JSON."""
import datetime
import json
import sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
rows = []
for row in ws.iter_rows():
    cells = []
    for c in row:
        v = c.value
        if isinstance(v, (datetime.datetime, datetime.date)):
            v = v.date().isoformat() if isinstance(v, datetime.datetime) else v.isoformat()
        cells.append([v, c.data_type])
    while cells and cells[-1][0] is None:
        cells.pop()
    rows.append(cells)
print(json.dumps({"rows": rows, "sheets": wb.sheetnames, "tables": {t.name: t.ref for t in ws.tables.values()}}, ensure_ascii=False))
